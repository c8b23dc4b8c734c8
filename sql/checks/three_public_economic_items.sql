-- Each “三公” item of the basic-expenditure table (因公出国（境）费用 30212, 公务接待费 30217,
-- 公务用车运行维护费 30231, 公务用车购置 31013) is at most the “三公” table's amount of that item
-- (决算数 where both are printed): the 三公 table also counts project expenditure.
WITH item (code, field) AS (VALUES ('30212', 'overseas_travel'), ('30217', 'official_reception'),
                                   ('30231', 'vehicle_operation'), ('31013', 'vehicle_purchase')),
three AS (
    SELECT v.field, coalesce(v.amount, 0) AS amount
    FROM budget.three_public_expense t
    CROSS JOIN LATERAL (VALUES ('overseas_travel', t.overseas_travel), ('official_reception', t.official_reception),
                               ('vehicle_operation', t.vehicle_operation), ('vehicle_purchase', t.vehicle_purchase))
        AS v (field, amount)
    WHERE t.report_id = %(report_id)s AND t.measure IS DISTINCT FROM '预算数'
)
SELECT format('%s %s (%s) vs the “三公” table', b.table_no, b.item_name, b.economic_code) AS place,
       b.total AS left_value, t.amount AS right_value, 0 AS terms, b.source_line,
       'a “三公” item of basic expenditure exceeds the “三公” table''s item' AS message
FROM budget.basic_expenditure_item b
JOIN item ON item.code = b.economic_code
JOIN three t ON t.field = item.field
WHERE b.report_id = %(report_id)s AND b.total > t.amount
ORDER BY b.source_line;
