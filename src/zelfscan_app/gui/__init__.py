"""PySide6 views and models. They call the services; they compute nothing themselves."""
