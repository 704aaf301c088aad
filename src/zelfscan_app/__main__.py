"""`python -m zelfscan_app` behaves exactly like the `zelfscan` command.

Guarded, because a process pool started with spawn or forkserver (the reader's pool in a
process that runs threads) imports the main module again in its workers: unguarded, every
worker would run the command once more."""

from zelfscan_app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
