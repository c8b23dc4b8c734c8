-- A department's budget (部门预算) and final accounts (部门决算) of one year side by side: two reports
-- of one department (kind differs), joined on department, year and functional code. Each side is its
-- 一般公共预算 table (fund 一般公共预算; the 决算's 一般公共预算财政拨款支出决算表), amounts as printed and
-- in 万元 (money_unit: 元 × 0.0001, exact), so 元 and 万元 reports compare.
-- Driven by the (department, region, year) keys of appendix.reports, each key LATERAL, so a filter on
-- department / fiscal_year reads only that key's reports.
CREATE OR REPLACE VIEW appendix.budget_vs_final AS
WITH line AS NOT MATERIALIZED (
    SELECT r.department, r.region, r.fiscal_year, r.kind, r.report_id, r.report_key, t.unit,
           coalesce(f.functional_code, '') AS functional_code, f.functional_name, f.total,
           f.total * u.wan_yuan AS total_wan_yuan, f.basic_expenditure * u.wan_yuan AS basic_wan_yuan,
           f.project_expenditure * u.wan_yuan AS project_wan_yuan
    FROM appendix.reports r
    JOIN budget.report_table t ON t.report_id = r.report_id AND t.kind = 'functional_expenditure'
     AND t.fund = '一般公共预算'
    JOIN budget.money_unit u ON u.unit = t.unit
    JOIN budget.functional_expenditure f ON f.report_id = t.report_id AND f.table_no = t.table_no
)
SELECT k.department, k.fiscal_year,
       bf.budget_report_id, bf.final_report_id, bf.functional_code, bf.functional_name,
       bf.budget_total, bf.budget_unit, bf.final_total, bf.final_unit,
       bf.budget_wan_yuan, bf.final_wan_yuan, bf.difference_wan_yuan,
       bf.budget_basic_wan_yuan, bf.final_basic_wan_yuan,
       bf.budget_project_wan_yuan, bf.final_project_wan_yuan,
       bf.budget_report_key, bf.final_report_key
FROM (SELECT department, region, fiscal_year FROM appendix.reports GROUP BY department, region, fiscal_year) k
CROSS JOIN LATERAL (
    SELECT b.report_id AS budget_report_id, f.report_id AS final_report_id,
           coalesce(b.functional_code, f.functional_code) AS functional_code,
           coalesce(f.functional_name, b.functional_name) AS functional_name,
           b.total AS budget_total, b.unit AS budget_unit, f.total AS final_total, f.unit AS final_unit,
           b.total_wan_yuan AS budget_wan_yuan, f.total_wan_yuan AS final_wan_yuan,
           f.total_wan_yuan - b.total_wan_yuan AS difference_wan_yuan,
           b.basic_wan_yuan AS budget_basic_wan_yuan, f.basic_wan_yuan AS final_basic_wan_yuan,
           b.project_wan_yuan AS budget_project_wan_yuan, f.project_wan_yuan AS final_project_wan_yuan,
           b.report_key AS budget_report_key, f.report_key AS final_report_key
    FROM (SELECT * FROM line WHERE department = k.department AND region = k.region
            AND fiscal_year = k.fiscal_year AND kind IN ('部门预算', '单位预算')) b
    FULL JOIN (SELECT * FROM line WHERE department = k.department AND region = k.region
            AND fiscal_year = k.fiscal_year AND kind = '部门决算') f
      ON f.functional_code = b.functional_code
) bf;

COMMENT ON VIEW appendix.budget_vs_final IS '部门预算与部门决算对照（同一部门、同一年度，按功能分类科目；一般公共预算）';
COMMENT ON COLUMN appendix.budget_vs_final.functional_code IS '功能分类科目编码（空：合计行）';
COMMENT ON COLUMN appendix.budget_vs_final.functional_name IS '科目名称';
COMMENT ON COLUMN appendix.budget_vs_final.budget_total IS '预算数（如印刷）';
COMMENT ON COLUMN appendix.budget_vs_final.budget_unit IS '预算表金额单位';
COMMENT ON COLUMN appendix.budget_vs_final.final_total IS '决算数（如印刷）';
COMMENT ON COLUMN appendix.budget_vs_final.final_unit IS '决算表金额单位';
COMMENT ON COLUMN appendix.budget_vs_final.budget_wan_yuan IS '（派生）预算数（万元）';
COMMENT ON COLUMN appendix.budget_vs_final.final_wan_yuan IS '（派生）决算数（万元）';
COMMENT ON COLUMN appendix.budget_vs_final.difference_wan_yuan IS '（派生）决算数 − 预算数（万元）';
