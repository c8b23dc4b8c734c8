"""The funding-source columns that 表2, 表4 and 表5 print after their total, in printed order."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from loaders.common import amounts

FUNDING_COLUMNS = (
    "fiscal_subtotal",  # 财政预算拨款 小计
    "general_public_subtotal",  # 一般公共预算拨款 小计
    "general_funds",  # 一般性经费拨款
    "special_funds",  # 财政专项资金拨款
    "government_investment",  # 政府投资项目拨款
    "government_fund",  # 政府性基金预算拨款
    "fiscal_special_account",  # 财政专户拨款
    "business_income",  # 事业收入
    "other_income",  # 其他收入
    "superior_subsidy",  # 上级补助收入
    "prior_year_carryover",  # 上年结余、结转
)
# 表5 prints no 财政专户拨款 column.
PROJECT_FUNDING_COLUMNS = tuple(c for c in FUNDING_COLUMNS if c != "fiscal_special_account")


@dataclass(kw_only=True)
class FundingAmounts:
    """Total and funding-source amounts of one printed row of 表2, 表4 or 表5."""

    total: Decimal | None = None
    fiscal_subtotal: Decimal | None = None
    general_public_subtotal: Decimal | None = None
    general_funds: Decimal | None = None
    special_funds: Decimal | None = None
    government_investment: Decimal | None = None
    government_fund: Decimal | None = None
    fiscal_special_account: Decimal | None = None
    business_income: Decimal | None = None
    other_income: Decimal | None = None
    superior_subsidy: Decimal | None = None
    prior_year_carryover: Decimal | None = None


def funding_amounts(block, row, columns=FUNDING_COLUMNS) -> dict:
    names = ("total", *columns)
    return dict(zip(names, amounts(block, row, 1, len(names))))
