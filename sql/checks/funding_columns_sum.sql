-- 表2, 表4, 表5: on every row the funding columns add up: 一般公共预算拨款 小计 = 一般性经费拨款 +
-- 财政专项资金拨款 + 政府投资项目拨款; 财政预算拨款 小计 = 一般公共预算拨款 小计 + 政府性基金预算拨款
-- + 财政专户拨款; 总计 = 财政预算拨款 小计 + 事业收入 + 其他收入 + 上级补助收入 + 上年结余、结转.
-- The funding cells are rows (one per printed cell); appendix.funding_columns lays them out as printed.
WITH line AS NOT MATERIALIZED (
    SELECT table_no, row_no, budget_unit AS name, source_line, total
    FROM budget.income_budget WHERE report_id = %(report_id)s
    UNION ALL
    SELECT table_no, row_no, item_name, source_line, total
    FROM budget.basic_expenditure_item WHERE report_id = %(report_id)s
    UNION ALL
    SELECT table_no, row_no, item_name, source_line, total
    FROM budget.project_expenditure_item WHERE report_id = %(report_id)s
),
sums AS (
    SELECT l.table_no, l.row_no, l.name, l.source_line, s.step, s.header, s.parts,
           coalesce(s.amount, 0) AS amount, s.terms, s.parts_sum
    FROM line l
    LEFT JOIN appendix.funding_columns f  -- a row with no funding cell printed has no funding rows
      ON f.report_id = %(report_id)s AND f.table_no = l.table_no AND f.row_no = l.row_no
    CROSS JOIN LATERAL (VALUES
        (1, '一般公共预算拨款 小计', '一般性经费拨款 + 财政专项资金拨款 + 政府投资项目拨款',
         f.general_public_subtotal, 3,
         coalesce(f.general_funds, 0) + coalesce(f.special_funds, 0) + coalesce(f.government_investment, 0)),
        (2, '财政预算拨款 小计', '一般公共预算拨款 小计 + 政府性基金预算拨款 + 财政专户拨款',
         f.fiscal_subtotal, 3,
         coalesce(f.general_public_subtotal, 0) + coalesce(f.government_fund, 0)
         + coalesce(f.fiscal_special_account, 0)),
        (3, '总计', '财政预算拨款 小计 + 事业收入 + 其他收入 + 上级补助收入 + 上年结余、结转',
         l.total, 5,
         coalesce(f.fiscal_subtotal, 0) + coalesce(f.business_income, 0) + coalesce(f.other_income, 0)
         + coalesce(f.superior_subsidy, 0) + coalesce(f.prior_year_carryover, 0))
    ) AS s (step, header, parts, amount, terms, parts_sum)
)
SELECT format('表%s %s · %s', table_no, name, header) AS place,
       amount AS left_value,
       parts_sum AS right_value,
       terms,
       source_line,
       format('%s vs %s', header, parts) AS message
FROM sums
WHERE amount <> parts_sum
ORDER BY table_no, row_no, step;
