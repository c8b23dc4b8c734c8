-- One row per current report: how its last check went. totals_reconcile: no error among the
-- rules within and across tables; narrative_agrees: none among the narrative rules (NULL:
-- never checked). Rounding gaps and warnings do not count against either.
CREATE OR REPLACE VIEW appendix.report_quality AS
SELECT r.department, r.fiscal_year, r.report_id,
       run.checked_at,
       run.rules_run,
       run.rules_skipped,
       count(f.*) FILTER (WHERE f.severity = 'error') AS error_count,
       count(f.*) FILTER (WHERE f.severity = 'warning') AS warning_count,
       count(f.*) FILTER (WHERE f.severity = 'rounding') AS rounding_count,
       CASE WHEN run.report_id IS NOT NULL
            THEN count(f.*) FILTER (WHERE f.severity = 'error' AND v.kind IN ('within', 'across')) = 0
       END AS totals_reconcile,
       CASE WHEN run.report_id IS NOT NULL
            THEN count(f.*) FILTER (WHERE f.severity = 'error' AND v.kind = 'narrative') = 0
       END AS narrative_agrees,
       r.report_key,
       count(f.*) FILTER (WHERE f.severity = 'not_checked') AS not_checked_count,
       coalesce(array_agg(DISTINCT f.rule_id) FILTER (WHERE f.severity = 'not_checked'), '{}') AS rules_not_checked
FROM appendix.reports r
LEFT JOIN budget.validation_run run ON run.report_id = r.report_id
LEFT JOIN budget.validation_finding f ON f.report_id = r.report_id
LEFT JOIN budget.validation_rule v ON v.id = f.rule_id
GROUP BY r.department, r.fiscal_year, r.report_id, r.report_key, run.report_id, run.checked_at, run.rules_run, run.rules_skipped;

COMMENT ON VIEW appendix.report_quality IS '报告质量：每份当前报告的校验结果汇总';
COMMENT ON COLUMN appendix.report_quality.checked_at IS '最近一次全部规则校验的时间';
COMMENT ON COLUMN appendix.report_quality.rules_run IS '已运行的规则数';
COMMENT ON COLUMN appendix.report_quality.rules_skipped IS '未校验的规则（属于其他报告模板，或报告缺少其所读种类的表）';
COMMENT ON COLUMN appendix.report_quality.error_count IS '错误数';
COMMENT ON COLUMN appendix.report_quality.warning_count IS '警告数';
COMMENT ON COLUMN appendix.report_quality.rounding_count IS '尾差数（不超过 (加数个数 + 1) × 0.005）';
COMMENT ON COLUMN appendix.report_quality.not_checked_count IS '未能核对之处（规则所需的行缺失）';
COMMENT ON COLUMN appendix.report_quality.rules_not_checked IS '因缺少所需的行而未能核对的规则';
COMMENT ON COLUMN appendix.report_quality.totals_reconcile IS '表内及表间合计是否一致（无错误）';
COMMENT ON COLUMN appendix.report_quality.narrative_agrees IS '文字说明与表格是否一致（无错误）';
