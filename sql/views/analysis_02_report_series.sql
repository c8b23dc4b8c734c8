-- Every current report with each current report of its series (the same department — region and
-- name —, stage and scope; the report itself included): how the views below find a "previous year"
-- by report id, so that a query of one report reads its own series only.
CREATE OR REPLACE VIEW analysis.report_series AS
SELECT r.id AS report_id,
       r.fiscal_year,
       m.id AS member_report_id,
       m.fiscal_year AS member_fiscal_year
FROM budget.report r
JOIN budget.report m ON m.department_id = r.department_id
                    AND (m.kind LIKE '%决算') = (r.kind LIKE '%决算')
                    AND coalesce(m.scope, '') = coalesce(r.scope, '')
                    AND m.superseded_at IS NULL
WHERE r.superseded_at IS NULL;

COMMENT ON VIEW analysis.report_series IS '分析：每份当前报告与其逐年序列中的各份当前报告（含自身）';
COMMENT ON COLUMN analysis.report_series.fiscal_year IS '报告的预算年度';
COMMENT ON COLUMN analysis.report_series.member_report_id IS '（派生）同一序列的报告编号（当前版本）';
COMMENT ON COLUMN analysis.report_series.member_fiscal_year IS '（派生）该报告的预算年度';
