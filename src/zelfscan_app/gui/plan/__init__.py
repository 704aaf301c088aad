"""The plan van aanpak in the GUI: the improvement-action editor and the Word exports."""
