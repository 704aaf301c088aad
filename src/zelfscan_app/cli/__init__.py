"""The `zelfscan` command: thin argparse front over the services (regions and scripts use it)."""
