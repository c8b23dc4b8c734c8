-- The narrative's sections as text, for search (主要职能, 主要工作目标, 名词解释 …).
CREATE OR REPLACE VIEW appendix.narrative_sections AS
SELECT r.department, r.fiscal_year, r.report_id, s.row_no,
       s.section,
       s.heading,
       s.text,
       s.first_line,
       s.last_line,
       r.report_key
FROM appendix.reports r
JOIN budget.narrative_section s ON s.report_id = r.report_id;

COMMENT ON VIEW appendix.narrative_sections IS '报告正文各部分文字';
COMMENT ON COLUMN appendix.narrative_sections.row_no IS '行号（正文顺序）';
COMMENT ON COLUMN appendix.narrative_sections.section IS '部分（如 第一部分 一）';
COMMENT ON COLUMN appendix.narrative_sections.heading IS '标题（按正文）';
COMMENT ON COLUMN appendix.narrative_sections.text IS '正文（每段一行）';
COMMENT ON COLUMN appendix.narrative_sections.first_line IS '起始行号（标题行）';
COMMENT ON COLUMN appendix.narrative_sections.last_line IS '结束行号';
