-- The funding-source rows of a printed row (budget.funding_amount) as the columns that the
-- Shenzhen 表2, 表4 and 表5 print; their views join it. NULL: the cell is empty in print.
-- Current versions only, like every view.
CREATE OR REPLACE VIEW appendix.funding_columns AS
SELECT f.report_id, f.table_no, f.row_no,
       max(f.amount) FILTER (WHERE f.source_code = 'fiscal') AS fiscal_subtotal,
       max(f.amount) FILTER (WHERE f.source_code = 'general_public') AS general_public_subtotal,
       max(f.amount) FILTER (WHERE f.source_code = 'general_funds') AS general_funds,
       max(f.amount) FILTER (WHERE f.source_code = 'special_funds') AS special_funds,
       max(f.amount) FILTER (WHERE f.source_code = 'government_investment') AS government_investment,
       max(f.amount) FILTER (WHERE f.source_code = 'government_fund') AS government_fund,
       max(f.amount) FILTER (WHERE f.source_code = 'fiscal_special_account') AS fiscal_special_account,
       max(f.amount) FILTER (WHERE f.source_code = 'business_income') AS business_income,
       max(f.amount) FILTER (WHERE f.source_code = 'other_income') AS other_income,
       max(f.amount) FILTER (WHERE f.source_code = 'superior_subsidy') AS superior_subsidy,
       max(f.amount) FILTER (WHERE f.source_code = 'prior_year_carryover') AS prior_year_carryover,
       -- printed by the Shanghai budget and the 部门决算 (issue 13)
       max(f.amount) FILTER (WHERE f.source_code = 'business_operation_income') AS business_operation_income,
       max(f.amount) FILTER (WHERE f.source_code = 'subordinate_income') AS subordinate_income,
       max(f.amount) FILTER (WHERE f.source_code = 'state_capital') AS state_capital
FROM budget.report r  -- not appendix.reports: rules read this view, and need no department
JOIN budget.funding_amount f ON f.report_id = r.id AND r.superseded_at IS NULL
GROUP BY f.report_id, f.table_no, f.row_no;

COMMENT ON VIEW appendix.funding_columns IS '资金来源（按印刷行展开为列，供表2、表4、表5 使用）';
