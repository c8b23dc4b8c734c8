-- 表12 “三公”经费 item by item: one row per printed year and item (总额, 因公出国（境）费, 公务接待费,
-- 公务用车购置及运行维护费 小计, 购置费, 运行维护费), keyed as the narrative's facts are
-- (item_key = budget.narrative_fact.fact_key), so that each stated amount meets its cell.
CREATE OR REPLACE VIEW appendix.three_public_items AS
SELECT k.fiscal_year, t.report_id, t.table_no, t.year, v.item_no, v.item_key, v.item, v.amount, t.source_line,
       k.report_key
FROM budget.three_public_expense t
JOIN appendix.report_tables k ON k.report_id = t.report_id AND k.table_no = t.table_no
CROSS JOIN LATERAL (VALUES
    (1, 'three_public_total', '总额', t.total),
    (2, 'overseas_travel', '因公出国（境）费', t.overseas_travel),
    (3, 'official_reception', '公务接待费', t.official_reception),
    (4, 'vehicle_total', '公务用车购置及运行维护费 小计', t.vehicle_subtotal),
    (5, 'vehicle_purchase', '公务用车购置费', t.vehicle_purchase),
    (6, 'vehicle_operation', '公务用车运行维护费', t.vehicle_operation)
) AS v (item_no, item_key, item, amount);

COMMENT ON VIEW appendix.three_public_items IS '表12 “三公”经费，按年度、按项目逐行（与文字说明的事实对应）';
COMMENT ON COLUMN appendix.three_public_items.fiscal_year IS '预算年度';
COMMENT ON COLUMN appendix.three_public_items.table_no IS '表号';
COMMENT ON COLUMN appendix.three_public_items.year IS '年度（预算年度，或用作比较的上年）';
COMMENT ON COLUMN appendix.three_public_items.item_no IS '项目序号';
COMMENT ON COLUMN appendix.three_public_items.item_key IS '项目键（同 narrative_fact.fact_key）';
COMMENT ON COLUMN appendix.three_public_items.item IS '项目';
COMMENT ON COLUMN appendix.three_public_items.amount IS '金额（空格为 NULL）';
COMMENT ON COLUMN appendix.three_public_items.source_line IS '文本文件中的行号';
COMMENT ON COLUMN appendix.three_public_items.report_key IS '（派生）报告标识（各版本不变）';
