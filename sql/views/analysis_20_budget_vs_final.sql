-- Budget against final accounts: for a department, year and scope with both a 预算 and a 决算
-- report loaded, each functional code of each fund (and the fund's total, level 合计, over its
-- 类) with both amounts in 万元 and the execution rate 决算 / 预算 (NULL when the budget is 0). A
-- line one of the two reports does not print counts as 0 there.
-- The lines are read for each pair (LATERAL), so that a query of one department and year reads
-- its two reports only.
CREATE OR REPLACE VIEW analysis.budget_vs_final AS
SELECT p.department, p.region, p.fiscal_year, p.scope,
       x.fund,
       x.level,
       x.functional_code,
       x.functional_name,
       x.budget_amount,
       x.final_amount,
       x.final_amount - x.budget_amount AS difference,
       round(100 * x.final_amount / nullif(x.budget_total, 0), 2) AS execution_rate,
       p.budget_report_id, p.final_report_id,
       p.budget_template, p.final_template,
       p.budget_report_key, p.final_report_key
FROM (
    SELECT b.department, b.region, b.fiscal_year, b.scope,
           b.report_id AS budget_report_id, f.report_id AS final_report_id,
           b.report_key AS budget_report_key, f.report_key AS final_report_key,
           b.template AS budget_template, f.template AS final_template
    FROM analysis.reports b
    JOIN analysis.reports f ON f.region = b.region AND f.department = b.department
                           AND f.fiscal_year = b.fiscal_year AND f.scope IS NOT DISTINCT FROM b.scope
                           AND f.stage = '决算'
    WHERE b.stage = '预算'
) p
CROSS JOIN LATERAL (
    WITH coded AS (  -- the two reports' lines by table and code, in 万元, as analysis.functional_expenditure
        SELECT t.report_id, t.fund, f.functional_code,  -- sums them (without that view's previous year)
               min(f.functional_name) AS functional_name,
               sum(f.total) * m.wan_yuan AS total
        FROM budget.report_table t
        JOIN budget.money_unit m ON m.unit = t.unit
        JOIN budget.functional_expenditure f ON f.report_id = t.report_id AND f.table_no = t.table_no
        WHERE t.report_id IN (p.budget_report_id, p.final_report_id)
          AND f.report_id IN (p.budget_report_id, p.final_report_id)  -- both by report: an IN is no equality
          AND t.kind = 'functional_expenditure' AND f.functional_code IS NOT NULL
        GROUP BY t.report_id, t.fund, t.table_no, m.wan_yuan, f.functional_code
    ), line AS (
        SELECT report_id, fund,
               CASE length(functional_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END AS level,
               functional_code, functional_name, total
        FROM coded
        UNION ALL
        SELECT report_id, fund, '合计', NULL, '合计', sum(total)
        FROM coded
        WHERE length(functional_code) = 3
        GROUP BY report_id, fund
    ), code AS (  -- the lines of either report
        SELECT DISTINCT fund, level, functional_code FROM line
    )
    SELECT c.fund, c.level, c.functional_code,
           coalesce(b.functional_name, f.functional_name) AS functional_name,
           coalesce(b.total, 0) AS budget_amount,
           coalesce(f.total, 0) AS final_amount,
           b.total AS budget_total
    FROM code c
    LEFT JOIN line b ON b.report_id = p.budget_report_id AND b.fund IS NOT DISTINCT FROM c.fund
                    AND b.level = c.level AND b.functional_code IS NOT DISTINCT FROM c.functional_code
    LEFT JOIN line f ON f.report_id = p.final_report_id AND f.fund IS NOT DISTINCT FROM c.fund
                    AND f.level = c.level AND f.functional_code IS NOT DISTINCT FROM c.functional_code
) x;

COMMENT ON VIEW analysis.budget_vs_final IS '分析：预算与决算对比（按功能分类科目，万元）及执行率';
COMMENT ON COLUMN analysis.budget_vs_final.fund IS '所含预算（一般公共预算 / 政府性基金 / 国有资本经营 / 全部资金）';
COMMENT ON COLUMN analysis.budget_vs_final.level IS '（派生）级次：类 / 款 / 项 / 合计（该预算各类之和）';
COMMENT ON COLUMN analysis.budget_vs_final.functional_code IS '科目编码（合计为空）';
COMMENT ON COLUMN analysis.budget_vs_final.functional_name IS '科目名称';
COMMENT ON COLUMN analysis.budget_vs_final.budget_amount IS '预算数（万元；预算未列为 0）';
COMMENT ON COLUMN analysis.budget_vs_final.final_amount IS '决算数（万元；决算未列为 0）';
COMMENT ON COLUMN analysis.budget_vs_final.difference IS '（派生）决算减预算（万元）';
COMMENT ON COLUMN analysis.budget_vs_final.execution_rate IS '（派生）执行率（%）：决算 / 预算 × 100，保留两位；预算为 0 时为空';
COMMENT ON COLUMN analysis.budget_vs_final.budget_report_id IS '（派生）预算报告编号';
COMMENT ON COLUMN analysis.budget_vs_final.final_report_id IS '（派生）决算报告编号';
COMMENT ON COLUMN analysis.budget_vs_final.budget_template IS '预算报告模板';
COMMENT ON COLUMN analysis.budget_vs_final.final_template IS '决算报告模板';
COMMENT ON COLUMN analysis.budget_vs_final.budget_report_key IS '（派生）预算报告标识（各版本不变）';
COMMENT ON COLUMN analysis.budget_vs_final.final_report_key IS '（派生）决算报告标识（各版本不变）';
