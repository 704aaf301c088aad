"""Storage: SQLAlchemy 2.0 models, the database handle with migrations, repository functions."""
