"""perftable: parse, validate, render and diff Chinese budget performance target tables (绩效目标表).

    >>> import perftable
    >>> doc = perftable.load("samples/guangdong-department/lianjiang-2024.md")
    >>> doc.department, doc.year, len(doc.indicators)
    ('廉江市残疾人联合会', 2024, 27)

The package imports nothing heavy until it is used: the names below are loaded on first access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "BudgetLine",
    "Config",
    "Document",
    "Finding",
    "Indicator",
    "Location",
    "MultipleTablesWarning",
    "NoTableError",
    "PerftableError",
    "ReadError",
    "Repair",
    "Report",
    "Target",
    "Task",
    "__version__",
    "load",
    "load_all",
    "loads",
    "to_frame",
    "tune_gc",
    "validate",
]

_LAZY = {
    "BudgetLine": "perftable.model",
    "Document": "perftable.model",
    "Indicator": "perftable.model",
    "Location": "perftable.model",
    "Repair": "perftable.model",
    "Target": "perftable.model",
    "Task": "perftable.model",
    "MultipleTablesWarning": "perftable.loader",
    "load": "perftable.loader",
    "load_all": "perftable.loader",
    "loads": "perftable.loader",
    "to_frame": "perftable.export.frames",
    "tune_gc": "perftable.runtime",
    "validate": "perftable.check.engine",
    "Config": "perftable.check.config",
    "Finding": "perftable.findings",
    "Report": "perftable.findings",
    "NoTableError": "perftable.extract",
    "PerftableError": "perftable.errors",
    "ReadError": "perftable.errors",
}

if TYPE_CHECKING:
    from perftable.check.config import Config
    from perftable.check.engine import validate
    from perftable.errors import PerftableError, ReadError
    from perftable.export.frames import to_frame
    from perftable.extract import NoTableError
    from perftable.findings import Finding, Report
    from perftable.loader import MultipleTablesWarning, load, load_all, loads
    from perftable.model import BudgetLine, Document, Indicator, Location, Repair, Target, Task
    from perftable.runtime import tune_gc


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'perftable' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
