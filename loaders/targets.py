from dataclasses import dataclass
from decimal import Decimal
@dataclass
class ParsedTarget:
    operator: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    kind: str | None = None
def parse_target(text):
    return ParsedTarget()
