"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its zero bytes) and
GB18030/GBK are detected; anything else is an error that says so."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from perftable.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def _mixed(data: bytes) -> str | None:
    """A file whose lines mix UTF-8 and GB18030 (pieces pasted from several sources): decoded line by line, when
    most of its non-ASCII lines are UTF-8. None when it is not such a file."""
    lines = data.split(b"\n")
    foreign = [line for line in lines if not line.isascii()]
    utf8 = 0
    for line in foreign:
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            continue
    if not foreign or utf8 * 2 < len(foreign):
        return None
    decoded: list[str] = []
    for line in lines:
        for encoding in ("utf-8", "gb18030"):
            try:
                decoded.append(line.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            decoded.append(line.decode("utf-8", errors="replace"))
    return "\n".join(decoded)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text file; returns ``(text, encoding)``. Raises :class:`ReadError` for undecodable bytes.

    Order: a byte-order mark; UTF-16 recognised by its zero bytes; UTF-8; lines of UTF-8 and GB18030 mixed (the
    UTF-8 ones in the majority); GB18030 (which includes GBK and GB2312). A UTF-8 mark before text that is not
    UTF-8 (a tool that writes the mark, then GBK) is dropped and the rest tried as a file without one.
    """
    encoding: str | None = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    encoding = encoding or _utf16_without_bom(data)
    body = data[len(codecs.BOM_UTF8) :] if encoding == "utf-8-sig" else data
    usual: list[tuple[str, Callable[[bytes], str | None]]] = [
        ("mixed", _mixed),
        ("gb18030", lambda raw: raw.decode("gb18030")),
    ]
    attempts: list[tuple[str, Callable[[bytes], str | None]]]
    if encoding is None:
        attempts = [("utf-8", lambda raw: raw.decode("utf-8")), *usual]
    elif encoding == "utf-8-sig":
        attempts = [("utf-8-sig", lambda raw: raw.decode("utf-8")), *usual]
    else:
        attempts = [(encoding, lambda raw: data.decode(encoding))]
    for name, how in attempts:
        try:
            text = how(body)
        except (UnicodeDecodeError, LookupError):
            continue
        if text is None:
            continue
        if _looks_binary(text):
            break
        return text.replace("\r\n", "\n").replace("\r", "\n"), name
    raise ReadError(
        path,
        "cannot decode the file as text (tried UTF-8, UTF-16 and GB18030); is it a binary file?",
        "undecodable",
    )
