"""Memory of a Dask worker running perftable: resident memory of each worker of a 2-worker LocalCluster, idle and
after validating the samples and the corpus's two longest PDFs (their peak too).

    PYTHONPATH=src python benchmarks/worker_memory.py
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

LONGEST = ("beijing-2026-wenhua-lvyouju.pdf", "shenzhen-2026-renli-ziyuan-shehui-baozhangju.pdf")


def resident() -> int:
    import psutil  # installed with distributed

    return int(psutil.Process().memory_info().rss) >> 20


def peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10


def main() -> None:
    from perftable.check.batch import RunSettings
    from perftable.distributed import runs
    from perftable.distributed.executor import connect
    from perftable.readers.files import iter_files

    pdfs = [ROOT / "tests" / "corpus" / "pdf" / name for name in LONGEST]
    files = list(iter_files([ROOT / "samples", *pdfs]))
    with connect("local", 2) as client:
        print("idle, MiB per worker:", sorted(client.run(resident).values()))
        checked = sum(1 for _ in runs.check(files, RunSettings(isolated=True), client))
        print(f"after {checked} files, MiB per worker:", sorted(client.run(resident).values()))
        print("peak, MiB per worker:", sorted(client.run(peak).values()))


if __name__ == "__main__":
    main()
