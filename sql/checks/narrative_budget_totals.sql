-- 第二部分 and 第三部分: the stated total and its components equal the tables (预算 / 支出 = 表3
-- 支出总计, 基本支出 and 项目支出 = 表3, 人员支出 = 表4 工资福利支出, 公用支出 = 表4 商品和服务支出 +
-- 资本性支出, 对个人和家庭的补助 = 表4 对个人和家庭的补助), and in each part that states a whole
-- breakdown the total equals its first-stated components (基本支出 + 项目支出, or 人员 + 公用 +
-- 对个人和家庭 + 项目支出).
WITH fact AS NOT MATERIALIZED (
    SELECT row_no, split_part(section, ' ', 1) AS part, fact_key, label, value, source_line
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND split_part(section, ' ', 1) IN ('第二部分', '第三部分')
      AND fact_key IN ('budget_total', 'basic_expenditure', 'project_expenditure', 'personnel_expenditure',
                       'public_expenditure', 'household_subsidy')
),
category AS NOT MATERIALIZED (
    SELECT sum(coalesce(total, 0)) FILTER (WHERE economic_code = '301') AS personnel,
           sum(coalesce(total, 0)) FILTER (WHERE economic_code IN ('302', '310')) AS public,
           sum(coalesce(total, 0)) FILTER (WHERE economic_code = '303') AS household
    FROM budget.basic_expenditure_item
    WHERE report_id = %(report_id)s AND row_kind = 'category'
),
table_amount (fact_key, source, amount) AS (  -- what the tables print for each fact
    SELECT v.fact_key, '表3 ' || t.header, t.amount
    FROM appendix.table_totals t
    JOIN (VALUES ('budget_total', '支出总计'), ('basic_expenditure', '基本支出'), ('project_expenditure', '项目支出'))
        AS v (fact_key, header) ON v.header = t.header
    WHERE t.report_id = %(report_id)s AND t.kind = 'expenditure_by_unit'
    UNION ALL
    SELECT v.fact_key, v.source, coalesce(v.amount, 0)
    FROM category c
    CROSS JOIN LATERAL (VALUES ('personnel_expenditure', '表4 工资福利支出', c.personnel),
                               ('public_expenditure', '表4 商品和服务支出 + 资本性支出', c.public),
                               ('household_subsidy', '表4 对个人和家庭的补助', c.household)) AS v (fact_key, source, amount)
),
against_tables AS (
    SELECT f.row_no, f.part, f.label, f.value AS left_value, f.source_line, a.source, a.amount AS right_value
    FROM fact f
    JOIN table_amount a ON a.fact_key = f.fact_key
),
first_stated AS NOT MATERIALIZED (  -- each part's first statement of each item
    SELECT DISTINCT ON (part, fact_key) part, fact_key, label, value, source_line
    FROM fact
    ORDER BY part, fact_key, row_no
),
components AS NOT MATERIALIZED (
    SELECT t.part, t.label, t.value AS left_value, t.source_line,
           CASE WHEN bool_or(c.fact_key = 'basic_expenditure')
                THEN sum(c.value) FILTER (WHERE c.fact_key IN ('basic_expenditure', 'project_expenditure'))
                ELSE sum(c.value) FILTER (WHERE c.fact_key <> 'basic_expenditure') END AS right_value,
           CASE WHEN bool_or(c.fact_key = 'basic_expenditure')
                THEN count(*) FILTER (WHERE c.fact_key IN ('basic_expenditure', 'project_expenditure'))
                ELSE count(*) FILTER (WHERE c.fact_key <> 'basic_expenditure') END AS terms
    FROM first_stated t
    JOIN first_stated c ON c.part = t.part AND c.fact_key <> 'budget_total'
    WHERE t.fact_key = 'budget_total'
    GROUP BY t.part, t.label, t.value, t.source_line
    -- only where the part states a whole breakdown, not just one component of the total
    HAVING bool_or(c.fact_key = 'project_expenditure')
       AND (bool_or(c.fact_key = 'basic_expenditure')
            OR (bool_or(c.fact_key = 'personnel_expenditure') AND bool_or(c.fact_key = 'public_expenditure')
                AND bool_or(c.fact_key = 'household_subsidy')))
)
SELECT format('%s %s / %s', part, label, source) AS place, left_value, right_value, 1 AS terms, source_line,
       'an amount stated in the narrative vs the table' AS message
FROM against_tables
WHERE left_value <> right_value
UNION ALL
SELECT format('%s %s / the components it states', part, label), left_value, right_value, terms, source_line,
       format('the stated total vs the sum of the %s components stated with it', terms)
FROM components
WHERE left_value <> right_value
ORDER BY source_line, place;
