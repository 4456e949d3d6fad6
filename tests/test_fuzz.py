"""Fuzz targets, one per reader: a real sample of each format with bytes flipped, cut, inserted or repeated.

Whatever the damage, reading a file gives tables or a :class:`~perftable.errors.ReadError` (P001 with its reason):
never another exception, a hang or a crash of the process (the native readers run contained, see
:mod:`perftable.readers.contain`). Zip-based formats are fuzzed in the member that holds the cells as well as in the
archive's bytes, so the damage reaches the XML parser and not only the zip reader.

Each target runs a few dozen examples in the default run; ``PERFTABLE_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py``
runs a longer campaign.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perftable
from perftable.errors import ReadError
from perftable.readers import ReadOptions

from .conftest import SAMPLES

EXAMPLES = int(os.environ.get("PERFTABLE_FUZZ_EXAMPLES", "12"))
# one campaign's settings for every target: reproducible (derandomized), no deadline (a contained read forks)
CAMPAIGN = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# small limits: a mutation that declares a huge sheet is refused fast, as it would be with the defaults
OPTIONS = ReadOptions(max_seconds=20, max_memory=512 * 1024 * 1024)

TARGETS = {
    "markdown": (SAMPLES / "formats" / "lianjiang-clean.md", None),
    "html": (SAMPLES / "formats" / "lianjiang-clean.html", None),
    "csv": (SAMPLES / "formats" / "lianjiang-clean.csv", None),
    "xlsx": (SAMPLES / "formats" / "lianjiang-clean.xlsx", "xl/worksheets/sheet1.xml"),
    "ods": (SAMPLES / "formats" / "lianjiang-clean.ods", "content.xml"),
    "xls": (SAMPLES / "formats" / "lianjiang-clean.xls", None),
    "docx": (SAMPLES / "documents" / "lianjiang-clean.docx", "word/document.xml"),
    "pdf": (SAMPLES / "documents" / "lianjiang-clean.pdf", None),
}


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes with one to four edits: a flipped byte, a cut, an inserted run, a repeated slice."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        edit = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        if edit == "flip":
            out[at] ^= draw(st.integers(1, 255))
        elif edit == "cut":
            del out[at : at + draw(st.integers(1, 256))]
        elif edit == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            piece = out[at : at + draw(st.integers(1, 64))]
            out[at:at] = piece * draw(st.integers(2, 50))
    return bytes(out)


def _with_member(archive: bytes, member: str, content: bytes) -> bytes:
    """The zip archive with one member's bytes replaced (the others kept as they are)."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == member else source.read(info.filename))
    return buffer.getvalue()


def _read(path: Path) -> None:
    try:
        perftable.load_all(path, OPTIONS)
    except ReadError as error:  # NoTableError included: a clear reason, never a traceback
        assert error.reason


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_a_damaged_file_is_read_or_refused_with_a_reason(
    fmt: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    sample, member = TARGETS[fmt]
    data = sample.read_bytes()
    folder = tmp_path_factory.mktemp(fmt)

    @CAMPAIGN
    @given(damaged=mutated(data))
    def whole_file(damaged: bytes) -> None:
        path = folder / f"damaged{sample.suffix}"
        path.write_bytes(damaged)
        _read(path)

    whole_file()
    if member is None:
        return
    inner = zipfile.ZipFile(sample).read(member)

    @CAMPAIGN
    @given(damaged=mutated(inner))
    def cells_member(damaged: bytes) -> None:
        path = folder / f"member{sample.suffix}"
        path.write_bytes(_with_member(data, member, damaged))
        _read(path)

    cells_member()
