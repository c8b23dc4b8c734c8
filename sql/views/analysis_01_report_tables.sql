-- The printed tables of every current report with the factor that turns their unit into 万元
-- (budget.money_unit): every amount of schema analysis is amount × wan_yuan, exact NUMERIC.
CREATE OR REPLACE VIEW analysis.report_tables AS
SELECT r.department, r.region, r.fiscal_year, r.stage, r.scope,
       t.table_no,
       t.kind AS table_kind,
       t.title AS table_title,
       t.fund,
       t.unit,
       m.wan_yuan,
       r.series_key,
       r.report_id,
       r.template,
       r.report_key
FROM analysis.reports r
JOIN budget.report_table t ON t.report_id = r.report_id
JOIN budget.money_unit m ON m.unit = t.unit;

COMMENT ON VIEW analysis.report_tables IS '分析：各报告印刷的表（种类、所含预算、金额单位及折合万元的系数）';
COMMENT ON COLUMN analysis.report_tables.table_no IS '表号（如印刷：7、15-3）';
COMMENT ON COLUMN analysis.report_tables.table_kind IS '表的种类（budget.table_kind，如 functional_expenditure）';
COMMENT ON COLUMN analysis.report_tables.table_title IS '表名（如印刷）';
COMMENT ON COLUMN analysis.report_tables.fund IS '所含预算（一般公共预算 / 政府性基金 / 国有资本经营 / 财政拨款 / 全部资金）';
COMMENT ON COLUMN analysis.report_tables.unit IS '金额单位（如印刷）';
COMMENT ON COLUMN analysis.report_tables.wan_yuan IS '（派生）一个金额单位折合多少万元（元为 0.0001）';
