"""Baselines: adopt perftable on last year's tables and fail only on new findings.

``perftable validate --write-baseline FILE`` records every current finding; ``--baseline FILE`` (or ``baseline`` in
the configuration) drops the findings recorded there. A finding is recorded by file, code and a fingerprint of
what its message names (not its line), so that editing elsewhere in a file does not resurrect old findings; each
recorded entry absorbs one matching finding, so a second identical problem is still new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from perftable.errors import UsageError
from perftable.findings import Finding, Report

VERSION = 1


def fingerprint(finding: Finding) -> str:
    payload = json.dumps([finding.code, sorted(finding.params.items())], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def _key(finding: Finding) -> tuple[str, str, str]:
    return (Path(finding.file).as_posix(), finding.code, fingerprint(finding))


def dumps(report: Report) -> str:
    entries = [
        {"file": file, "code": code, "fingerprint": digest}
        for file, code, digest in sorted(_key(finding) for finding in report.findings)
    ]
    return (
        json.dumps(
            {"version": VERSION, "tool": "perftable", "findings": entries}, ensure_ascii=False, indent=2
        )
        + "\n"
    )


class Baseline:
    def __init__(self, entries: Iterable[tuple[str, str, str]]) -> None:
        self.remaining: Counter[tuple[str, str, str]] = Counter(entries)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            entries = [(e["file"], e["code"], e["fingerprint"]) for e in data["findings"]]
        except FileNotFoundError:
            raise UsageError(f"baseline {path}: no such file") from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"baseline {path}: not a perftable baseline ({exc})") from None
        return cls(entries)

    def absorbs(self, finding: Finding) -> bool:
        """True (and the entry is used up) when the baseline records this finding."""
        key = _key(finding)
        if self.remaining[key] > 0:
            self.remaining[key] -= 1
            return True
        return False

    def filter(self, findings: list[Finding]) -> list[Finding]:
        return [finding for finding in findings if not self.absorbs(finding)]
