-- Figures stated in the narrative, in printed order, with their source line.
CREATE OR REPLACE VIEW appendix.narrative_facts AS
SELECT r.department, r.fiscal_year, r.report_id, f.row_no,
       f.section,
       f.label,
       f.value,
       f.unit,
       f.direction,
       f.compared_year,
       f.text_as_printed,
       f.source_line,
       f.fact_key,
       CASE WHEN f.direction IN ('减少', '下降') THEN -f.value
            WHEN f.direction = '持平' THEN coalesce(f.value, 0)
            ELSE f.value END AS signed_value,
       r.report_key
FROM appendix.reports r
JOIN budget.narrative_fact f ON f.report_id = r.report_id;

COMMENT ON VIEW appendix.narrative_facts IS '报告正文所述数字（人员、车辆、预算金额及增减）';
COMMENT ON COLUMN appendix.narrative_facts.row_no IS '行号（正文顺序）';
COMMENT ON COLUMN appendix.narrative_facts.section IS '所在部分（如 第一部分 二）';
COMMENT ON COLUMN appendix.narrative_facts.label IS '正文中的名称（如 行政编制、人员支出、比2019年）';
COMMENT ON COLUMN appendix.narrative_facts.value IS '数值（按正文，增减为绝对值）';
COMMENT ON COLUMN appendix.narrative_facts.unit IS '单位（人、辆、万元、%、台（套））';
COMMENT ON COLUMN appendix.narrative_facts.direction IS '增减方向（增加、减少、持平等，按正文）';
COMMENT ON COLUMN appendix.narrative_facts.compared_year IS '比较年度';
COMMENT ON COLUMN appendix.narrative_facts.text_as_printed IS '正文原文';
COMMENT ON COLUMN appendix.narrative_facts.source_line IS '原文行号';
COMMENT ON COLUMN appendix.narrative_facts.fact_key IS '（派生）数字类别（如 staff_admin_authorized、budget_total_change）';
COMMENT ON COLUMN appendix.narrative_facts.signed_value IS '（派生）带符号的数值（减少、下降为负）';
