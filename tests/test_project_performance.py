"""表15 项目支出绩效目标表: the 96 tables of the sample, parsed and loaded.

The expected indicator rows below were read off the printed text (examples/, lines given as
the first element). The tables were chosen for what makes them hard:
  15-1   labels on the wrong row (社会效益指标 printed in the 一级指标 column), a row shifted left,
         a compound target, 目标 N: prefixes on targets
  15-5   content in the first column (录像存储时间), empty label-only rows, a LaTeX target
  15-8   filler rows holding only 无 between the real ones
  15-11  测算明细 over four rows, two of them shifted to the first column
  15-21  数量指标 printed before its own 产出指标 label, content in the first column
  15-22  filler rows, 不适用 rows without a target, 服务对象满意度指标 printed twice
  15-30  labels printed in the 指标内容 columns, a missing target, content in the 一级指标 column
  15-35  产出指标/数量指标 printed on a 测算明细 row (the merged cell's label lands mid-span)
  15-71  two labels in one cell (可持续影响 服务对象满意度 指标)
  15-93  an output row printed above its own 产出指标/数量指标 labels
Long texts are given as 'beginning…end'.
"""

from decimal import Decimal

import pytest

from loaders.project_performance import (
    LEVEL2_PARENT,
    PerformanceGoal,
    PerformanceIndicator,
    PerformanceTargetProject,
    split_goals,
    split_labels,
)
from loaders.report import parse_text
from tests.conftest import SAMPLE, rows_of

INPUT, OUTPUT, EFFECT, SATISFACTION = "投入指标", "产出指标", "效益指标", "服务对象满意度指标"

# (source line, 一级指标, 二级指标, 指标内容, 目标值, operator, value, unit, target kind)
EXPECTED_INDICATORS = {
    "15-1": [
        (703, INPUT, '测算明细', '1、深圳市公安局罗湖分局已于…1404.42 元。', None, None, None, None, None),
        (704, OUTPUT, '数量指标', '指标 1：保障辅警人员数量', '≥831 人', '>=', '831', '人', 'numeric'),
        (705, OUTPUT, '数量指标', '指标 2：奖励费保障人员数量', '≥103 人', '>=', '103', '人', 'numeric'),
        (706, OUTPUT, '数量指标', '指标 4：解聘辅警人数', '32 人', '=', '32', '人', 'numeric'),
        (707, OUTPUT, '数量指标', '指标 5：租赁宿舍数量', '≥208 套', '>=', '208', '套', 'numeric'),
        (708, OUTPUT, '数量指标', '指标 6：伙食补贴人数', '≥831 人', '>=', '831', '人', 'numeric'),
        (709, OUTPUT, '数量指标', '指标 7：购买装备数量', '≥831 套', '>=', '831', '套', 'numeric'),
        (710, OUTPUT, '数量指标', '指标 8：购买服装数量', '≥831 人', '>=', '831', '人', 'numeric'),
        (712, OUTPUT, '数量指标', '指标 9: 举办培训次数', '初任培训 2 次, 日常培训 1 次', None, None, None, 'compound'),
        (713, OUTPUT, '数量指标', '指标 10: 招聘新辅警数量', '≥348 人', '>=', '348', '人', 'numeric'),
        (714, OUTPUT, '数量指标', '指标 11: 工会费保障人员数量', '≥831 人', '>=', '831', '人', 'numeric'),
        (715, OUTPUT, '质量指标', '指标 1: 工资发放到位率', '≥95%', '>=', '95', '%', 'numeric'),
        (716, OUTPUT, '质量指标', '指标 2: 初任培训参训率', '≥95%', '>=', '95', '%', 'numeric'),
        (717, OUTPUT, '质量指标', '指标 3: 初任培训合格率', '≥95%', '>=', '95', '%', 'numeric'),
        (718, OUTPUT, '质量指标', '指标 4: 日常培训合格率', '≥95%', '>=', '95', '%', 'numeric'),
        (719, OUTPUT, '质量指标', '指标 5: 装备、服装按进度发放到位率', '≥95%', '>=', '95', '%', 'numeric'),
        (720, OUTPUT, '工作时效', '按预算执行进度, 逐月完成。', None, None, None, None, None),
        (721, EFFECT, '经济效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (722, EFFECT, '社会效益指标', '指标 1: 社会整体治安水平', '目标 1: 显著提升', None, None, None, 'qualitative'),
        (723, EFFECT, '社会效益指标', '指标 2: 辅警工作效率', '目标 2: 有效提高', None, None, None, 'qualitative'),
        (724, EFFECT, '社会效益指标', '指标 3: 辅警工作热情', '目标 3: 有效激发', None, None, None, 'qualitative'),
        (725, EFFECT, '社会效益指标', '指标 4: 犯罪打击力度', '目标 4: 有效提升', None, None, None, 'qualitative'),
        (726, EFFECT, '生态效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (727, EFFECT, '可持续影响', '不适用', '不适用', None, None, None, 'not_applicable'),
        (728, SATISFACTION, None, '辖区居民治安满意度', '≥90%', '>=', '90', '%', 'numeric'),
    ],
    "15-5": [
        (816, INPUT, '测算明细', '项目包含 1770 台高清视… 125.6 万元。', None, None, None, None, None),
        (817, OUTPUT, '数量指标', '安装场所动态人脸抓拍摄像机数量', '421 台', '=', '421', '台', 'numeric'),
        (818, OUTPUT, '数量指标', '安装高清视频摄像机（支持人脸抓拍）数量', '842 台', '=', '842', '台', 'numeric'),
        (819, OUTPUT, '数量指标', '安装视频联网设备数量', '238 台', '=', '238', '台', 'numeric'),
        (820, OUTPUT, '数量指标', '安装场所组网设备数量', '842 套', '=', '842', '套', 'numeric'),
        (821, OUTPUT, '数量指标', '运维光纤数量', '82 路', '=', '82', '路', 'numeric'),
        (822, OUTPUT, '数量指标', '联网接入光纤数量', '359 路', '=', '359', '路', 'numeric'),
        (823, OUTPUT, '数量指标', '视频存储设备及联网平台', '1 套', '=', '1', '套', 'numeric'),
        (824, OUTPUT, '质量指标', '视频存储码流', '2M', '=', '2', 'M', 'numeric'),
        (825, OUTPUT, '质量指标', '录像存储时间', '30 天', '=', '30', '天', 'numeric'),
        (826, OUTPUT, '质量指标', '人脸抓拍摄像机同画面抓拍人脸数量', '30 个', '=', '30', '个', 'numeric'),
        (828, OUTPUT, '工作时效', '前端设备安装 6 月底前完成，网络租用 6 月底前完成 50%，年底前全面完成。', None, None, None, None, None),
        (829, EFFECT, '经济效益指标', None, None, None, None, None, None),
        (830, EFFECT, '社会效益指标', '娱乐场所的特行场所服务公司服务费', '免除', None, None, None, 'qualitative'),
        (831, EFFECT, '社会效益指标', '场所涉黄等违法犯罪行为打击提升比率', '$\\geq 30\\%$', '>=', '30', '%', 'numeric'),
        (832, EFFECT, '社会效益指标', '旅业重点人员管控效果', '显著提高', None, None, None, 'qualitative'),
        (833, EFFECT, '生态效益指标', None, None, None, None, None, None),
        (834, EFFECT, '可持续影响', None, None, None, None, None, None),
        (835, SATISFACTION, None, None, None, None, None, None, None),
    ],
    "15-8": [
        (891, INPUT, '测算明细', '第一批 1600 台服务费 … 873.6 万元。', None, None, None, None, None),
        (892, OUTPUT, '数量指标', '第一批警务云终端手机数量', '1600 台', '=', '1600', '台', 'numeric'),
        (893, OUTPUT, '数量指标', '第二批警务云终端手机数量', '480 台', '=', '480', '台', 'numeric'),
        (894, OUTPUT, '质量指标', '警务云终端手机配备达标率', '≥90%', '>=', '90', '%', 'numeric'),
        (895, OUTPUT, '工作时效', '警务云终端 2 年的维护服务。', None, None, None, None, None),
        (896, EFFECT, '经济效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (898, EFFECT, '社会效益指标', '社会治安管理能力', '有所提升', None, None, None, 'qualitative'),
        (899, EFFECT, '社会效益指标', '民警工作效率', '有效提升', None, None, None, 'qualitative'),
        (900, EFFECT, '生态效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (902, EFFECT, '可持续影响', '不适用', '不适用', None, None, None, 'not_applicable'),
        (904, SATISFACTION, None, '使用人员满意度', '≥90%', '>=', '90', '%', 'numeric'),
    ],
    "15-11": [
        (973, INPUT, '测算明细', '1.单警装备:多功能腰带、手…批,小计200万元;', None, None, None, None, None),
        (974, INPUT, '测算明细', '2.防护装备:防弹背心、防暴…批,小计200万元;', None, None, None, None, None),
        (975, INPUT, '测算明细', '3.应急装备:救生圈、救生绳…批,小计100万元;', None, None, None, None, None),
        (976, INPUT, '测算明细', '4.科技信息化设备:精密空调…四项合计800万元。', None, None, None, None, None),
        (977, OUTPUT, '数量指标', '保障民警数量', '≥2000人', '>=', '2000', '人', 'numeric'),
        (978, OUTPUT, '数量指标', '防护装备保障部门数', '≥12个', '>=', '12', '个', 'numeric'),
        (979, OUTPUT, '数量指标', '应急装备配备种类', '≥5项', '>=', '5', '项', 'numeric'),
        (980, OUTPUT, '质量指标', '单警装备配备率', '≥95%', '>=', '95', '%', 'numeric'),
        (981, OUTPUT, '质量指标', '科技信息化设备保障水平', '明显提升', None, None, None, 'qualitative'),
        (982, OUTPUT, '工作时效', '2020年12月1日前', None, None, None, None, None),
        (983, EFFECT, '经济效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (984, EFFECT, '社会效益指标', '警队形象', '有所提升', None, None, None, 'qualitative'),
        (985, EFFECT, '社会效益指标', '社会群众安全感', '显著提升', None, None, None, 'qualitative'),
        (986, EFFECT, '社会效益指标', '警用设备配备的针对性和高效性', '有效提升', None, None, None, 'qualitative'),
        (987, EFFECT, '生态效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (988, EFFECT, '可持续影响', '不适用', '不适用', None, None, None, 'not_applicable'),
        (989, SATISFACTION, None, '使用人员满意度', '≥95%', '>=', '95', '%', 'numeric'),
    ],
    "15-21": [
        (1225, INPUT, '测算明细', '全年订购报刊杂志 200 万…计金额 400 万元', None, None, None, None, None),
        (1226, OUTPUT, '数量指标', '指标 1：拍摄影视片数量', '≥20 部', '>=', '20', '部', 'numeric'),
        (1227, OUTPUT, '数量指标', '指标 2：印刷宣传品次数', '≥60 次', '>=', '60', '次', 'numeric'),
        (1228, OUTPUT, '数量指标', '指标 3：订购报刊杂志数量', '≥4000 份', '>=', '4000', '份', 'numeric'),
        (1229, OUTPUT, '数量指标', '指标 4：开展业务工作人数', '≥4000 人次', '>=', '4000', '人次', 'numeric'),
        (1230, OUTPUT, '数量指标', '指标 5：更新办公设备数量', '≥20 台', '>=', '20', '台', 'numeric'),
        (1231, OUTPUT, '质量指标', '指标 1：防范宣传覆盖率', '100%', '=', '100', '%', 'numeric'),
        (1232, OUTPUT, '质量指标', '指标 2：业务工作合格率', '≥100%', '>=', '100', '%', 'numeric'),
        (1233, OUTPUT, '质量指标', '指标 3：公安中心工作完成率', '100%', '=', '100', '%', 'numeric'),
        (1234, OUTPUT, '工作时效', '每季度完成工作年度目标的 25%', None, None, None, None, None),
        (1235, EFFECT, '经济效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (1236, EFFECT, '社会效益指标', '指标 1：群众的防范意识', '有效提高', None, None, None, 'qualitative'),
        (1237, EFFECT, '社会效益指标', '指标 2：警民关系', '更加密切', None, None, None, 'qualitative'),
        (1238, EFFECT, '生态效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (1239, EFFECT, '可持续影响', '不适用', '不适用', None, None, None, 'not_applicable'),
        (1240, SATISFACTION, None, '指标 1：辖区群众满意度', '100%', '=', '100', '%', 'numeric'),
    ],
    "15-22": [
        (1253, INPUT, '测算明细', '项目租金总额为2430万元,…、1套管理服务平台。', None, None, None, None, None),
        (1254, OUTPUT, '数量指标', '租用枪机图像数据采集设备数量', '982个', '=', '982', '个', 'numeric'),
        (1255, OUTPUT, '数量指标', '租用球机图像数据采集设备数量', '30个', '=', '30', '个', 'numeric'),
        (1256, OUTPUT, '数量指标', '租用车牌识别数据采集设备数量', '78个', '=', '78', '个', 'numeric'),
        (1257, OUTPUT, '数量指标', '租用人脸识别数据采集设备数量', '114个', '=', '114', '个', 'numeric'),
        (1258, OUTPUT, '数量指标', '租用小区分控系统数量', '78个', '=', '78', '个', 'numeric'),
        (1259, OUTPUT, '数量指标', '安装汇聚线路数量', '78条', '=', '78', '条', 'numeric'),
        (1260, OUTPUT, '数量指标', '租用管理及应用平台数量', '1套', '=', '1', '套', 'numeric'),
        (1261, OUTPUT, '质量指标', '视频监控总体在线率', '≥95%', '>=', '95', '%', 'numeric'),
        (1262, OUTPUT, '质量指标', '项目基础设施、软件硬件正常运转率', '≥95%', '>=', '95', '%', 'numeric'),
        (1263, OUTPUT, '工作时效', '系统运行维护响应时间≤30分…复响应时间≤48小时', None, None, None, None, None),
        (1264, EFFECT, '经济效益指标', '不适用', None, None, None, None, None),
        (1266, EFFECT, '社会效益指标', '入室盗窃发生次数', '≤10次', '<=', '10', '次', 'numeric'),
        (1267, EFFECT, '社会效益指标', '解决纠纷问题', '有所提升', None, None, None, 'qualitative'),
        (1268, EFFECT, '生态效益指标', '不适用', None, None, None, None, None),
        (1270, EFFECT, '可持续影响', '不适用', None, None, None, None, None),
        (1271, SATISFACTION, None, '不适用', None, None, None, None, None),
        (1273, SATISFACTION, None, '老旧住宅区居民满意度', '≥80%', '>=', '80', '%', 'numeric'),
    ],
    "15-30": [
        (1472, INPUT, '测算明细', '罗湖区反恐重点区域高清人像采…实际支付 0 元。”', None, None, None, None, None),
        (1473, OUTPUT, '数量指标', '主体结构完成率', None, None, None, None, None),
        (1474, OUTPUT, '数量指标', '前端建设人像抓拍机', '227 个', '=', '227', '个', 'numeric'),
        (1475, OUTPUT, '数量指标', '前端建设光纤链路', '51 条', '=', '51', '条', 'numeric'),
        (1476, OUTPUT, '数量指标', '后端建设交换机', '10 台', '=', '10', '台', 'numeric'),
        (1477, OUTPUT, '数量指标', '后端建设服务器', '13 台', '=', '13', '台', 'numeric'),
        (1478, OUTPUT, '数量指标', '后端云存储节点', '3 台', '=', '3', '台', 'numeric'),
        (1479, OUTPUT, '质量指标', '阶段性成果交付合格率', '≥90%', '>=', '90', '%', 'numeric'),
        (1480, OUTPUT, '质量指标', '前、后端建设进度', '100%', '=', '100', '%', 'numeric'),
        (1481, OUTPUT, '质量指标', '服务器掉包率', '≤3%', '<=', '3', '%', 'numeric'),
        (1482, OUTPUT, '工作时效', '本项目预计 2020 年预计第 3 季度完成财务决算后支付项目验收款和其他费用。', None, None, None, None, None),
        (1483, EFFECT, '经济效益指标', None, None, None, None, None, None),
        (1484, EFFECT, '社会效益指标', '嫌疑人追踪效率', '有效提升', None, None, None, 'qualitative'),
        (1485, EFFECT, '社会效益指标', '轨迹追踪', '有效提升', None, None, None, 'qualitative'),
        (1486, EFFECT, '生态效益指标', None, None, None, None, None, None),
        (1487, EFFECT, '可持续影响', '系统使用年限', '≥3 年', '>=', '3', '年', 'numeric'),
        (1488, SATISFACTION, None, '使用单位满意度', '≥80%', '>=', '80', '%', 'numeric'),
    ],
    "15-35": [
        (1605, INPUT, '测算明细', '1. 大队共有民警 23 人…经费 130 万元。', None, None, None, None, None),
        (1606, INPUT, '测算明细', '2. 开展辖区“净网 2019”宣传活动费 25 万元。', None, None, None, None, None),
        (1607, INPUT, '测算明细', '3. 开展 24 小时值班备勤人员宿舍租用费 25 万元。', None, None, None, None, None),
        (1608, INPUT, '测算明细', '以上合计 180 万元。', None, None, None, None, None),
        (1609, OUTPUT, '数量指标', '民警、辅警、雇员人员数量', '58 人', '=', '58', '人', 'numeric'),
        (1610, OUTPUT, '质量指标', '全年组织网络反诈宣传数量', '≥100 场', '>=', '100', '场', 'numeric'),
        (1611, OUTPUT, '质量指标', '全年办理刑事案件数量', '≥150 宗', '>=', '150', '宗', 'numeric'),
        (1612, OUTPUT, '质量指标', '学生网络反诈意识抽查率', '≥70%', '>=', '70', '%', 'numeric'),
        (1613, OUTPUT, '工作时效', '重要节点、敏感案事件的网络安全维稳工作完成率', '≥70%', '>=', '70', '%', 'numeric'),
        (1614, OUTPUT, '工作时效', '辖区网络基础设施管控检查≥4…打击≥16 小时/天', None, None, None, None, None),
        (1615, EFFECT, '经济效益指标', '打击涉网络违法犯罪行为涉案案值', '涉案案值≥5000 万元', '>=', '5000', '万元', 'numeric'),
        (1616, EFFECT, '社会效益指标', '网络经济环境', '有效改善', None, None, None, 'qualitative'),
        (1617, EFFECT, '社会效益指标', '辖区网络安全综合管理能力', '有所提升', None, None, None, 'qualitative'),
        (1618, EFFECT, '可持续影响', '不适用', '不适用', None, None, None, 'not_applicable'),
        (1619, SATISFACTION, None, '受害企事业单位、公司和个人的回访好评问卷调查好评率', '≥70%', '>=', '70', '%', 'numeric'),
    ],
    "15-71": [
        (2586, INPUT, '测算明细', '1、重点区域视频门禁流量费用…民币约 50 万元。', None, None, None, None, None),
        (2587, OUTPUT, '数量指标', '门禁系统维护数量', '600 套', '=', '600', '套', 'numeric'),
        (2588, OUTPUT, '数量指标', '保障重点区域视频门禁流量', '每套每月 20G 流量', '=', '20', 'G流量', 'numeric'),
        (2589, OUTPUT, '数量指标', '多元化视频信息应用设备项目维保人员数量', '2 人', '=', '2', '人', 'numeric'),
        (2590, OUTPUT, '质量指标', '系统平台正常运行率', '≥90%', '>=', '90', '%', 'numeric'),
        (2591, OUTPUT, '质量指标', '平台硬件正常运行率', '≥90%', '>=', '90', '%', 'numeric'),
        (2592, OUTPUT, '工作时效', '系统运行维护响应时间≤30 分钟系统故障修复响应时间≤24 小时', None, None, None, None, None),
        (2593, EFFECT, '经济效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (2595, EFFECT, '社会效益指标', '社会治安管理能力', '有所提升', None, None, None, 'qualitative'),
        (2596, EFFECT, '社会效益指标', '系统故障发生率', '≤20%', '<=', '20', '%', 'numeric'),
        (2597, EFFECT, '生态效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (2598, EFFECT, '可持续影响', '不适用', '不适用', None, None, None, 'not_applicable'),
        (2599, SATISFACTION, None, '使用人员满意度', '≥90%', '>=', '90', '%', 'numeric'),
    ],
    "15-93": [
        (3139, INPUT, '测算明细', '1. 办公经费 4 万元；2… 23.35 万元。', None, None, None, None, None),
        (3140, OUTPUT, '数量指标', '驻村工作时间', '330 天/年', '=', '330', '天/年', 'numeric'),
        (3141, OUTPUT, '数量指标', '围绕“8有”目标，走访、研究困难户问题数量', '97 户', '=', '97', '户', 'numeric'),
        (3142, OUTPUT, '数量指标', '召开扶贫工作会议次数', '60 次', '=', '60', '次', 'numeric'),
        (3143, OUTPUT, '数量指标', '研究危房户改造数量', '14 户', '=', '14', '户', 'numeric'),
        (3144, OUTPUT, '数量指标', '危房户改造数量', '14 户', '=', '14', '户', 'numeric'),
        (3145, OUTPUT, '数量指标', '贫困人口脱贫率', '≥80%', '>=', '80', '%', 'numeric'),
        (3146, OUTPUT, '质量指标', '五保、低保贫困户慰问覆盖率', '≥80%', '>=', '80', '%', 'numeric'),
        (3147, OUTPUT, '质量指标', '会议决策采用率', '≥20%', '>=', '20', '%', 'numeric'),
        (3148, OUTPUT, '质量指标', '扶贫工作考核结果', '称职', None, None, None, 'qualitative'),
        (3149, OUTPUT, '工作时效', '2020 年 6 月份前全部脱贫。', None, None, None, None, None),
        (3150, EFFECT, '经济效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (3151, EFFECT, '社会效益指标', '扶贫工作保障程度', '有效保障', None, None, None, 'qualitative'),
        (3152, EFFECT, '社会效益指标', '贫困户脱贫数量', '97 户', '=', '97', '户', 'numeric'),
        (3153, EFFECT, '生态效益指标', '不适用', '不适用', None, None, None, 'not_applicable'),
        (3154, EFFECT, '可持续影响', '不适用', '不适用', None, None, None, 'not_applicable'),
        (3155, SATISFACTION, None, '南湖村民满意度', '≥80%', '>=', '80', '%', 'numeric'),
    ],
}


@pytest.fixture(scope="module")
def report():
    return parse_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)


@pytest.fixture(scope="module")
def projects(report) -> dict[str, PerformanceTargetProject]:
    return {p.table_no: p for p in report.of(PerformanceTargetProject)}


def indicators_of(report, table_no: str) -> list[PerformanceIndicator]:
    return [i for i in report.of(PerformanceIndicator) if i.table_no == table_no]


def same_text(actual: str | None, expected: str | None) -> bool:
    """Equal, or for 'beginning…end' a text that starts and ends so."""
    if expected is None or "…" not in expected:
        return actual == expected
    head, tail = expected.split("…")
    return actual is not None and actual.startswith(head) and actual.endswith(tail) and len(actual) > len(expected)


def as_tuple(i: PerformanceIndicator) -> tuple:
    return (i.source_line, i.level1, i.level2, i.content, i.target, i.operator,
            None if i.value is None else str(i.value), i.unit, i.target_kind)


# -- tables and headers -----------------------------------------------------------------


def test_96_tables_one_project_each(report, projects):
    assert list(projects) == [f"15-{n}" for n in range(1, 97)]
    assert [p.row_no for p in projects.values()] == list(range(1, 97))
    assert projects["15-1"].project_name == "辅警保障经费"
    assert projects["15-96"].project_name == "车牌识别小天眼系统"
    assert all(p.project_unit == "深圳市公安局罗湖分局" for p in projects.values())
    assert all(p.total == p.fiscal_appropriation and p.other_funds == Decimal("0.00") for p in projects.values())
    # The 96 printed totals add up to 表5's 53,239.76 but for a cent of rounding.
    assert sum(p.total for p in projects.values()) == Decimal("53239.77")


@pytest.mark.parametrize("table_no, name, total, contacts, phones, line", [
    ("15-1", "辅警保障经费", "9380.14", ["刘建成"], ["18138291367"], 692),
    # '其他资金 0.00' printed in one cell, columns shifted right
    ("15-5", "娱乐服务场所治安管理系统", "1100.00", ["马雄雄"], ["13602684386"], 805),
    ("15-10", "全区 10 个街道办事处社区戒毒社区康复社工购买服务", "837.00", ["郝银姝"],
     ["84460523", "13823193432"], 932),
    ("15-11", "深财预(2019)171号提前下达2020年转移支付,2020年度政法转移支付资金-公安部门", "800.00",
     ["徐一迁"], ["13590127299"], 962),
    ("15-14", "辅助人员劳务派遣经费", "18166.67", ["赵载源"], ["18138290572"], 1040),
    ("15-16", "罗湖公安指挥中心大楼工程", "1000.00", ["周昭东"], ["84460233"], 1098),
    ("15-21", "指挥处宣传、处置、情报单位等经费", "400.00", ["魏巍", "林晓华"], ["18138290045", "13823392683"], 1214),
    ("15-32", "东门联勤指挥部立体防控指挥系统建设", "200.00", [], [], 1512),
    ("15-63", "视频监控培训及绩效考核经费", "71.00", ["董晓飞"], [], 2323),
    ("15-68", "互联网资讯（数据）查询服务", "55.00", ["朱学攀", "徐顺清"], ["0755-84454652", "18138290101"], 2491),
])
def test_header(projects, table_no, name, total, contacts, phones, line):
    project = projects[table_no]
    assert (project.project_name, project.total, project.fiscal_appropriation, project.other_funds) == (
        name, Decimal(total), Decimal(total), Decimal("0.00"))
    assert (project.contacts, project.phones, project.source_line) == (contacts, phones, line)


# -- goals ----------------------------------------------------------------------------------


def goals_of(report, table_no):
    return [(g.row_no, g.label, g.goal_text) for g in report.of(PerformanceGoal) if g.table_no == table_no]


def test_goals_split_at_their_numbers(report):
    # One printed cell; the line wrap glued '…工资福利性经费' to '目标 2：'.
    assert goals_of(report, "15-1") == [
        (1, "目标 1", "保障罗湖公安分局辅警工资福利性经费"),
        (2, "目标 2", "保障罗湖公安分局辅警生活配套经费"),
        (3, "目标 3", "保障罗湖公安分局辅警装备配套经费"),
        (4, "目标 4", "保障罗湖公安分局辅警公用经费"),
        (5, "目标 5", "保障罗湖公安分局辅警工会费"),
    ]
    assert goals_of(report, "15-11") == [
        (1, "目标1", "进一步提升单警装备配备力度,确保保障到位。"),
        (2, "目标2", "进一步提升防护类装备配备力度,提升执法执勤防护效能。"),
        (3, "目标3", "进一步提升应急装备配备力度,提升应急处置能力和水平。"),
        (4, "目标4", "进一步提升科技信息化设备配备力度,提升公安科技信息化水平。"),
    ]
    assert goals_of(report, "15-5")[2] == (3, "目标 3", "885 家旅业服务场所通视频专网和二三类点联网的光纤")
    assert [g[:2] for g in goals_of(report, "15-61")] == [(n, str(n)) for n in range(1, 7)]
    assert goals_of(report, "15-61")[0][2] == "保证刑事诉讼的顺利进行(经侦类案件除外)"
    assert [g[:2] for g in goals_of(report, "15-26")] == [(1, "1"), (2, "2")]
    assert goals_of(report, "15-26")[1][2].startswith("口岸派出所执法办案区于 2016 年投入使用")
    assert len(goals_of(report, "15-67")) == 10


def test_unnumbered_goals(report):
    assert goals_of(report, "15-2") == [(1, None, "保障项目基础设施、软件硬件正常运转，为城中村提供业务支撑。")]
    # Two <p> paragraphs without numbers are two goals.
    goals = goals_of(report, "15-39")
    assert [g[:2] for g in goals] == [(1, None), (2, None)]
    assert goals[1][2] == "根据上一年度经费支出情况，结合明年的经费支出按相关规定有序开支。"


def test_goal_markup_is_stripped(report):
    goals = report.of(PerformanceGoal)
    assert len(goals) == 187
    assert not any("<p>" in g.goal_text or "</p>" in g.goal_text for g in goals)
    assert {g.table_no for g in goals} == {f"15-{n}" for n in range(1, 97)}


def test_split_goals_forms():
    assert split_goals("<p>目标 1. 甲。</p> <p>目标 2. 乙。</p>") == [("目标 1", "甲。"), ("目标 2", "乙。")]
    assert split_goals("1: 甲; 2: 乙; 3: 丙。") == [("1", "甲"), ("2", "乙"), ("3", "丙。")]
    assert split_goals("目标：只有一个目标") == [(None, "只有一个目标")]
    # A number inside the text is no marker unless it continues the sequence.
    assert split_goals("目标 1：完成 2 项；目标 2：培训 3、4 月") == [("目标 1", "完成 2 项"), ("目标 2", "培训 3、4 月")]


# -- indicators -----------------------------------------------------------------------------


@pytest.mark.parametrize("table_no", sorted(EXPECTED_INDICATORS, key=lambda t: int(t.split("-")[1])))
def test_indicator_rows(report, table_no):
    actual = [as_tuple(i) for i in indicators_of(report, table_no)]
    expected = EXPECTED_INDICATORS[table_no]
    assert [a[0] for a in actual] == [e[0] for e in expected], "rows and their order"
    for a, e in zip(actual, expected):
        assert a[:3] == e[:3] and a[4:] == e[4:], f"line {e[0]}"
        assert same_text(a[3], e[3]), f"line {e[0]}: {a[3]!r}"
    assert [i.row_no for i in indicators_of(report, table_no)] == list(range(1, len(expected) + 1))


def test_filler_rows_are_not_indicators(report):
    lines = {i.source_line for i in report.of(PerformanceIndicator)}
    # 15-8 prints '无' rows between its real ones; 15-41 and 15-66 also in the first column.
    assert not lines & {897, 901, 903, 905, 1779, 1785, 1789, 1791, 1793, 2451, 2453, 2455}
    # A row that carries a label is an indicator even if it holds 无 (15-29 可持续影响).
    row = next(i for i in report.of(PerformanceIndicator) if i.source_line == 1456)
    assert (row.level2, row.content, row.target, row.target_kind) == ("可持续影响", "无", "无", "not_applicable")
    assert len(report.of(PerformanceIndicator)) == 1334


def test_levels_follow_the_template_hierarchy(report):
    for indicator in report.of(PerformanceIndicator):
        if indicator.level2 is not None:
            assert indicator.level1 == LEVEL2_PARENT[indicator.level2], indicator
        else:
            assert indicator.level1 == SATISFACTION, indicator
    # Every table starts with its 测算明细 and has a 服务对象满意度指标 row, except 15-83, which
    # prints its 辖区居民满意度 row under a 可持续影响 label.
    for n in range(1, 97):
        rows = indicators_of(report, f"15-{n}")
        assert (rows[0].level1, rows[0].level2) == (INPUT, "测算明细")
        assert any(r.level1 == SATISFACTION for r in rows) == (n != 83), n


def test_measurement_detail_over_several_rows(report):
    details = [i for i in indicators_of(report, "15-34") if i.level2 == "测算明细"]
    assert [i.content[:2] for i in details] == ["1.", "2.", "3."]
    details = [i for i in indicators_of(report, "15-52") if i.level2 == "测算明细"]
    assert [i.source_line for i in details] == [2056, 2057]


def test_split_labels():
    assert split_labels("服务对象满意度 指标") == ("服务对象满意度指标",)
    assert split_labels("可持续影响 服务对象满意度 指标") == ("可持续影响", "服务对象满意度指标")
    assert split_labels("指标 1：保障辅警人员数量") is None
    assert split_labels("不适用") is None


# -- loaded into the database ------------------------------------------------------------


def test_goals_view(db, sample_report_id):
    rows = rows_of(db, "t15_project_performance_goals", sample_report_id,
                   ("row_no", "table_no", "sub_no", "project_name", "total", "fiscal_appropriation", "other_funds",
                    "contacts", "phones", "goals"))
    assert len(rows) == 96
    assert rows[11] == (12, "15-12", 12, "公安特经费", Decimal("720.00"), Decimal("720.00"), Decimal("0.00"),
                        ["曾筱清"], ["13828826960"],
                        ["根据上一年度特经费情况，对现有以及新发展的特情人员，充分发挥特情耳目作用，拟在本年度提升有效破案率达到 60%以上。"])
    assert rows[20][7:9] == (["魏巍", "林晓华"], ["18138290045", "13823392683"])
    assert len(rows[20][9]) == 5


def test_indicators_view_reproduces_a_table(db, sample_report_id):
    rows = db.execute(
        "SELECT row_no, level1, level2, content, target, operator, value, unit, target_kind "
        "FROM appendix.t15_project_performance_indicators WHERE report_id = %s AND table_no = '15-1' "
        "ORDER BY row_no", (sample_report_id,),
    ).fetchall()
    expected = EXPECTED_INDICATORS["15-1"]
    assert [r[0] for r in rows] == list(range(1, len(expected) + 1))
    for row, e in zip(rows, expected):
        value = None if row[6] is None else str(row[6])
        assert (row[1], row[2], row[4], row[5], value, row[7], row[8]) == (e[1], e[2], *e[4:])
        assert same_text(row[3], e[3])
    count = db.execute(
        "SELECT count(*), count(DISTINCT table_no) FROM appendix.t15_project_performance_indicators "
        "WHERE report_id = %s", (sample_report_id,),
    ).fetchone()
    assert count == (1334, 96)


def test_indicators_sort_by_table_number(db, sample_report_id):
    tables = db.execute(
        "SELECT table_no FROM appendix.t15_project_performance_indicators WHERE report_id = %s "
        "GROUP BY table_no, sub_no ORDER BY sub_no", (sample_report_id,),
    ).fetchall()
    assert [t for (t,) in tables][:3] == ["15-1", "15-2", "15-3"]
    assert tables[9] == ("15-10",)


def test_measurable_targets_query(db, sample_report_id):
    """'Which projects promise ≥95% uptime': a numeric query over the parsed targets."""
    rows = db.execute(
        "SELECT DISTINCT table_no FROM appendix.t15_project_performance_indicators "
        "WHERE report_id = %s AND content LIKE '%%正常运行率' AND unit = '%%' AND value >= 95 "
        "AND operator IN ('>=', '=') ORDER BY 1", (sample_report_id,),
    ).fetchall()
    assert [t for (t,) in rows] == ["15-24", "15-66", "15-69", "15-75"]


def test_revision_0003_downgrade_drops_exactly_its_tables(fresh_database):
    import psycopg

    from budget_db import migrate

    def tables(url):
        with psycopg.connect(url, autocommit=True) as conn:
            return {t for (t,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'budget'").fetchall()}

    url = fresh_database("budget_0003")
    migrate.upgrade(url, "0002")
    before = tables(url)
    migrate.upgrade(url, "0003")
    ours = {"performance_target_project", "performance_goal", "performance_indicator", "project_link"}
    assert tables(url) == before | ours
    migrate.downgrade(url, "0002")
    assert tables(url) == before
    migrate.upgrade(url)
    assert ours - {"project_link"} <= tables(url)  # 0005 keeps links as project keys on the rows


# -- input the parser refuses ------------------------------------------------------------

TABLE = """表. 15-1

项目支出绩效目标表

项目名称\t测试项目\t项目单位\t某单位
资金总额 (万元)\t{total}\t其中：财政拨款\t10.00\t其他资金\t0.00
项目联系人\t张三、李四\t联系电话\t123, 456
项目绩效目标\t目标 1：甲 目标 2：乙
{header}
\t投入指标\t测算明细\t每人 1 万元，共 10 万元
\t产出指标\t数量指标\t人数\t≥10 人
\t\t\t无\t无
{extra}
"""


def parse_one(**parts):
    from loaders.grid import read_grid
    from loaders.project_performance import parse

    values = {"total": "10.00", "header": "年度绩效指标\t一级指标\t二级指标\t指标内容\t目标值", "extra": ""} | parts
    return parse(read_grid(TABLE.format(**values), "t.txt"), None)


def test_a_small_table():
    records = parse_one()
    project, *goals_and_rows = records
    assert (project.project_name, project.total, project.contacts, project.phones) == (
        "测试项目", Decimal("10.00"), ["张三", "李四"], ["123", "456"])
    assert [g.goal_text for g in goals_and_rows if isinstance(g, PerformanceGoal)] == ["甲", "乙"]
    rows = [as_tuple(i) for i in goals_and_rows if isinstance(i, PerformanceIndicator)]
    assert rows == [(10, INPUT, "测算明细", "每人 1 万元，共 10 万元", None, None, None, None, None),
                    (11, OUTPUT, "数量指标", "人数", "≥10 人", ">=", "10", "人", "numeric")]


@pytest.mark.parametrize("parts, message", [
    ({"extra": "\t产出指标\t质量指标\t合格率\t≥90%\t多余"}, "t.txt: 表15-1, line 13: an indicator row with more"),
    ({"header": "年度绩效指标\t指标\t目标值"}, "t.txt: 表15-1: no 一级指标/二级指标 header row"),
    ({"total": "十万"}, "t.txt: 表15-1, line 6: not an amount: '十万'"),
    ({"header": "备注\t见附件\n年度绩效指标\t一级指标\t二级指标\t指标内容\t目标值"},
     "t.txt: 表15-1, line 9: a header row without a known label"),
])
def test_bad_input_is_refused_with_its_place(parts, message):
    from loaders.errors import ReportError

    with pytest.raises(ReportError) as refused:
        parse_one(**parts)
    assert str(refused.value).startswith(message)


def test_show_15_12_prints_one_table(database_url, sample_report_id):
    from tests.test_cli import run

    result = run("show", "15-12", url=database_url, COLUMNS="250")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "项目名称" in line)
    for title in ("项目名称", "项目单位", "资金总额（万元）", "其中：财政拨款", "其他资金", "项目联系人", "联系电话",
                  "项目绩效目标"):
        assert title in header
    assert any("公安特经费" in line and "13828826960" in line for line in lines)
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in lines
            if line.startswith("│") and ("指标" in line or "不适用" in line)]
    assert rows[1] == ["产出指标", "数量指标", "指标 1：特情人员数量", "120 人"]
    assert rows[-1] == ["服务对象满意度指标", "", "辖区居民满意度", "≥80%"]
    assert len(rows) == 11
