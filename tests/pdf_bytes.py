"""Small PDF files written byte by byte for reader tests, so that no PDF-writing library is needed: pages of ASCII
text in Helvetica and ruled lines, a page holding only an image (a scan), and the Standard security handler
(RC4, revision 2) with or without a user password."""

from __future__ import annotations

import hashlib
import struct

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
FILE_ID = hashlib.md5(b"perftable test").digest()
OWNER_ENTRY = hashlib.sha256(b"owner").digest()  # any 32 bytes: these files are never opened as the owner
PERMISSIONS = -3904  # printing allowed; copying and editing not


def rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _file_key(user_password: str) -> bytes:
    padded = (user_password.encode("latin-1") + PAD)[:32]
    return hashlib.md5(padded + OWNER_ENTRY + struct.pack("<i", PERMISSIONS) + FILE_ID).digest()[:5]


def text_page(lines: list[str], *, top: int = 760) -> bytes:
    """A content stream writing ASCII lines from the top of an A4 page."""
    ops = [f"BT /F1 11 Tf 72 {top - 16 * n} Td ({line}) Tj ET" for n, line in enumerate(lines)]
    return "\n".join(ops).encode("latin-1")


def ruled_table(rows: list[list[str]], *, top: float = 760, width: float = 120, height: float = 20) -> bytes:
    """A content stream drawing a ruled table (every cell boxed) with ASCII text in its cells."""
    ops: list[str] = ["0.5 w"]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            x, y = 50 + c * width, top - (r + 1) * height
            ops.append(f"{x} {y} {width} {height} re S")
            if text:
                ops.append(f"BT /F1 9 Tf {x + 4} {y + 6} Td ({text}) Tj ET")
    return "\n".join(ops).encode("latin-1")


# A font whose codes map to glyph ids only (Identity-H, no ToUnicode): its text cannot be read.
UNMAPPED_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font "
    b"/Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 "
    b">> /DW 500 >>] >>"
)


def make_pdf(
    pages: list[bytes], *, scanned: bool = False, encrypt: str | None = None, unmapped_font: bool = False
) -> bytes:
    """A PDF of A4 pages with these content streams. ``scanned``: every page also draws an image (and should hold
    no text). ``encrypt``: ``"owner-only"`` (opens without a password) or a user password. ``unmapped_font``: the
    text is written in a font without a Unicode mapping."""
    key = _file_key("" if encrypt == "owner-only" else encrypt) if encrypt else None
    objects: dict[int, bytes] = {}
    kids = []
    number = 4
    for content in pages:
        page, stream, image = number, number + 1, number + 2
        number += 3
        kids.append(f"{page} 0 R")
        resources = "/Font << /F1 3 0 R >>" + (f" /XObject << /Im1 {image} 0 R >>" if scanned else "")
        objects[page] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> "
            f"/Contents {stream} 0 R >>"
        ).encode()
        draw = (b"q 495 0 0 742 50 50 cm /Im1 Do Q\n" if scanned else b"") + content
        objects[stream] = _stream(stream, b"", draw, key)
        objects[image] = _stream(
            image,
            b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
            b"\x80",
            key,
        )
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objects[3] = (
        UNMAPPED_FONT
        if unmapped_font
        else b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    trailer = "/Root 1 0 R"
    if key is not None:
        user_entry = rc4(key, PAD)
        objects[number] = (
            f"<< /Filter /Standard /V 1 /R 2 /O <{OWNER_ENTRY.hex()}> /U <{user_entry.hex()}> "
            f"/P {PERMISSIONS} >>"
        ).encode()
        trailer += f" /Encrypt {number} 0 R /ID [<{FILE_ID.hex()}> <{FILE_ID.hex()}>]"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += f"{n} 0 obj\n".encode() + objects[n] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for n in range(1, size):
        out += f"{offsets[n]:010d} 00000 n \n".encode() if n in offsets else b"0000000000 65535 f \n"
    out += f"trailer\n<< /Size {size} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(number: int, head: bytes, data: bytes, key: bytes | None) -> bytes:
    if key is not None:
        object_key = hashlib.md5(key + struct.pack("<i", number)[:3] + b"\x00\x00").digest()[:10]
        data = rc4(object_key, data)
    return b"<< " + head + f"/Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"
