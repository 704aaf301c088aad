"""`make bench`: every measure against a baseline measured in the same run.

Prints one table and writes benchmarks/results.json. `--quick` runs tiny sizes (used by the test
suite so the benchmarks don't rot; its figures mean nothing). The machine is shared: figures are
medians of repeated runs, and the baselines run interleaved with ours where they can.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_answer
import bench_database
import bench_documents
import bench_history
import bench_hostile
import bench_import
import bench_memory
import bench_merge
import bench_prescan
import bench_publish
import bench_scale
import bench_startup
from common import Result
from probes import Probes


def table(results: list[Result]) -> str:
    lines = [
        f"{'measure':44} {'ours':>10} {'baseline':>10} {'ratio':>7}  {'goal':10} {'met':4} baseline"
    ]
    for r in results:
        met = {True: "yes", False: "NO", None: ""}[r.met]
        lines.append(
            f"{r.measure:44} {r.show(r.ours):>10} {r.show(r.baseline):>10} {r.ratio:6.2f}×  "
            f"{r.goal:10} {met:4} {r.baseline_name}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--out", default=str(Path(__file__).with_name("results.json")))
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated groups to run (startup, database, memory, documents, answer, "
        "merge, import, hostile, history, scale, publish, prescan); all by default",
    )
    args = parser.parse_args(argv)
    only = {g.strip() for g in args.only.split(",") if g.strip()}

    def wanted(group: str) -> bool:
        return not only or group in only

    repeat = 1 if args.quick else 7
    municipalities = 5 if args.quick else 342
    answers = 20 if args.quick else 200

    from zelfscan_app.questionnaire_file import default_questionnaire
    from zelfscan_app.storage.database import Database

    started = time.perf_counter()
    questionnaire = default_questionnaire()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        probes = Probes(folder / "probes", quick=args.quick)
        url = f"sqlite:///{folder / 'bench.sqlite'}"
        db = Database(url)
        bench_database.fill(db, questionnaire, municipalities)
        # The probes are other processes, and one process at a time has a database file
        # open (storage/process_lock.py): give it back while they run; `db` takes it again.
        db.dispose()
        if wanted("startup"):
            results += bench_startup.measure(probes, url, municipalities, repeat, quick=args.quick)
        if wanted("database"):
            results += bench_database.measure(db, repeat * 3)
        db.dispose()
        if wanted("memory"):
            results += bench_memory.measure(probes, url, municipalities, min(repeat, 3))
        if wanted("documents"):
            results += bench_documents.measure(
                db, questionnaire, folder / "documents", repeat, quick=args.quick
            )
        scan_id = bench_answer.empty_scan(db, questionnaire)  # the list has one more from here
        db.dispose()
        if wanted("answer"):
            results += bench_answer.measure(probes, url, scan_id, answers)
        if wanted("history"):
            results += bench_history.measure(db, bench_answer.empty_scan(db, questionnaire), repeat)
            db.dispose()
        if wanted("merge"):
            results += bench_merge.measure(
                questionnaire, municipalities, min(repeat, 3), folder / "workbooks"
            )
        if wanted("import"):
            results += bench_import.measure(
                questionnaire,
                folder / "import",
                filled=50 if args.quick else 3000,
                # 5 × 20 files each way, alternating: a median of three runs of eight files
                # (60 ms each) was mostly the machine's noise.
                batch=3 if args.quick else 20,
                repeat=1 if args.quick else 5,
            )
            results += bench_import.measure_flat(
                questionnaire,
                folder / "import",
                count=40 if args.quick else 5000,
                window=10 if args.quick else 500,
            )
        if wanted("scale"):
            results += bench_scale.measure(
                probes, folder / "scale", questionnaire, quick=args.quick, repeat=repeat
            )

        if wanted("hostile"):
            results += bench_hostile.measure(
                questionnaire, folder / "hostile", repeat, quick=args.quick
            )
        if wanted("publish"):
            results += bench_publish.measure(
                questionnaire,
                folder / "publish",
                filled=50 if args.quick else 7000,
                batch=3 if args.quick else 20,
                repeat=1 if args.quick else 5,
            )
        if wanted("prescan"):
            results += bench_prescan.measure(
                questionnaire, folder / "prescan", 2 if args.quick else 20, 1 if args.quick else 3
            )

    print(table(results))
    print(
        f"({'quick run, figures mean nothing; ' if args.quick else ''}"
        f"{time.perf_counter() - started:.0f} s)"
    )
    Path(args.out).write_text(
        json.dumps(
            {
                "quick": args.quick,
                "results": [r.as_dict() for r in results],
                "scale": bench_scale.SCALE,
            },
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
