"""Baselines: adopt perftable on last year's tables and fail only on new findings.

``perftable validate --write-baseline FILE`` records every current finding; ``--baseline FILE`` (or ``baseline`` in
the configuration) drops the findings recorded there. A finding is recorded by file, code and a fingerprint of
what its message names (not its line), so that editing elsewhere in a file does not resurrect old findings; each
recorded entry absorbs one matching finding, so a second identical problem is still new.

Files are recorded by their path relative to the baseline file's folder (version 2), so that a run from another
folder, or naming the files by absolute paths, finds the same entries. A version 1 baseline (paths as they were
given) is still read as it was written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from perftable.errors import UsageError
from perftable.findings import Finding, Report
from perftable.readers.files import resolved

VERSION = 2


def fingerprint(finding: Finding) -> str:
    payload = json.dumps([finding.code, sorted(finding.params.items())], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def _file(path: str, base: Path | None) -> str:
    """A finding's file as a baseline names it: relative to ``base`` (the baseline's folder), ``/`` separators;
    as given when there is no base (a version 1 baseline)."""
    if base is None:
        return Path(path).as_posix()
    try:
        return Path(os.path.relpath(resolved(path), base)).as_posix()
    except ValueError:  # another drive
        return resolved(path).as_posix()


def _key(finding: Finding, base: Path | None) -> tuple[str, str, str]:
    return (_file(finding.file, base), finding.code, fingerprint(finding))


def dumps(report: Report, path: str | Path | None = None) -> str:
    """The baseline of a report, to be written at ``path`` (files are named relative to its folder)."""
    base = resolved(path).parent if path is not None else resolved(".")
    entries = [
        {"file": file, "code": code, "fingerprint": digest}
        for file, code, digest in sorted(_key(finding, base) for finding in report.findings)
    ]
    return (
        json.dumps(
            {"version": VERSION, "tool": "perftable", "findings": entries}, ensure_ascii=False, indent=2
        )
        + "\n"
    )


class Baseline:
    def __init__(self, entries: Iterable[tuple[str, str, str]], base: Path | None = None) -> None:
        self.remaining: Counter[tuple[str, str, str]] = Counter(entries)
        self.base = base  # the folder the entries' paths are relative to; None: as given (version 1)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            entries = [(e["file"], e["code"], e["fingerprint"]) for e in data["findings"]]
            base = resolved(path).parent if data.get("version", 1) >= 2 else None
        except FileNotFoundError:
            raise UsageError(f"baseline {path}: no such file") from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"baseline {path}: not a perftable baseline ({exc})") from None
        return cls(entries, base)

    def absorbs(self, finding: Finding) -> bool:
        """True (and the entry is used up) when the baseline records this finding."""
        key = _key(finding, self.base)
        if self.remaining[key] > 0:
            self.remaining[key] -= 1
            return True
        return False

    def filter(self, findings: list[Finding]) -> list[Finding]:
        return [finding for finding in findings if not self.absorbs(finding)]
