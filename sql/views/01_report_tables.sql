-- The printed tables of every current report: id as printed, kind, title, the budget it covers
-- and its unit. The views that compare a report's tables by kind join it.
CREATE OR REPLACE VIEW appendix.report_tables AS
SELECT r.fiscal_year, t.report_id, t.table_no, t.ordinal, t.kind, t.title, t.fund, t.unit, r.template, r.report_key
FROM budget.report_table t
JOIN budget.report r ON r.id = t.report_id AND r.superseded_at IS NULL;

COMMENT ON VIEW appendix.report_tables IS '报告中印刷的各表（仅当前版本）';
COMMENT ON COLUMN appendix.report_tables.fiscal_year IS '预算年度';
COMMENT ON COLUMN appendix.report_tables.table_no IS '表号（如印刷：7、15-3）';
COMMENT ON COLUMN appendix.report_tables.ordinal IS '在报告中的次序';
COMMENT ON COLUMN appendix.report_tables.kind IS '表的种类（budget.table_kind）';
COMMENT ON COLUMN appendix.report_tables.title IS '表名';
COMMENT ON COLUMN appendix.report_tables.fund IS '所含预算（一般公共预算 / 政府性基金 / … / 全部资金）';
COMMENT ON COLUMN appendix.report_tables.unit IS '金额单位';
COMMENT ON COLUMN appendix.report_tables.template IS '报告模板';
COMMENT ON COLUMN appendix.report_tables.report_key IS '（派生）报告标识（各版本不变）';
