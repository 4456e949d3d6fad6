"""What a PDF's compressed streams unpack to, counted before pdfium reads it.

A content stream compressed with FlateDecode can unpack to a thousand times its size: a 600 KB file whose page
holds 600 MB of content made pdfium take 1.2 GB, and nothing limited it. Every ``stream`` of the file is inflated
here, streaming and discarding what it gives (memory stays a few megabytes), and the total is held to
``--max-unzipped``, as for workbooks and Word documents. Streams that are not Flate-compressed (images in DCT, a
stream the search mistook) stop at their first bytes. The file is read whole first: it is at most
``--max-file-size``.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from perftable.errors import ReadError

_STREAM = re.compile(rb"stream\r?\n")
_PIECE = 1 << 20


def check_streams(path: Path, display: str, max_unzipped: int) -> None:
    """Raise :class:`ReadError` (``too-large``) when the file's Flate streams unpack to more than ``max_unzipped``
    bytes in all."""
    data = path.read_bytes()
    total = 0
    for match in _STREAM.finditer(data):
        total += _inflated_size(data, match.end(), max_unzipped - total)
        if total > max_unzipped:
            raise ReadError(
                display,
                f"its compressed streams unpack to more than {max_unzipped:,} bytes, over the limit (a "
                "compression bomb? raise the limit with --max-unzipped if the file is genuine)",
                "too-large",
            )


def _inflated_size(data: bytes, start: int, budget: int) -> int:
    """How many bytes the Flate stream at ``start`` unpacks to, counting no further than ``budget`` + 1."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    try:
        while size <= budget and not inflater.eof and (inflater.unconsumed_tail or position < len(data)):
            piece = inflater.unconsumed_tail or data[position : position + _PIECE]
            if not inflater.unconsumed_tail:
                position += len(piece)
            size += len(inflater.decompress(piece, _PIECE))
    except zlib.error:
        pass
    return size
