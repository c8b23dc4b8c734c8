-- 第五部分: the stated “三公”经费 amounts equal 表12's budget-year row (总额, 因公出国（境）费,
-- 公务接待费, 公务用车购置及运行维护费 小计, 购置费, 运行维护费), item by item (appendix.three_public_items).
SELECT format('第五部分 %s / 表12 %s', f.label, i.item) AS place, f.value AS left_value,
       coalesce(i.amount, 0) AS right_value, 1 AS terms, f.source_line,
       'a “三公” amount stated in the narrative vs 表12''s budget year' AS message
FROM budget.narrative_fact f
JOIN appendix.three_public_items i ON i.report_id = %(report_id)s AND i.year = i.fiscal_year AND i.item_key = f.fact_key
WHERE f.report_id = %(report_id)s AND split_part(f.section, ' ', 1) = '第五部分' AND f.value <> coalesce(i.amount, 0)
ORDER BY f.row_no;
