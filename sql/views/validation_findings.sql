-- The findings of the consistency rules (sql/checks/) for the current reports: one row per
-- offending place. severity 'rounding' marks a gap of at most 0.01 per summed amount.
CREATE OR REPLACE VIEW appendix.validation_findings AS
SELECT r.department, r.fiscal_year, r.report_id,
       f.rule_id,
       f.finding_no,
       f.severity,
       v.kind AS rule_kind,
       f.place,
       f.left_value,
       f.right_value,
       f.difference,
       f.source_line,
       s.page AS source_page,
       s.row_no AS source_row,
       f.message,
       v.description AS rule_description,
       r.report_key
FROM appendix.reports r
JOIN budget.validation_finding f ON f.report_id = r.report_id
JOIN budget.validation_rule v ON v.id = f.rule_id
LEFT JOIN budget.source_line s ON s.report_id = f.report_id AND s.line_no = f.source_line;

COMMENT ON VIEW appendix.validation_findings IS '校验结果：各校验规则发现的不一致之处（仅当前版本报告）';
COMMENT ON COLUMN appendix.validation_findings.rule_id IS '规则编号（sql/checks/catalog.toml）';
COMMENT ON COLUMN appendix.validation_findings.finding_no IS '规则内序号';
COMMENT ON COLUMN appendix.validation_findings.severity IS '严重程度：error 错误 / warning 警告 / rounding 尾差';
COMMENT ON COLUMN appendix.validation_findings.rule_kind IS '规则类型：within 表内 / across 表间 / narrative 文字与表 / link 项目对应';
COMMENT ON COLUMN appendix.validation_findings.place IS '位置（表、科目编码或项目）';
COMMENT ON COLUMN appendix.validation_findings.left_value IS '左值（印刷的合计或前一表的数）';
COMMENT ON COLUMN appendix.validation_findings.right_value IS '右值（加总或后一表的数）';
COMMENT ON COLUMN appendix.validation_findings.difference IS '差额（左值 − 右值）';
COMMENT ON COLUMN appendix.validation_findings.source_line IS '左值在文本文件中的行号';
COMMENT ON COLUMN appendix.validation_findings.source_page IS '左值所在 PDF 页码（文本输入为空）';
COMMENT ON COLUMN appendix.validation_findings.source_row IS '左值在该页表内的行号（文本输入为空）';
COMMENT ON COLUMN appendix.validation_findings.message IS '说明';
COMMENT ON COLUMN appendix.validation_findings.rule_description IS '规则说明';
