-- One row per report: staff and vehicle figures stated in the narrative (第一部分 二, 第七部分 二).
-- Each is the first statement of its kind; NULL where the narrative states none.
CREATE OR REPLACE VIEW appendix.department_profile AS
SELECT r.department, r.fiscal_year, r.report_id, 1 AS row_no,
       p.staff_admin_authorized,
       p.staff_admin_actual,
       p.staff_institution_authorized,
       p.staff_institution_actual,
       p.retired,
       p.employees,
       p.vehicles,
       p.vehicles_authorized,
       p.vehicles_unauthorized,
       p.vehicles_held_total,
       r.report_key
FROM appendix.reports r
CROSS JOIN LATERAL (
    SELECT
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_admin_authorized'))[1]::integer AS staff_admin_authorized,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_admin_actual'))[1]::integer AS staff_admin_actual,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_institution_authorized'))[1]::integer AS staff_institution_authorized,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_institution_actual'))[1]::integer AS staff_institution_actual,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'retired'))[1]::integer AS retired,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'employees'))[1]::integer AS employees,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'vehicles'))[1]::integer AS vehicles,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'vehicles_authorized'))[1]::integer AS vehicles_authorized,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'vehicles_unauthorized'))[1]::integer AS vehicles_unauthorized,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'vehicles_held_total'))[1]::integer AS vehicles_held_total
    FROM budget.narrative_fact f
    WHERE f.report_id = r.report_id
) p;

COMMENT ON VIEW appendix.department_profile IS '部门概况：机构编制及交通工具情况（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.row_no IS '行号（每份报告一行）';
COMMENT ON COLUMN appendix.department_profile.staff_admin_authorized IS '行政编制数（人）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.staff_admin_actual IS '行政实有在编人数（人）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.staff_institution_authorized IS '事业编制数（人）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.staff_institution_actual IS '事业实有在编人数（人）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.retired IS '退休人数（人）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.employees IS '雇员人数（人）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.vehicles IS '实有车辆（辆）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.vehicles_authorized IS '定编车辆（辆）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.vehicles_unauthorized IS '非定编车辆（辆）（摘自报告正文）';
COMMENT ON COLUMN appendix.department_profile.vehicles_held_total IS '国有资产占有使用情况：共有车辆（辆）（摘自报告正文）';
