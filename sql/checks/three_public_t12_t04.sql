-- 表12's budget-year row: 公务接待费 and 公务用车运行维护费 = the 表4 items with the same economic
-- codes (30217, 30231). A warning: 表12 covers all 财政拨款, so project spending may add to 表4's.
WITH budget_year AS (
    SELECT t.official_reception, t.vehicle_operation, t.source_line
    FROM budget.three_public_expense t
    JOIN budget.report r ON r.id = %(report_id)s AND r.fiscal_year = t.year
    WHERE t.report_id = %(report_id)s
),
basic AS (
    SELECT economic_code, sum(coalesce(total, 0)) AS amount
    FROM budget.basic_expenditure_item
    WHERE report_id = %(report_id)s AND row_kind = 'item' AND economic_code IN ('30217', '30231')
    GROUP BY economic_code
),
pair AS (
    SELECT v.item_no, v.item, coalesce(v.amount, 0) AS left_value, coalesce(b.amount, 0) AS right_value,
           y.source_line
    FROM budget_year y
    CROSS JOIN LATERAL (VALUES (1, '公务接待费', '30217', y.official_reception),
                               (2, '公务用车运行维护费', '30231', y.vehicle_operation)) AS v (item_no, item, code, amount)
    LEFT JOIN basic b ON b.economic_code = v.code
)
SELECT format('表12 %s / 表4 %s', item, item) AS place,
       left_value,
       right_value,
       1 AS terms,
       source_line,
       format('%s of the budget year in 表12 vs the 表4 item', item) AS message
FROM pair
WHERE left_value <> right_value
ORDER BY item_no;
