"""Spider diagram and documents. Importing this package does not load matplotlib."""
