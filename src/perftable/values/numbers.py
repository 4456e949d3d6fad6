"""Amounts as Decimal: ``"1,273.72"``, ``"１２７３．７２"``, ``"1273.72万元"``, ``"1,273.72(万元)"`` and a
spreadsheet's float all read as ``Decimal("1273.72")``; money is never summed as float. A note in brackets after
the amount (``100（含上年结转20）``, ``50（暂定）``) is not part of it: :func:`amount_note` gives it. Chinese
numerals (``三``, ``十二``, ``两百``) read through :func:`chinese_number`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

MoneyUnit = Literal["万元", "元", "亿元"]

# A number as printed in an amount cell: thousands separators, optional sign, optional money unit around it.
_AMOUNT = re.compile(
    r"^(?P<sign>[-+−])?\s*(?:[¥￥]\s*)?(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*"
    r"(?P<unit>万元|元|亿元|万)?$"
)
# A note in brackets after an amount: 100(含上年结转20), 50(暂定), 1,273.72(万元), 854万(高标准农田建设400万元,…).
# Brackets are ASCII after NFKC.
_NOTE = re.compile(r"^(?P<amount>[^()]*\d(?:万元|亿元|元|万)?)\s*\((?P<note>[^()]{1,200})\)$")
# Cells that stand for "nothing" in an amount column.
NIL_AMOUNTS = frozenset({"", "-", "—", "——", "--", "/", "无", "－", "―", "\\"})


class AmountError(ValueError):
    """The text is not an amount."""


MAX_DIGITS = (
    18  # an amount of more digits is no budget's (10**18 元); arithmetic on it would overflow Decimal's 28
)


def rounded(number: Decimal, places: int = 0) -> Decimal:
    """``number`` to ``places`` decimals, as ``quantize`` gives it; a number too long for the decimal context
    (``quantize`` raises InvalidOperation past 28 digits) comes back as it is, never as an error."""
    try:
        return number.quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:
        return number


def decimal_from_float(value: float) -> Decimal:
    """A spreadsheet float as the Decimal a person typed: through its shortest repr, never ``Decimal(x)``.

    Integers lose their ``.0``; float noise from formulas (``0.30000000000000004``) is cut at 15 significant
    digits, the precision Excel itself shows.
    """
    if value != value or value in (float("inf"), float("-inf")):
        raise AmountError(f"not a finite number: {value!r}")
    if value.is_integer() and abs(value) < 1e16:
        return Decimal(int(value))
    text = repr(value)
    digits = len(text.replace("-", "").replace(".", "").lstrip("0").split("e")[0])
    if digits > 15:
        text = format(value, ".15g")
    return Decimal(text)


_BLANKS = re.compile(r"\s+")


def normalise_number_text(text: str) -> str:
    """Full-width digits and punctuation to ASCII; blanks removed."""
    return _BLANKS.sub("", unicodedata.normalize("NFKC", text))


def _split_note(raw: str) -> tuple[str, str | None]:
    """``"100(含上年结转20)"`` -> ``("100", "含上年结转20")``; a bracketed money unit stays with the amount."""
    match = _NOTE.match(raw)
    if match is None:
        return raw, None
    if match["note"] in ("万元", "元", "亿元", "万"):
        return match["amount"] + match["note"], None
    return match["amount"], match["note"]


def amount_note(text: str) -> str | None:
    """The note in brackets after an amount (``含上年结转20`` in ``100（含上年结转20）``), or None."""
    return _split_note(normalise_number_text(text))[1]


_SPACED_DIGITS = re.compile(r"\d[ \t\u3000]+\d")
# An amount printed twice: with its unit (854万854万) or its decimals (100.00100.00), which no single number has.
_DOUBLED = re.compile(r"^(?P<once>[^()]*?\d(?:万元|亿元|元|万)|[^()]*?\.\d+)(?P=once)(?=\(|$)")


@dataclass(frozen=True, slots=True)
class AmountReading:
    """An amount cell read: the amount and its printed unit (None for an empty or nil cell), the note after it, and
    the repairs reading it took: ``spaced-digits`` (``968.191 8``: blanks inside the number, dropped) and
    ``doubled-amount`` (``854万854万``: the amount printed twice, read once)."""

    amount: Decimal | None
    unit: MoneyUnit | None
    note: str | None = None
    repairs: tuple[str, ...] = ()


def read_amount(text: str) -> AmountReading:
    """Read an amount cell, saying what it had to repair; raises :class:`AmountError` for anything else."""
    repairs: list[str] = []
    compact = unicodedata.normalize("NFKC", text).strip()
    if _SPACED_DIGITS.search(compact):
        repairs.append("spaced-digits")
    raw = normalise_number_text(text)
    doubled = _DOUBLED.match(raw)
    if doubled:
        raw = raw[: doubled.end("once")] + raw[doubled.end() :]
        repairs.append("doubled-amount")
    parsed = parse_amount(raw)
    note = amount_note(raw)
    if parsed is None:
        return AmountReading(None, None, note, tuple(repairs))
    return AmountReading(parsed[0], parsed[1], note, tuple(repairs))


def parse_amount(text: str) -> tuple[Decimal, MoneyUnit | None] | None:
    """Parse an amount cell.

    Returns ``(amount, unit)`` where ``unit`` is the money unit printed with the number (or None), ``None`` for an
    empty or nil cell (``-``, ``无``), and raises :class:`AmountError` for anything else. A note in brackets after
    the number is left out (see :func:`amount_note`).
    """
    raw = normalise_number_text(text)
    if raw in NIL_AMOUNTS:
        return None
    match = _AMOUNT.match(_split_note(raw)[0])
    if not match:
        raise AmountError(f"not an amount: {text!r}")
    number = match["num"].replace(",", "").replace("，", "")
    try:
        amount = Decimal(number)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid numbers
        raise AmountError(f"not an amount: {text!r}") from exc
    if len(amount.as_tuple().digits) - max(0, -int(amount.as_tuple().exponent)) > MAX_DIGITS:
        raise AmountError(f"not an amount: {text!r} (more than {MAX_DIGITS} digits before the decimal point)")
    if match["sign"] in ("-", "−"):
        amount = -amount
    unit = match["unit"]
    money: MoneyUnit | None = "万元" if unit == "万" else unit  # type: ignore[assignment]  # regex limits the values
    return amount, money


def is_amount(text: str) -> bool:
    """True when the text is a printed number (not nil, not words)."""
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


def convert(amount: Decimal, unit: MoneyUnit, to: MoneyUnit) -> Decimal:
    """Convert between 元, 万元 and 亿元."""
    scale = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
    return amount * scale[unit] / scale[to]


def format_amount(amount: Decimal, *, thousands: bool = True) -> str:
    """Print an amount with its own decimals, e.g. ``Decimal("1273.72")`` -> ``"1,273.72"``."""
    return f"{amount:,}" if thousands else f"{amount}"


_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_POWERS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千]"


def chinese_number(text: str) -> int | None:
    """``"三"`` -> 3, ``"十二"`` -> 12, ``"两百零五"`` -> 205; None when the text is not a Chinese numeral.

    Numbers below 10,000: larger ones are written with 万 as a multiplier of the unit (``3万人``)."""
    if not text or any(ch not in _DIGITS and ch not in _POWERS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0:
                return None  # 三四: two digits in a row is not a numeral
            digit = _DIGITS[ch] or None
        else:
            total += (1 if digit is None else digit) * _POWERS[ch]
            digit = None
    return total + (digit or 0)
