-- Where each line of a current report read from a PDF is printed: every fact's source_line
-- joins here (line_no) to its page, table and row. Reports read from text have no rows here.
CREATE OR REPLACE VIEW appendix.source_lines AS
SELECT r.department, r.fiscal_year, r.report_id,
       s.line_no,
       s.page,
       s.page_table,
       s.row_no,
       r.source_file,
       r.report_key
FROM appendix.reports r
JOIN budget.source_line s ON s.report_id = r.report_id;

COMMENT ON VIEW appendix.source_lines IS '报告各行在 PDF 中的位置（页、表、行；仅 PDF 输入、当前版本）';
COMMENT ON COLUMN appendix.source_lines.line_no IS '行号（各表 source_line 所指的行）';
COMMENT ON COLUMN appendix.source_lines.page IS 'PDF 页码';
COMMENT ON COLUMN appendix.source_lines.page_table IS '该页第几张表（正文行为空）';
COMMENT ON COLUMN appendix.source_lines.row_no IS '表内第几行（含空行），正文行为该页第几行';
COMMENT ON COLUMN appendix.source_lines.source_file IS '源文件';
