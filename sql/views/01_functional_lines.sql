-- A report's functional lines over every budget it covers: the coded rows of its functional tables
-- (表7 一般公共预算, 表8 政府性基金, 表9 国有资本经营) added up by code, in code order, and the unit
-- total over those tables. 表1/表6 print these lines, and 表3 covers all funds: the rules compare
-- them with this view, not with 表7 alone. Current versions only.
CREATE OR REPLACE VIEW appendix.functional_lines AS
SELECT f.report_id,
       f.functional_code,
       min(f.functional_name) AS functional_name,
       sum(coalesce(f.total, 0)) AS total,
       sum(coalesce(f.basic_expenditure, 0)) AS basic_expenditure,
       sum(coalesce(f.project_expenditure, 0)) AS project_expenditure,
       coalesce(string_agg(f.table_no, '+' ORDER BY t.ordinal) FILTER (WHERE f.printed), min(f.table_no)) AS tables,
       greatest(count(*) FILTER (WHERE f.printed), 1) AS terms,
       row_number() OVER (PARTITION BY f.report_id ORDER BY f.functional_code NULLS FIRST) - 1 AS ordinal,
       min(f.source_line) AS source_line
FROM (SELECT *, coalesce(total, 0) <> 0 OR coalesce(basic_expenditure, 0) <> 0
                 OR coalesce(project_expenditure, 0) <> 0 AS printed  -- an empty fund table prints 0
      FROM budget.functional_expenditure) f
JOIN budget.report_table t ON t.report_id = f.report_id AND t.table_no = f.table_no AND t.kind = 'functional_expenditure'
 AND t.fund IN ('一般公共预算', '政府性基金', '国有资本经营')  -- one budget each: added, never counted twice
JOIN budget.report r ON r.id = f.report_id AND r.superseded_at IS NULL
WHERE f.functional_code IS NOT NULL OR f.row_no = 1
GROUP BY f.report_id, f.functional_code;

COMMENT ON VIEW appendix.functional_lines IS '功能分类支出（表7、表8、表9 按科目编码合计；单位合计行科目编码为空）';
COMMENT ON COLUMN appendix.functional_lines.functional_code IS '科目编码（单位合计行为空）';
COMMENT ON COLUMN appendix.functional_lines.functional_name IS '科目名称';
COMMENT ON COLUMN appendix.functional_lines.total IS '（派生）支出总计（各表之和）';
COMMENT ON COLUMN appendix.functional_lines.basic_expenditure IS '（派生）基本支出（各表之和）';
COMMENT ON COLUMN appendix.functional_lines.project_expenditure IS '（派生）项目支出（各表之和）';
COMMENT ON COLUMN appendix.functional_lines.tables IS '（派生）该行金额非零的表（如 7+8）';
COMMENT ON COLUMN appendix.functional_lines.terms IS '（派生）相加的非零行数';
COMMENT ON COLUMN appendix.functional_lines.ordinal IS '（派生）按科目编码的次序（单位合计为 0）';
COMMENT ON COLUMN appendix.functional_lines.source_line IS '文本文件中的行号（第一个表的行）';
