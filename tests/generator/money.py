"""Money for generated reports: Decimals with two places, split so that totals add up exactly."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def cents(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(CENT)


def amount(rng: random.Random, low: int, high: int) -> Decimal:
    """A random amount between low and high 万元, to the cent."""
    return cents(rng.randint(low * 100, high * 100))


def split(rng: random.Random, total: Decimal, parts: int) -> list[Decimal]:
    """`total` cut into `parts` positive amounts (to the cent) that add up to it exactly."""
    units = int(total * 100)
    if parts < 1 or units < parts:
        raise ValueError(f"cannot split {total} into {parts} positive parts")
    cuts = sorted(rng.sample(range(1, units), parts - 1))
    bounds = [0, *cuts, units]
    return [cents(b - a) for a, b in zip(bounds, bounds[1:])]


def total(values) -> Decimal:
    return sum((v for v in values if v is not None), Decimal("0.00"))


def printed(value: Decimal | None, *, commas: bool = True) -> str:
    """As the template prints an amount: '145,863.63'; None is an empty cell."""
    if value is None:
        return ""
    return f"{value:,.2f}" if commas else f"{value:.2f}"


def percent(change: Decimal, previous: Decimal) -> Decimal:
    """change / previous × 100 to 0.01, rounded half away from zero as PostgreSQL's round()."""
    return (change / previous * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def nonzero(value: Decimal) -> Decimal | None:
    """A zero the template prints as an empty cell."""
    return value if value else None
