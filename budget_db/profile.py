"""The profile page of one report: a static HTML page read from the analysis views.

Totals, funding sources, the functional breakdown, 三公 both years, the change on the previous
year, the largest projects and the validation status, with SVG charts (budget_db.svg_charts).
Nothing is fetched when the page is viewed: styles and charts are inside the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from psycopg.rows import dict_row

from budget_db.checks import format_money
from budget_db.svg_charts import Series, bar_chart, grouped_bar_chart

TOP_PROJECTS = 10
FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
STYLE = f"""
body {{ font-family: {FONTS}; margin: 24px auto; max-width: 1040px; color: #222; }}
h1 {{ font-size: 24px; margin-bottom: 4px; }} h2 {{ font-size: 18px; border-bottom: 2px solid #3b6ea8; }}
.meta {{ color: #666; }} table {{ border-collapse: collapse; margin: 8px 0 16px; }}
th, td {{ border: 1px solid #ccc; padding: 4px 8px; }} th {{ background: #eef3f9; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }} .ok {{ color: #2d7a3a; }} .bad {{ color: #b3474b; }}
svg.chart {{ display: block; margin: 8px 0 20px; font-family: {FONTS}; }}
"""


@dataclass(frozen=True)
class Profile:
    report: dict
    totals: dict
    series: list[dict]  # the department's years (same stage and scope)
    funding: list[dict]
    functional: list[dict]
    three_public: dict | None
    projects: list[dict]
    quality: dict | None

    @property
    def name(self) -> str:
        r = self.report
        return f"{r['department']} {r['fiscal_year']} {r['kind']}"


def _rows(conn, query: str, *params) -> list[dict]:
    with conn.cursor(row_factory=dict_row) as cursor:
        return cursor.execute(query, params).fetchall()


def _first(rows: list[dict]) -> dict | None:
    return rows[0] if rows else None


def gather(conn, report_id: int) -> Profile:
    report = _first(_rows(conn, "SELECT * FROM analysis.reports WHERE report_id = %s", report_id))
    if report is None:
        raise LookupError(f"no current report {report_id}")
    totals = _first(_rows(conn, "SELECT * FROM analysis.department_year_totals WHERE report_id = %s", report_id))
    return Profile(
        report=report,
        totals=totals,
        series=_rows(conn, "SELECT * FROM analysis.department_year_totals WHERE series_key = %s ORDER BY fiscal_year",
                     report["series_key"]),
        funding=_rows(conn, "SELECT * FROM analysis.funding_sources WHERE report_id = %s ORDER BY table_no, ordinal",
                      report_id),
        functional=_rows(conn, "SELECT * FROM analysis.functional_expenditure WHERE report_id = %s AND level = '类' "
                               "ORDER BY functional_code, table_no", report_id),
        three_public=_first(_rows(conn, "SELECT * FROM analysis.three_public WHERE report_id = %s", report_id)),
        projects=_rows(conn, "SELECT * FROM analysis.projects WHERE report_id = %s AND amount IS NOT NULL "
                             "ORDER BY amount DESC, project_name LIMIT %s", report_id, TOP_PROJECTS),
        quality=_first(_rows(conn, "SELECT * FROM appendix.report_quality WHERE report_id = %s", report_id)),
    )


# -- rendering -------------------------------------------------------------------------------
def _cell(value) -> str:
    if isinstance(value, Decimal):
        return f'<td class="n">{escape(format_money(value))}</td>'
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<td class="n">{value}</td>'
    return f"<td>{escape('—' if value is None else str(value))}</td>"


def _table(headers: list[str], rows: list[tuple]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(f"<tr>{''.join(_cell(v) for v in row)}</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:+.2f}%"


def _share(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}%"


def _section(title: str, *parts: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{''.join(parts)}</section>"


def _leaf_sources(funding: list[dict]) -> list[dict]:
    """The most detailed funding rows: those no other row of the table is part of."""
    parents = {row["parent_code"] for row in funding}
    return [row for row in funding if row["source_code"] not in parents]


def _totals(p: Profile) -> str:
    t = p.totals or {}
    rows = [("支出总计", t.get("expenditure_total")), ("其中：基本支出", t.get("basic_expenditure")),
            ("　　　项目支出", t.get("project_expenditure")), ("收入总计", t.get("income_total")),
            ("“三公”经费", t.get("three_public_total")),
            ("上年支出总计", t.get("previous_expenditure_total")), ("比上年增减", t.get("change_amount")),
            ("比上年增减（%）", _percent(t.get("change_percent")))]
    years = [(f"{s['fiscal_year']}年", s["expenditure_total"]) for s in p.series]
    chart = bar_chart("历年支出总计", years) if len(years) > 1 else ""
    return _section("总体情况（万元）", _table(["项目", "金额"], rows), chart)


def _funding(p: Profile) -> str:
    if not p.funding:
        return _section("收入来源", "<p>本报告未印刷按资金来源的收入表。</p>")
    rows = [(r["source_name"], r["amount"], _share(r["share_percent"])) for r in p.funding]
    leaves = [(r["source_name"], r["amount"]) for r in _leaf_sources(p.funding) if r["amount"]]
    return _section("收入来源（万元）", bar_chart("收入来源", leaves), _table(["资金来源", "金额", "占收入总计"], rows))


def _functional(p: Profile) -> str:
    by_class: dict[str, list] = {}
    for row in p.functional:
        entry = by_class.setdefault(row["functional_code"], [row["functional_name"], Decimal(0)])
        entry[1] += row["total"] or 0
    chart = bar_chart("支出按功能分类（类）", [(f"{code} {name}", amount) for code, (name, amount) in by_class.items()])
    rows = [(r["fund"], r["functional_code"], r["functional_name"], r["total"], r["basic_expenditure"],
             r["project_expenditure"], r["previous_total"], r["change_amount"], _percent(r["change_percent"]))
            for r in p.functional]
    return _section("支出按功能分类（万元）", chart, _table(
        ["预算", "科目编码", "科目名称", "合计", "基本支出", "项目支出", "上年", "比上年增减", "增减%"], rows))


def _three_public(p: Profile) -> str:
    t = p.three_public
    if t is None:
        return _section("“三公”经费", "<p>本报告未印刷“三公”经费表。</p>")
    items = [("因公出国（境）费", "overseas_travel"), ("公务接待费", "official_reception"), ("公务用车购置及运行维护费", "vehicle_total")]
    year = p.report["fiscal_year"]
    source = t["previous_source"] or "无"
    chart = grouped_bar_chart("“三公”经费两年对比", [label for label, _ in items], [
        Series(f"{year - 1}年（{source}）", tuple(t[f"previous_{key}"] for _, key in items)),
        Series(f"{year}年", tuple(t[key] for _, key in items))])
    rows = [(label, t[f"previous_{key}"], t[key]) for label, key in items]
    rows.append(("合计", t["previous_total"], t["total"]))
    facts = [("比上年增减", t["change_amount"]), ("比上年增减（%）", _percent(t["change_percent"])),
             ("地区内名次", f"{t['rank_in_region']} / {t['departments_in_region']}"), ("实有在编人数", t["staff"]),
             ("人均（万元/人）", t["total_per_staff"]), ("会议费", t["meeting_expense"]),
             ("培训费", t["training_expense"]), ("机关运行经费", t["operating_expenses"])]
    return _section("“三公”经费（万元）", chart, _table(["项目", f"{year - 1}年", f"{year}年"], rows),
                    _table(["指标", "数值"], facts))


def _projects(p: Profile) -> str:
    if not p.projects:
        return _section("主要项目", "<p>本报告未列项目。</p>")
    chart = bar_chart(f"金额最大的 {len(p.projects)} 个项目", [(r["project_name"][:14], r["amount"]) for r in p.projects])
    rows = [(r["project_name"], r["amount"], r["previous_amount"], r["change_amount"], _percent(r["change_percent"]),
             r["first_year"]) for r in p.projects]
    return _section("主要项目（万元）", chart, _table(["项目", "金额", "上年", "比上年增减", "增减%", "首次出现年度"], rows))


def _quality(p: Profile) -> str:
    q = p.quality
    if q is None or q["checked_at"] is None:
        return _section("校验结果", "<p>尚未校验。</p>")

    def verdict(ok) -> str:
        return "—" if ok is None else ("一致" if ok else "不一致")
    rows = [("错误", q["error_count"]), ("警告", q["warning_count"]), ("尾差", q["rounding_count"]),
            ("未能核对", q["not_checked_count"]), ("表内及表间合计", verdict(q["totals_reconcile"])),
            ("文字说明与表格", verdict(q["narrative_agrees"])), ("已运行规则数", q["rules_run"])]
    status = "ok" if q["error_count"] == 0 else "bad"
    summary = "校验通过（无错误）" if status == "ok" else f"发现 {q['error_count']} 个错误"
    return _section("校验结果", f'<p class="{status}">{escape(summary)}</p>', _table(["项目", "结果"], rows))


def render(p: Profile) -> str:
    r = p.report
    title = f"{r['department']} {r['fiscal_year']}年{r['kind']}"
    meta = "　".join(escape(str(v)) for v in (r["region"], f"阶段：{r['stage']}", f"范围：{r['scope'] or '—'}",
                                              f"模板：{r['template']}", f"报告标识：{r['report_key']}"))
    body = "".join((_totals(p), _funding(p), _functional(p), _three_public(p), _projects(p), _quality(p)))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1><p class=\"meta\">{meta}</p>{body}"
            "<p class=\"meta\">金额单位：万元。数据来自 budget-db 的 analysis 视图。</p></body></html>")


def render_index(pages: list[tuple[str, Profile]]) -> str:
    """One line per page written: the report and its totals, linking to its page."""
    rows = "".join(
        f'<tr><td><a href="{escape(href)}">{escape(p.name)}</a></td>'
        f'{_cell((p.totals or {}).get("expenditure_total"))}{_cell((p.three_public or {}).get("total"))}</tr>'
        for href, p in pages)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>报告概览</title>'
            f"<style>{STYLE}</style></head><body><h1>报告概览</h1><table><tr><th>报告</th><th>支出总计（万元）</th>"
            f"<th>“三公”经费（万元）</th></tr>{rows}</table></body></html>")
