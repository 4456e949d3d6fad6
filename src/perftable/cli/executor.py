"""``--executor`` and ``--scheduler``: where ``validate`` and ``export`` do their work (a pool of processes on this
machine, or a Dask cluster: :mod:`perftable.distributed`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import click

from perftable.check.batch import run
from perftable.check.parallel import jobs_count

if TYPE_CHECKING:
    from distributed import Client

F = TypeVar("F", bound=Callable[..., Any])


def executor_options(command: F) -> F:
    """The options choosing the executor (shared by validate and export)."""
    command = click.option(
        "--scheduler",
        default=None,
        metavar="local|tcp://HOST:PORT",
        help="With --executor dask: a LocalCluster started for the run (local, the default; --jobs workers, "
        "every core unless given) or the scheduler at this address.",
    )(command)
    return click.option(
        "--executor",
        type=click.Choice(["processes", "dask"]),
        default="processes",
        show_default=True,
        help="processes: --jobs worker processes on this machine; dask: a Dask cluster (pip install "
        "'perftable[dask]').",
    )(command)


def local_workers(jobs: int) -> int | None:
    """The LocalCluster's workers: --jobs when given on the command line (0: every core), else every core."""
    given = click.get_current_context().get_parameter_source("jobs") == click.core.ParameterSource.COMMANDLINE
    return jobs_count(jobs) if given else None


@contextmanager
def dask_client(executor: str, scheduler: str | None, jobs: int) -> Iterator[Client | None]:
    """A Dask client for the run with ``--executor dask``, None otherwise (``--scheduler`` alone is refused)."""
    if executor != "dask":
        if scheduler is not None:
            raise click.UsageError("--scheduler is for --executor dask")
        yield None
        return
    # Lazy: perftable.distributed, and the export code it sends to the workers, only for --executor dask.
    from perftable.distributed.executor import connect

    with connect(scheduler or "local", local_workers(jobs)) as client:
        yield client


@contextmanager
def file_checks(executor: str, scheduler: str | None, jobs: int) -> Iterator[Callable[..., Any]]:
    """``run(paths, settings, part=None, keep=True)``: every file checked in input order, by the pool
    (:func:`perftable.check.batch.run`) or on a Dask cluster (:func:`perftable.distributed.runs.check`)."""
    with dask_client(executor, scheduler, jobs) as client:
        if client is None:
            yield partial(run, jobs=jobs)
        else:
            from perftable.distributed.runs import check  # lazy, as in dask_client()

            yield partial(check, client=client)
