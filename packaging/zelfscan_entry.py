"""Entry script of the frozen build: exactly the `zelfscan` console script."""

from zelfscan_app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
