"""Use cases shared by the GUI and the CLI. Both call these; nothing is computed twice."""
