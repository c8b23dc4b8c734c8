-- Jiangsu 政府采购预算表 (lines as printed).
CREATE OR REPLACE VIEW jiangsu.t12_procurement AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.procurement_category, t.project_name, t.economic_item, t.item_name, t.organisation_form, t.total,
       t.row_kind, r.report_key
FROM appendix.reports r
JOIN budget.procurement_item t ON t.report_id = r.report_id
WHERE r.template = 'jiangsu_budget';

COMMENT ON VIEW jiangsu.t12_procurement IS '公开12表 政府采购预算表（江苏）';
COMMENT ON COLUMN jiangsu.t12_procurement.procurement_category IS '采购品目大类';
COMMENT ON COLUMN jiangsu.t12_procurement.project_name IS '专项名称';
COMMENT ON COLUMN jiangsu.t12_procurement.economic_item IS '经济科目';
COMMENT ON COLUMN jiangsu.t12_procurement.item_name IS '采购物品名称';
COMMENT ON COLUMN jiangsu.t12_procurement.organisation_form IS '采购组织形式';
COMMENT ON COLUMN jiangsu.t12_procurement.total IS '总计';
COMMENT ON COLUMN jiangsu.t12_procurement.row_kind IS '（派生）行的种类：合计 total / 品目大类 category / 专项 project / 经济科目 economic / 采购物品 item';
