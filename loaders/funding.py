"""The funding-source columns that 表2, 表4 and 表5 print after their total, in printed order."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from loaders.common import amounts

@dataclass(kw_only=True)
class FundingAmounts:
    """Total and funding-source amounts of one printed row of 表2, 表4 or 表5."""

    total: Decimal | None = None
    fiscal_subtotal: Decimal | None = None  # 财政预算拨款 小计
    general_public_subtotal: Decimal | None = None  # 一般公共预算拨款 小计
    general_funds: Decimal | None = None  # 一般性经费拨款
    special_funds: Decimal | None = None  # 财政专项资金拨款
    government_investment: Decimal | None = None  # 政府投资项目拨款
    government_fund: Decimal | None = None  # 政府性基金预算拨款
    fiscal_special_account: Decimal | None = None  # 财政专户拨款
    business_income: Decimal | None = None  # 事业收入
    other_income: Decimal | None = None  # 其他收入
    superior_subsidy: Decimal | None = None  # 上级补助收入
    prior_year_carryover: Decimal | None = None  # 上年结余、结转


# The funding columns in printed order (the dataclass's fields after `total`).
FUNDING_COLUMNS = tuple(f.name for f in fields(FundingAmounts))[1:]
# 表5 prints no 财政专户拨款 column.
PROJECT_FUNDING_COLUMNS = tuple(c for c in FUNDING_COLUMNS if c != "fiscal_special_account")


def funding_amounts(block, row, columns: tuple[str, ...] = FUNDING_COLUMNS) -> dict:
    names = ("total", *columns)
    return dict(zip(names, amounts(block, row, 1, len(names))))
