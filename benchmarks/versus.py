"""Before and after: the per-file figures of two checkouts of perftable, each as ratios against the baselines
measured in the same run, runs alternating between the two.

    git worktree add /tmp/before 55e9352            # the revision to compare with
    python benchmarks/versus.py /tmp/before           # 3 rounds of bench.py --sections per_file for each

Each round runs this checkout's ``benchmarks/bench.py --sections per_file`` once with ``PYTHONPATH`` set to the
other checkout's ``src`` and once with this one's, so both versions are measured by the same benchmark, on the
same generated corpus, minutes apart. The figures compared are the ratios to markdown-it-py and python-calamine
of the same run (a ratio holds on a machine whose speed changes); the table gives the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATIOS = {
    "markdown: parse+validate / markdown-it-py": (
        "perftable parse+validate .md",
        "markdown-it-py tokenise .md",
    ),
    "every markdown sample in turn / markdown-it-py": (
        "perftable parse+validate, every .md sample in turn",
        "markdown-it-py tokenise, every .md sample in turn",
    ),
    "xlsx: parse+validate / calamine floor": (
        "perftable parse+validate .xlsx",
        "python-calamine values+merges .xlsx (floor)",
    ),
    "markdown reader alone / markdown-it-py": (
        "perftable read .md (reader only)",
        "markdown-it-py tokenise .md",
    ),
    "xlsx reader alone / calamine floor": (
        "perftable read .xlsx (reader only)",
        "python-calamine values+merges .xlsx (floor)",
    ),
}


def run(src: Path, quick: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        figures = Path(tmp) / "figures.json"
        command = [sys.executable, str(HERE / "bench.py"), "--sections", "per_file", "--json", str(figures)]
        env = {**os.environ, "PYTHONPATH": str(src)}
        subprocess.run(
            [*command, *(["--quick"] if quick else [])], env=env, check=True, stdout=subprocess.DEVNULL
        )
        per_file: dict[str, float] = json.loads(figures.read_text(encoding="utf-8"))["per_file"]
    return {
        name: per_file[a] / per_file[b]
        for name, (a, b) in RATIOS.items()
        if per_file.get(a) and per_file.get(b)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the other checkout (its src/ is imported)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--quick", action="store_true", help="bench.py's quick corpus (checks the script runs)"
    )
    args = parser.parse_args()
    versions = {"before": args.before.resolve() / "src", "after": HERE.parent / "src"}
    figures: dict[str, list[dict[str, float]]] = {name: [] for name in versions}
    for _ in range(args.rounds):
        for name, src in versions.items():
            figures[name].append(run(src, args.quick))
    print(f"| ratio (median of {args.rounds} runs each, alternating) | before | after |")
    print("|---|---:|---:|")
    for ratio in RATIOS:
        cells = [statistics.median(run[ratio] for run in figures[name] if ratio in run) for name in versions]
        print(f"| {ratio} | {cells[0]:.2f}× | {cells[1]:.2f}× |")


if __name__ == "__main__":
    main()
