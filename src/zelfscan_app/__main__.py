"""`python -m zelfscan_app` behaves exactly like the `zelfscan` command."""

from zelfscan_app.cli.main import main

raise SystemExit(main())
