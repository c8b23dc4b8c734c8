-- The current version of every loaded report; every 附表 view joins it.
CREATE OR REPLACE VIEW appendix.reports AS
SELECT r.id AS report_id,
       d.name AS department,
       r.fiscal_year,
       r.kind,
       r.scope,
       r.title,
       r.unit,
       r.version,
       r.source_file,
       r.sha256,
       r.parser_version,
       r.loaded_at,
       r.missing_tables,
       r.report_key,
       r.template,
       d.region
FROM budget.report r
JOIN budget.department d ON d.id = r.department_id
WHERE r.superseded_at IS NULL;

COMMENT ON VIEW appendix.reports IS '已载入的报告（仅当前版本）';
COMMENT ON COLUMN appendix.reports.kind IS '报告类型（部门预算 / 部门决算）';
COMMENT ON COLUMN appendix.reports.scope IS '范围（如 本级）';
COMMENT ON COLUMN appendix.reports.title IS '报告标题';
COMMENT ON COLUMN appendix.reports.unit IS '金额单位';
COMMENT ON COLUMN appendix.reports.version IS '版本';
COMMENT ON COLUMN appendix.reports.report_key IS '报告标识：地区、单位、年度、类型、范围相同的报告各版本共用（已保存的查询用它）';
COMMENT ON COLUMN appendix.reports.template IS '报告模板（如 shenzhen_budget）';
COMMENT ON COLUMN appendix.reports.region IS '地区';
