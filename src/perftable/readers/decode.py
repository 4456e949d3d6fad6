"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its zero bytes) and
GB18030/GBK are detected; anything else is an error that says so."""

from __future__ import annotations

import codecs

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


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\r\n\t\f\v")
    return "\x00" in sample or controls > max(8, len(sample) // 100)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text file; returns ``(text, encoding)``. Raises :class:`ReadError` for undecodable bytes."""
    encoding: str | None = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    encoding = encoding or _utf16_without_bom(data)
    candidates = [encoding] if encoding else ["utf-8", "gb18030"]
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            break
        return text.replace("\r\n", "\n").replace("\r", "\n"), candidate
    raise ReadError(
        path, "cannot decode the file as text (tried UTF-8, UTF-16 and GB18030); is it a binary file?"
    )
