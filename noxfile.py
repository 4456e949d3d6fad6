"""Developer sessions: ``nox -s tests``, ``nox -s lint``, ``nox -s bench``."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests"]


@nox.session
def tests(session: nox.Session) -> None:
    """The quick loop (``nox -s tests -- -m slow`` for the rest; ``.ci/run`` runs both, as CI does)."""
    session.install("-e", ".[dev]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    session.run("ruff", "check", "src", "tests", "scripts", "benchmarks")
    session.run("ruff", "format", "--check", "src", "tests", "scripts", "benchmarks")
    session.run("mypy", "--strict", "src")


@nox.session
def samples(session: nox.Session) -> None:
    """Rebuild the derived samples, then the golden files (review the diff before committing)."""
    session.install("-e", ".[dev,samples]")
    session.run("python", "scripts/build_samples.py")
    session.run("python", "scripts/build_doc_samples.py")
    session.run("pytest", "tests/test_golden_parse.py", "--update-golden")


@nox.session
def bench(session: nox.Session) -> None:
    """The full benchmark (a few minutes); pass --quick for the small one CI runs."""
    session.install("-e", ".[dev]", "markdown-it-py", "frictionless")
    session.run("python", "benchmarks/bench.py", *session.posargs)
