"""`make bench`: every measure against a baseline measured in the same run.

Prints one table and writes benchmarks/results.json. `--quick` runs tiny sizes (used by the test
suite so the benchmarks don't rot; its figures mean nothing).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_database
import bench_merge
import bench_startup
from common import Result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--out", default=str(Path(__file__).with_name("results.json")))
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else 7
    municipalities = 5 if args.quick else 342

    from zelfscan_app.questionnaire_file import default_questionnaire
    from zelfscan_app.storage.database import Database

    questionnaire = default_questionnaire()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        db = Database(url)
        bench_database.fill(db, questionnaire, municipalities)
        results += bench_startup.measure(url, repeat)
        results += bench_database.measure(db, repeat * 3)
        db.dispose()
        results += bench_merge.measure(
            questionnaire, municipalities, min(repeat, 3), Path(tmp) / "workbooks"
        )

    print(f"{'measure':40} {'ours':>10} {'baseline':>10} {'ratio':>7}  goal      baseline")
    for r in results:
        print(
            f"{r.measure:40} {r.ours:10.4f} {r.baseline:10.4f} {r.ratio:6.2f}×  "
            f"{r.goal:9} {r.baseline_name}"
        )
    Path(args.out).write_text(
        json.dumps(
            {"quick": args.quick, "results": [r.as_dict() for r in results]},
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
