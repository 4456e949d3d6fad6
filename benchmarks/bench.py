"""perftable's benchmark: ratios measured side by side in one run, so that they hold on a noisy machine.

    python benchmarks/bench.py            # the full run (a few minutes); figures go to benchmarks/README.md
    python benchmarks/bench.py --quick    # a small corpus, a few seconds: CI runs this so the benchmark cannot rot
    nox -s bench                          # the full run in its own environment (markdown-it-py, frictionless)

What it measures (each against a baseline run in the same process or the same minute):
1. start-up: ``perftable --version`` and ``perftable validate`` of one small markdown file, against
   ``python -c pass``;
2. per-file cost in a batch, as the slope between a small and a large batch in one process (start-up excluded):
   parse + validate of a markdown table against markdown-it-py tokenising it with its table rule, and of an xlsx
   against python-calamine reading the sheet's values and merged ranges (the floor);
3. batch throughput with ``--jobs 1`` and with every core, and the peak memory of small and large batches;
4. scaling: time against table size, 100 to 20,000 indicators;
5. ``frictionless validate`` on the same xlsx files (generic structure checks only), when frictionless is installed;
6. real PDFs: the corpus of ``tests/corpus/pdf`` (22 部门预算 documents, 1,327 pages) parsed with each engine, against
   pdfplumber's own ``extract_tables`` over the same pages and pypdfium2's plain text extraction (the floor), document
   by document interleaved; and the peak memory of parsing the longest document;
7. the reviewer's report: ``perftable review`` of the batch written as HTML and as xlsx, against
   ``perftable validate --format json`` of the same files (``--jobs 1`` each, interleaved; target: ≤ 1.5×).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import MARKDOWN_SAMPLES, SMALL, big_table, build, varied  # noqa: E402

PYTHON = sys.executable
ENV = {
    k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"
}  # measure with bytecode caching on


def wall(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=False)
    return time.perf_counter() - started


def cpu(command: Sequence[str]) -> float:
    """Processor seconds a command and its children used (user + system): steadier than wall time on a shared
    machine, and what a batch on many cores pays."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(rounds: int) -> dict[str, float]:
    """Median wall time of each command, the three interleaved round by round."""
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "perftable --version": [PYTHON, "-m", "perftable", "--version"],
        "perftable validate (one small .md)": [PYTHON, "-m", "perftable", "validate", str(SMALL), "--isolated",
                                               "--format", "concise"],
    }  # fmt: skip
    for command in commands.values():
        wall(command)  # warm the bytecode cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(wall(command))
    return {name: statistics.median(values) for name, values in times.items()}


def slopes(
    works: Sequence[Callable[[list[Path]], object]], small: list[Path], large: list[Path], repeat: int
) -> list[float]:
    """Seconds per file of each work: (time(large) - time(small)) / (len(large) - len(small)), each the best of
    ``repeat`` rounds. The works run interleaved round by round, so that a slow minute of a shared machine
    slows them all and their ratios hold."""
    best = [[float("inf"), float("inf")] for _ in works]
    for work in works:
        work(small)  # warm caches and imports
    for _ in range(repeat):
        for index, work in enumerate(works):
            for size, paths in enumerate((small, large)):
                started = time.perf_counter()
                work(paths)
                best[index][size] = min(best[index][size], time.perf_counter() - started)
    return [(big - little) / (len(large) - len(small)) for little, big in best]


def slope(work: Callable[[list[Path]], object], small: list[Path], large: list[Path], repeat: int) -> float:
    """Seconds per file of one work (see :func:`slopes`)."""
    return slopes([work], small, large, repeat)[0]


def perftable_files(paths: list[Path]) -> None:
    from perftable.check.config import Config
    from perftable.check.engine import check_file

    config = Config()
    for path in paths:
        check_file(path, config)


def perftable_read(paths: list[Path]) -> None:
    """The reader alone (file → grid of located cells): the part a tokeniser or calamine also does."""
    from perftable.readers import read_source

    for path in paths:
        read_source(path)


def markdown_it_files(paths: list[Path]) -> None:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    for path in paths:
        parser.parse(path.read_text(encoding="utf-8"))


def calamine_files(paths: list[Path]) -> None:
    import python_calamine

    for path in paths:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            sheet.to_python()
            _ = sheet.merged_cell_ranges


def frictionless_files(paths: list[Path]) -> None:
    """frictionless validating each file. In process it refuses an absolute path, or one that climbs (``../``),
    as not safe (a resource-error, in microseconds): the figure once timed that error. Each file is validated
    from its own folder, and a report that says the file was not read stops the benchmark."""
    from frictionless import validate

    here = Path.cwd()
    try:
        for path in paths:
            os.chdir(path.parent)
            report = validate(path.name)
            unread = [e for e in report.flatten(["type", "message"]) if e[0] in _UNREAD]
            if unread:
                raise RuntimeError(f"frictionless did not read {path}: {unread[:3]}")
    finally:
        os.chdir(here)


_UNREAD = frozenset(
    {"resource-error", "package-error", "scheme-error", "format-error", "encoding-error", "source-error",
     "general-error", "io-error"}
)  # fmt: skip


def per_file(quick: bool, folder: Path) -> dict[str, float | None]:
    """Each perftable figure is measured interleaved with its baseline (see :func:`slopes`)."""
    small_n, large_n, repeat = (4, 24, 2) if quick else (20, 220, 7)
    # Distinct files (a generated corpus, no two alike): one file repeated keeps every cache keyed by content warm
    # and flatters perftable by 1.2-1.35x; that figure stays as one line, for comparison.
    md = varied(folder / "varied-md", large_n)
    xlsx = varied(folder / "varied-xlsx", large_n, "xlsx")
    repeated = [SMALL] * large_n
    results: dict[str, float | None] = {}
    try:
        import markdown_it  # noqa: F401

        md_works = [perftable_files, markdown_it_files, perftable_read]
    except ImportError:
        md_works = [perftable_files, perftable_read]
    md_times = slopes(md_works, md[:small_n], md, repeat)
    # The same over every markdown sample in turn (small project tables to the seed's department table): the
    # fixed cost of a file (40 rules, the report) weighs more on a small table than a tokeniser's does.
    samples_in_turn = (MARKDOWN_SAMPLES * large_n)[:large_n]
    mixed = (
        slopes(md_works[:2], samples_in_turn[:small_n], samples_in_turn, repeat)
        if len(md_works) == 3
        else [None, None]
    )
    results["perftable parse+validate .md"] = md_times[0]
    results["perftable parse+validate, one .md repeated (warm caches)"] = slope(
        perftable_files, repeated[:small_n], repeated, repeat
    )
    results["perftable parse+validate, every .md sample in turn"] = mixed[0]
    x_times = slopes([perftable_files, calamine_files, perftable_read], xlsx[:small_n], xlsx, repeat)
    results["perftable parse+validate .xlsx"] = x_times[0]
    results["python-calamine values+merges .xlsx (floor)"] = x_times[1]
    results["perftable read .md (reader only)"] = md_times[-1]
    results["perftable read .xlsx (reader only)"] = x_times[2]
    results["markdown-it-py tokenise .md"] = md_times[1] if len(md_works) == 3 else None
    results["markdown-it-py tokenise, every .md sample in turn"] = mixed[1]
    try:
        few = (4, 12) if quick else (5, 30)
        results["frictionless validate .xlsx"] = slope(frictionless_files, xlsx[: few[0]], xlsx[: few[1]], 2)
    except ImportError:
        results["frictionless validate .xlsx"] = None
    return results


def batch(folder: Path, files: int, rounds: int) -> dict[str, float]:
    """Files per second with ``--jobs 1`` and with every core, and the machine's own ceiling: the corpus split
    in two halves checked by two ``--jobs 1`` processes at once (no pool, nothing shared). The three run
    interleaved round by round, best of ``rounds``."""
    corpus = folder / f"batch-{files}"
    paths = build(corpus, files)
    halves = [folder / f"half-{files}-{part}" for part in (0, 1)]
    sizes = [0, 0]
    for path in sorted(paths, key=lambda p: -p.stat().st_size):  # balanced by bytes, largest first
        part = sizes.index(min(sizes))
        sizes[part] += path.stat().st_size
        halves[part].mkdir(exist_ok=True)
        target = halves[part] / path.name
        if not target.exists():
            try:
                target.hardlink_to(path)
            except OSError:  # a file system without hard links
                shutil.copyfile(path, target)

    def validate(target: Path, jobs: str) -> list[str]:
        return [PYTHON, "-m", "perftable", "validate", str(target), "--isolated", "--jobs", jobs, "--format",
                "json-lines", "--no-progress"]  # fmt: skip

    def both_halves() -> float:
        started = time.perf_counter()
        running = [
            subprocess.Popen(validate(half, "1"), stdout=subprocess.DEVNULL, env=ENV) for half in halves
        ]
        for process in running:
            process.wait()
        return time.perf_counter() - started

    commands: dict[str, Callable[[], float]] = {
        "--jobs 1": lambda: wall(validate(corpus, "1")),
        "--jobs 0": lambda: wall(validate(corpus, "0")),
        "two processes, one half each": both_halves,
        "export --jobs 1 (csv)": lambda: wall(export(corpus, "1")),
        "export --jobs 0 (csv)": lambda: wall(export(corpus, "0")),
    }
    if _has("distributed"):  # a LocalCluster of a worker per core, started and stopped by the run (counted)
        commands["--executor dask (LocalCluster)"] = lambda: wall(
            [*validate(corpus, "0"), "--executor", "dask"]
        )
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(rounds):
        for name, measure in commands.items():
            best[name] = min(best[name], measure())
    return {name: files / seconds for name, seconds in best.items()}


def review(folder: Path, files: int, rounds: int) -> dict[str, float]:
    """Seconds to check the batch and write it as a JSON report, as the review page and as the review workbook:
    one process each (``--jobs 1``, so the figures compare the work, not the pool), interleaved round by round,
    best of ``rounds``."""
    corpus = folder / f"batch-{files}"
    build(corpus, files)
    common = ["--isolated", "--jobs", "1", "--no-progress"]
    commands = {
        "validate --format json": [PYTHON, "-m", "perftable", "validate", str(corpus), *common, "--format",
                                   "json", "-o", str(folder / "report.json")],
        "review -o review.html": [PYTHON, "-m", "perftable", "review", str(corpus), *common, "-o",
                                  str(folder / "review.html")],
        "review -o review.xlsx": [PYTHON, "-m", "perftable", "review", str(corpus), *common, "-o",
                                  str(folder / "review.xlsx")],
    }  # fmt: skip
    best = {f"{name} ({kind})": float("inf") for name in commands for kind in ("wall", "cpu")}
    for _ in range(rounds):
        for name, command in commands.items():
            best[f"{name} (wall)"] = min(best[f"{name} (wall)"], wall(command))
            best[f"{name} (cpu)"] = min(best[f"{name} (cpu)"], cpu(command))
    return best


def review_report(results: dict[str, object]) -> list[str]:
    seconds: dict[str, float] = results["review"]  # type: ignore[assignment]
    names = dict.fromkeys(key.rsplit(" (", 1)[0] for key in seconds)
    base = {kind: seconds[f"validate --format json ({kind})"] for kind in ("wall", "cpu")}
    lines = ["", f"## The reviewer's report ({results['review_files']} files, --jobs 1)", "",
             "| command | wall s | × json | cpu s | × json |", "|---|---:|---:|---:|---:|"]  # fmt: skip
    for name in names:
        wall_s, cpu_s = seconds[f"{name} (wall)"], seconds[f"{name} (cpu)"]
        lines.append(
            f"| {name} | {wall_s:.1f} | {wall_s / base['wall']:.2f}× | {cpu_s:.1f} | {cpu_s / base['cpu']:.2f}× |"
        )
    lines.append("\nTarget: the review report in less than 1.5× the time of `validate --format json`.")
    return lines


def export(target: Path, jobs: str) -> list[str]:
    return [
        PYTHON,
        "-m",
        "perftable",
        "export",
        str(target),
        "--jobs",
        jobs,
        "-o",
        str(target.parent / "x.csv"),
    ]


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def peak_memory(folder: Path, files: int, command: str = "validate") -> float:
    """Peak resident memory (MiB) of ``perftable validate`` (or ``export``) over a batch of ``files`` files, in one
    process."""
    corpus = folder / f"memory-{files}"
    build(corpus, files, xlsx_share=10)
    if command == "export":
        probe = (
            "import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        run = [PYTHON, "-c", probe, *export(corpus, "1")]
        return int(subprocess.run(run, capture_output=True, text=True, env=ENV, check=True).stdout) / 1024
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [PYTHON, "-c", probe, PYTHON, "-m", "perftable", "validate", str(corpus), "--isolated", "--jobs", "1",
               "--format", "json-lines"]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, env=ENV, check=True).stdout
    return int(output.strip()) / 1024


def clear_caches() -> None:
    """Empty perftable's memoised functions (label keys, parsed values, bigrams …), so that every size of table is
    checked as a first table would be: otherwise tables up to the caches' sizes would run on warm caches and larger
    ones would not, and the growth would look steeper than it is."""
    for name, module in list(sys.modules.items()):
        if name.startswith("perftable") and name not in (
            "perftable.rules",
            "perftable.check.engine",
            "perftable.check.config",
        ):
            for value in vars(
                module
            ).values():  # not the rule catalog and the configuration: set up once a run
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def scaling(folder: Path, sizes: Sequence[int]) -> dict[int, float]:
    """Seconds to check one table of each size, best of three, each run on empty caches."""
    results: dict[int, float] = {}
    for size in sizes:
        path = big_table(size, folder)
        perftable_files([path])
        runs = []
        for _ in range(3):
            clear_caches()
            started = time.perf_counter()
            perftable_files([path])
            runs.append(time.perf_counter() - started)
        results[size] = min(runs)
    return results


def outputs_scaling(folder: Path, sizes: Sequence[int]) -> dict[int, dict[str, float]]:
    """Seconds to write one table of each size (loaded once): ``render --to xlsx`` (one merged range per indicator
    group: openpyxl's merge_cells made it quadratic), ``diff`` of the table against itself to xlsx, and its
    export rows as CSV; best of two."""
    from perftable.diff import diff_files
    from perftable.diff.formats import to_xlsx as diff_xlsx
    from perftable.export.rows import rows_of, to_csv
    from perftable.loader import load_all
    from perftable.render import render_xlsx

    results: dict[int, dict[str, float]] = {}
    for size in sizes:
        path = big_table(size, folder)
        docs = load_all(path)
        works: dict[str, Callable[[], object]] = {
            "render --to xlsx": lambda docs=docs: render_xlsx(docs),
            "diff --format xlsx": lambda docs=docs, path=path: diff_xlsx(docs, docs, diff_files(path, path)),
            "export (csv)": lambda docs=docs: to_csv(rows_of(docs, "indicators")),
        }
        results[size] = {}
        for name, work in works.items():
            runs = []
            for _ in range(2):
                started = time.perf_counter()
                work()
                runs.append(time.perf_counter() - started)
            results[size][name] = min(runs)
    return results


SECTIONS = ("startup", "per_file", "batch", "review", "pdf")
CORPUS = HERE.parent / "tests" / "corpus" / "pdf"
QUICK_PDFS = ("beijing-2026-xinfang-bangongshi.pdf", "chongqing-2026-qixiangju.pdf")


def pdf_pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def perftable_pdf(engine: str) -> Callable[[Path], object]:
    def parse(path: Path) -> object:
        from perftable.loader import load_extraction
        from perftable.readers import ReadOptions

        return load_extraction(path, ReadOptions(pdf_engine=engine))

    return parse


def plumber_tables(path: Path) -> None:
    """pdfplumber's own table finder over every page (what a user of pdfplumber would run)."""
    import pdfplumber

    with pdfplumber.open(path) as document:
        for page in document.pages:
            page.extract_tables()
            page.close()


def pdfium_text(path: Path) -> None:
    """pypdfium2's text of every page (the floor: the engine reading the text, no tables)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()


def pdf(quick: bool) -> dict[str, object]:
    """Seconds per document for each way of reading it, the four run one after the other on each document (so a
    slow minute of a shared machine slows them all), best of ``rounds``; and the peak memory of
    ``perftable parse`` on the longest document."""
    paths = [CORPUS / name for name in QUICK_PDFS] if quick else sorted(CORPUS.glob("*.pdf"))
    works = {
        "perftable parse (pdfium)": perftable_pdf("pdfium"),
        "perftable parse (pdfplumber engine)": perftable_pdf("pdfplumber"),
        "pdfplumber extract_tables": plumber_tables,
        "pypdfium2 text (floor)": pdfium_text,
    }
    rounds = 1 if quick else 2
    times: dict[str, dict[str, float]] = {name: {} for name in works}
    smallest = min(paths, key=pdf_pages)
    for work in works.values():
        work(smallest)  # imports and caches warmed, as in a batch
    for path in paths:
        for _ in range(rounds):
            for name, work in works.items():
                started = time.perf_counter()
                work(path)
                elapsed = time.perf_counter() - started
                times[name][path.name] = min(times[name].get(path.name, elapsed), elapsed)
    longest = max(paths, key=pdf_pages)
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    memory: dict[str, float] = {}
    for engine in ("pdfium", "pdfplumber"):
        command = [PYTHON, "-c", probe, PYTHON, "-m", "perftable", "parse", str(longest), "--stats",
                   "--pdf-engine", engine]  # fmt: skip
        output = subprocess.run(command, capture_output=True, text=True, env=ENV, check=True).stdout
        memory[engine] = int(output.strip()) / 1024
    return {
        "pages": {path.name: pdf_pages(path) for path in paths},
        "seconds": times,
        "longest": longest.name,
        "memory_mib": memory,
    }


def pdf_report(result: dict[str, object]) -> list[str]:
    pages: dict[str, int] = result["pages"]  # type: ignore[assignment]
    seconds: dict[str, dict[str, float]] = result["seconds"]  # type: ignore[assignment]
    total_pages = sum(pages.values())
    totals = {name: sum(per.values()) for name, per in seconds.items()}
    ours, plumber = totals["perftable parse (pdfium)"], totals["pdfplumber extract_tables"]
    lines = [
        "",
        f"## Real PDFs ({len(pages)} documents, {total_pages} pages)",
        "",
        "| work | seconds | pages per second |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {total:.1f} | {total_pages / total:.1f} |" for name, total in totals.items()]
    lines += [
        "",
        f"- perftable (pdfium) against pdfplumber's extract_tables: {plumber / ours:.1f}× faster (target ≥ 8×)",
        f"- perftable (pdfium) against its pdfplumber engine: "
        f"{totals['perftable parse (pdfplumber engine)'] / ours:.1f}× faster",
        f"- perftable (pdfium) over the floor (pypdfium2's text alone): {ours / totals['pypdfium2 text (floor)']:.1f}×",
        "",
        "| document | pages | perftable s | extract_tables s | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in sorted(pages, key=lambda n: -pages[n]):
        a, b = seconds["perftable parse (pdfium)"][name], seconds["pdfplumber extract_tables"][name]
        lines.append(f"| {name} | {pages[name]} | {a:.2f} | {b:.2f} | {b / a:.1f}× |")
    memory: dict[str, float] = result["memory_mib"]  # type: ignore[assignment]
    lines.append(
        f"\nPeak memory parsing the longest document ({result['longest']}, {pages[str(result['longest'])]} pages): "
        + ", ".join(f"{engine} {mib:.0f} MiB" for engine, mib in memory.items())
    )
    return lines


def report(results: dict[str, object]) -> str:
    lines: list[str] = []
    if "startup" in results:
        lines += startup_report(results)
    if "per_file" in results:
        lines += per_file_report(results)
    if "batch" in results:
        lines += batch_report(results)
    if "review" in results:
        lines += review_report(results)
    if "pdf" in results:
        lines += pdf_report(results["pdf"])  # type: ignore[arg-type]
    return "\n".join(lines).lstrip("\n") + "\n"


def startup_report(results: dict[str, object]) -> list[str]:
    s = results["startup"]
    base = s["python -c pass"]  # type: ignore[index]
    lines = [
        "## Start-up (median wall time)",
        "",
        "| command | seconds | over `python -c pass` |",
        "|---|---:|---:|",
    ]
    for name, seconds in s.items():  # type: ignore[attr-defined]
        lines.append(f"| `{name}` | {seconds:.3f} | +{seconds - base:.3f} s |")
    return lines


def per_file_report(results: dict[str, object]) -> list[str]:
    p = results["per_file"]
    lines = [
        "",
        "## Per file, in a batch (marginal cost; start-up excluded)",
        "",
        "| work | ms per file |",
        "|---|---:|",
    ]
    for name, seconds in p.items():  # type: ignore[attr-defined]
        lines.append(f"| {name} | {'n/a' if seconds is None else f'{seconds * 1000:.2f}'} |")

    def ratio(a: str, b: str) -> str:
        x, y = p.get(a), p.get(b)  # type: ignore[attr-defined]
        return "n/a" if not x or not y else f"{x / y:.2f}×"

    lines += [
        "",
        f"- markdown: perftable / markdown-it-py = {ratio('perftable parse+validate .md', 'markdown-it-py tokenise .md')}"
        " (target ≤ 1.5×)",
        f"- markdown, every sample in turn: perftable / markdown-it-py = "
        f"{ratio('perftable parse+validate, every .md sample in turn', 'markdown-it-py tokenise, every .md sample in turn')}",
        f"- xlsx: perftable / calamine floor = "
        f"{ratio('perftable parse+validate .xlsx', 'python-calamine values+merges .xlsx (floor)')} (target ≤ 3×)",
        f"- reading alone: perftable / markdown-it-py = "
        f"{ratio('perftable read .md (reader only)', 'markdown-it-py tokenise .md')}; perftable / calamine floor = "
        f"{ratio('perftable read .xlsx (reader only)', 'python-calamine values+merges .xlsx (floor)')}",
        f"- xlsx: frictionless / perftable = "
        f"{ratio('frictionless validate .xlsx', 'perftable parse+validate .xlsx')}",
    ]
    return lines


def batch_report(results: dict[str, object]) -> list[str]:
    b = results["batch"]
    lines = [
        "",
        f"## Batch ({results['batch_files']} files)",
        "",
        "| jobs | files per second |",
        "|---|---:|",
    ]
    for name, rate in b.items():  # type: ignore[attr-defined]
        lines.append(f"| {name} | {rate:.1f} |")
    lines.append(f"\nLoad when measured: {results.get('load', 'n/a')}")
    speedup = b["--jobs 0"] / b["--jobs 1"]  # type: ignore[index]
    ceiling = b["two processes, one half each"] / b["--jobs 1"]  # type: ignore[index]
    lines.append(f"\nSpeed-up with every core ({os.cpu_count()}): {speedup:.2f}× (target ≥ 1.7× on 2 cores)")
    lines.append(
        f"The machine's ceiling (two independent processes, one half each): {ceiling:.2f}×; "
        f"the pool reaches {speedup / ceiling:.0%} of it"
    )
    if "--executor dask (LocalCluster)" in b:  # type: ignore[operator]
        dask = b["--executor dask (LocalCluster)"] / b["--jobs 1"]  # type: ignore[index]
        lines.append(
            f"Dask on a LocalCluster (start-up included): {dask:.2f}× --jobs 1, {dask / ceiling:.0%} of the ceiling"
        )
    exported = b["export --jobs 0 (csv)"] / b["export --jobs 1 (csv)"]  # type: ignore[index]
    lines.append(f"export with every core: {exported:.2f}× export --jobs 1")
    m, e = results["memory"], results["export_memory"]
    lines += [
        "",
        "## Peak memory, one process",
        "",
        "| files | validate MiB | export MiB |",
        "|---:|---:|---:|",
    ]
    lines += [f"| {files} | {mib:.0f} | {e[files]:.0f} |" for files, mib in m.items()]  # type: ignore[attr-defined,index]
    sc = results["scaling"]
    lines += ["", "## Scaling (parse + validate one table)", "", "| indicators | seconds | µs per indicator |",
              "|---:|---:|---:|"]  # fmt: skip
    lines += [f"| {n} | {t:.3f} | {t / n * 1e6:.0f} |" for n, t in sc.items()]  # type: ignore[attr-defined]
    out = results["outputs"]
    names = list(next(iter(out.values())))  # type: ignore[attr-defined]
    lines += ["", "## Scaling of the writers (one table, loaded once)", "",
              "| indicators | " + " | ".join(names) + " | µs per indicator (" + ", ".join(names) + ") |",
              "|---:|" + "---:|" * (len(names) + 1)]  # fmt: skip
    for n, times in out.items():  # type: ignore[attr-defined]
        per = ", ".join(f"{times[name] / n * 1e6:.0f}" for name in names)
        lines.append(f"| {n} | " + " | ".join(f"{times[name]:.3f}" for name in names) + f" | {per} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small corpus: checks that the benchmark runs")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"comma-separated, of: {', '.join(SECTIONS)} (default: all)",
    )
    args = parser.parse_args()
    sections = {part.strip() for part in args.sections.split(",") if part.strip()}
    unknown = sections - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    quick = args.quick
    from perftable.cli import tune_gc

    tune_gc()  # the in-process measurements run with the garbage-collector setting the command line uses
    with tempfile.TemporaryDirectory(prefix="perftable-bench-") as tmp:
        folder = Path(tmp)
        batch_files = 40 if quick else 1000
        results: dict[str, object] = {"load": os.getloadavg()}
        if "startup" in sections:
            results["startup"] = startup(3 if quick else 21)
        if "per_file" in sections:
            results["per_file"] = per_file(quick, folder)
        if "batch" in sections:
            results["batch_files"] = batch_files
            results["batch"] = batch(folder, batch_files, 1 if quick else 3)
            results["memory"] = {n: peak_memory(folder, n) for n in ((50, 200) if quick else (1000, 5000))}
            results["scaling"] = scaling(folder, (100, 1000) if quick else (100, 1000, 5000, 20000))
            results["outputs"] = outputs_scaling(folder, (100, 1000) if quick else (1000, 5000, 20000))
            results["export_memory"] = {
                n: peak_memory(folder, n, "export") for n in ((50, 200) if quick else (1000, 5000))
            }
        if "review" in sections:
            results["review_files"] = batch_files
            results["review"] = review(folder, batch_files, 1 if quick else 3)
        if "pdf" in sections:
            results["pdf"] = pdf(quick)
    text = report(results)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
