"""The question flow of a running session: navigator, question view, autosave, aids."""
