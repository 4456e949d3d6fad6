"""Amounts as Decimal: ``"1,273.72"``, ``"１２７３．７２"``, ``"1273.72万元"`` and a spreadsheet's float all read
as ``Decimal("1273.72")``; money is never summed as float."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Literal

MoneyUnit = Literal["万元", "元", "亿元"]

# A number as printed in an amount cell: thousands separators, optional sign, optional money unit around it.
_AMOUNT = re.compile(
    r"^(?P<sign>[-+−])?\s*(?:[¥￥]\s*)?(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*"
    r"(?P<unit>万元|元|亿元|万)?$"
)
# Cells that stand for "nothing" in an amount column.
NIL_AMOUNTS = frozenset({"", "-", "—", "——", "--", "/", "无", "－", "―", "\\"})


class AmountError(ValueError):
    """The text is not an amount."""


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


def normalise_number_text(text: str) -> str:
    """Full-width digits and punctuation to ASCII; blanks removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def parse_amount(text: str) -> tuple[Decimal, MoneyUnit | None] | None:
    """Parse an amount cell.

    Returns ``(amount, unit)`` where ``unit`` is the money unit printed with the number (or None), ``None`` for an
    empty or nil cell (``-``, ``无``), and raises :class:`AmountError` for anything else.
    """
    raw = normalise_number_text(text)
    if raw in NIL_AMOUNTS:
        return None
    match = _AMOUNT.match(raw)
    if not match:
        raise AmountError(f"not an amount: {text!r}")
    number = match["num"].replace(",", "").replace("，", "")
    try:
        amount = Decimal(number)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid numbers
        raise AmountError(f"not an amount: {text!r}") from exc
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
