"""Build the derived samples under samples/ (run from the repository root: ``python scripts/build_samples.py``).

* samples/shanghai-project/lanxilu-2026.{md,xlsx}: the real Shanghai grid (lanxilu-2026.csv, copied verbatim from
  shared/samples-real) converted cell for cell, damage included.
* samples/formats/lianjiang-clean.{md,html,csv,xlsx}: the seed's table without its conversion damage, written in
  each format (merged cells as spans in html and xlsx, flattened in md and csv). They must parse to one model.
* samples/hunan-department/*.{md,xlsx} and samples/central-project/*.{md,html}: layouts written by us from the
  spec tables below (see samples/README.md).

The outputs are generated; do not edit them by hand.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from perftable.spans import SpanGrid, from_markers, to_csv, to_html, to_markdown  # noqa: E402
from perftable.spans.xlsx import to_xlsx  # noqa: E402

SAMPLES = ROOT / "samples"
U, L = "^", "<"


def reproducible(path: Path) -> None:
    """Rewrite a zip-based file (xlsx, ods) with fixed timestamps, so that rebuilding changes no bytes."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    stamp = rb"\g<1>2024-01-01T00:00:00Z\g<2>"
    members = [
        (
            info,
            re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", stamp, data)
            if info.filename == "docProps/core.xml"
            else data,
        )
        for info, data in members
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            archive.writestr(fixed, data)


def shanghai() -> None:
    source = SAMPLES / "shanghai-project" / "lanxilu-2026.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    title, year = rows[0][0], rows[1][0]
    grid = from_markers([[cell if cell not in (U, L) else cell + " " for cell in row] for row in rows[2:]])
    (SAMPLES / "shanghai-project" / "lanxilu-2026.md").write_text(
        f"# {title}\n\n{year}\n\n" + to_markdown(grid), encoding="utf-8"
    )
    to_xlsx(
        from_markers(rows), SAMPLES / "shanghai-project" / "lanxilu-2026.xlsx", sheet="项目绩效目标申报表"
    )


def _indicator_rows(
    label: str, indicators: list[tuple[str, str, str, str]], extra: int = 0
) -> list[list[str]]:
    """Indicator rows with merged label, level-1 and level-2 cells (as the official form merges them)."""
    rows: list[list[str]] = []
    previous: tuple[str, str] = ("", "")
    for index, (level1, level2, name, value) in enumerate(indicators):
        first = label if index == 0 else U
        l1 = U if index and level1 == previous[0] else level1
        l2 = U if index and (level1, level2) == previous else level2
        rows.append([first, l1, l2, name, value] + [""] * extra)
        previous = (level1, level2)
    return rows


LIANJIANG_GOALS = (
    "1、为0-6岁机构在训残疾儿童提供精准康复服务补助，改善残疾儿童功能状况不断提高残疾儿童生活自理能力；\n"
    "2、为240户贫困残疾人家庭提供无障碍改造工作，改善残疾人居家环境；\n"
    "3、对残疾人就业基地给予设备设施、无障碍改造等方面的扶持；\n"
    "4、维护好我市已建21个社区康园中心，为残疾人提供日间照料、辅助性就业等基本公共服务；\n"
    "5、为做好全国残疾人基本服务状况和需求信息数据动态更新工作，根据2023年动态更新调查人数，建立残疾人基本服务状况和需求信息数据动态更新，更好地服务残疾人；\n"
    "6、为448名残疾人进行就业培训，不断提高残疾人技能，促进残疾人就业，加强；做好2024年东西部协作、对口帮扶融水协作帮扶残疾人工作；\n"
    "7、联系医院对重度残疾人进行上门居家康复服务，提高残疾人的康复能力；\n"
    "8、为廉江市精神病残疾人、家属、医生提供预防培训服务；为廉江市精神病残疾人提供检测，治疗，用药、住院、托管等服务；\n"
    "9、为廉江市疑似残疾人群体进行办理残疾证工作，包括组织医院下乡评残工作，办理、换发残疾证制卡相关服务；\n"
    "10. 做好残工委和上级单位交办的各项工作。"
)

LIANJIANG_TASKS = [
    ("任务1: 贫困重度残疾人家庭无障碍改造", "对有需求的残疾人实施无障碍改造项目", "14.4"),
    ("任务2: 社区康园中心", "加快康园心的运营使用", "45"),
    ("任务3: 补充残疾儿童康复救助", "残疾儿童康复救助", "30"),
    ("任务4: 重度残疾人居家康复服务经费", "对重度残疾人进行上门居家康复服务", "5"),
    ("任务5: 残疾人培训经费", "对448名残疾人进行就业培训", "3"),
]
LIANJIANG_OTHER_TASKS = [
    ("任务1: 精神病防治经费", "为廉江市精神病残疾人、家属、医生提供预防培训服务", "5"),
    ("任务2: 残疾人就业基地建设资金", "对残疾人就业基地给予设备设施、无障碍改造等方面的扶持", "20"),
    ("任务3: 残疾人办证经费", "组织医院下乡评残工作，办理、换发残疾证制卡相关服务", "1"),
    (
        "任务4: 残疾人基本服务状况和需求信息数据动态更新工作经费",
        "建立残疾人基本服务状况和需求信息数据动态更新，更好地服务残疾人",
        "2.5",
    ),
]
P, Q, S, C = "产出指标", "效益指标", "满意度指标", "成本指标"
LIANJIANG_INDICATORS = [
    (P, "数量指标", "贫困残疾人家庭无障碍改造工作户数", "240户"),
    (P, "数量指标", "社区康园中心个数(个)", "21个"),
    (P, "数量指标", "0-6岁残疾儿童康复服务任务完成数", "300名"),
    (P, "数量指标", "精神残疾人接受门诊发药人次", "14000"),
    (P, "数量指标", "重度残疾人居家康复服务人数", "80"),
    (P, "数量指标", "残疾人培训人数(人)", "448"),
    (P, "时效指标", "项目完成时间", "2024年12月31日前"),
    (P, "成本指标", "残疾人家庭无障碍改造任务", "600元/户"),
    (P, "成本指标", "为全市21个康园中心提供运营本级配套资金(万)", "≤45"),
    (P, "成本指标", "0-6岁机构在训残疾儿童提供补助", "100元/人(月)"),
    (P, "成本指标", "每人每年重度残疾人居家康复服务经费(元)", "≤6000"),
    (P, "成本指标", "每月每人精神病发药补贴(元)", "30/人(月)"),
    (P, "成本指标", "残疾人培训所需费用(万)", "≤3"),
    (Q, "社会效益指标", "有效提高残疾人居家生活便利程度(是/否)", "是"),
    (Q, "社会效益指标", "有效提高康园中心综合服务能力(是/否)", "是"),
    (Q, "社会效益指标", "关心、理解、支持残疾人的社会氛围", "有所提高"),
    (Q, "社会效益指标", "减轻残疾人经济负担(是/否)", "是"),
    (Q, "社会效益指标", "有效提高残疾人居家康复便利程度(是/否)", "是"),
    (Q, "社会效益指标", "残疾人融入社会程度", "有所提高"),
    (Q, "可持续影响指标", "改善残疾人生活状况\\提高残疾人生活水平", "有所提高"),
    (Q, "可持续影响指标", "提高0-6岁残疾儿童日常生活能力", "有所提高"),
    (Q, "可持续影响指标", "是否有效提高残疾人的生活水平(是/否)", "是"),
    (S, "服务对象满意度指标", "接受服务家庭对改造工作满意度(%)", ""),
    (S, "服务对象满意度指标", "接受康园中心服务残疾人满意度(%)", "≥90"),
    (S, "服务对象满意度指标", "残疾儿童或家属对项目服务的满意度(%)", "≥90"),
    (S, "服务对象满意度指标", "受益人员满意度(%)", "≥90"),
    (S, "服务对象满意度指标", "残疾人及其家属对残疾人居家康复的满意度", "≥90"),
]


def lianjiang_rows() -> list[list[str]]:
    rows = [
        ["部门名称", L, "廉江市残疾人联合会", L, L],
        ["基本信息", "财政供养人员数", "34", "下属二级单位数", "0"],
        ["预算整体情况", "部门预算支出", "预算金额(万元)", "收入来源", "预算金额(万元)"],
        [U, "基本支出", "278.55", "财政拨款", "1,273.72"],
        [U, "项目支出", "995.17", "其他资金", ""],
        [U, "事业发展性支出", "预算金额(万元)", "按预算级次划分", "预算金额(万元)"],
        [U, "财政专项资金", "", "市本级使用资金", "1,273.72"],
        [U, "其他事业发展性支出", "627.77", "拟用于对下转移支付资金", ""],
        ["总体绩效目标", LIANJIANG_GOALS, L, L, L],
        ["年度重点工作任务", "名称", "主要实施内容", "拟投入的资金(万元)", "期望达到的目标(概述)"],
    ]
    rows += [[U, name, content, funds, "全部完成支出"] for name, content, funds in LIANJIANG_TASKS]
    rows += [
        ["其他需完成的任务(可选填)" if i == 0 else U, name, content, funds, "全部完成支出"]
        for i, (name, content, funds) in enumerate(LIANJIANG_OTHER_TASKS)
    ]
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"])
    body = _indicator_rows(U, LIANJIANG_INDICATORS)
    return rows + body


HUNAN_GOALS = (
    "目标1：保障困难群众基本生活，按时足额发放城乡低保、特困供养资金；\n"
    "目标2：完成全县养老服务设施提质改造12所；\n"
    "目标3：规范社会组织登记管理，年检率达到95%以上。"
)
E = "该指标主要考察年度任务完成情况"
D = "未达指标值酌情扣分"
HUNAN_INDICATORS = [
    (P, "数量指标", "城乡低保保障人数", "定量", "≥12000", "人", E, D, ""),
    (P, "数量指标", "养老服务设施提质改造数量", "定量", "12", "所", E, D, ""),
    (P, "质量指标", "社会组织年检率", "定量", "≥95", "%", E, D, ""),
    (P, "时效指标", "低保资金发放及时率", "定量", "100", "%", E, D, "按月发放"),
    (P, "成本指标", "低保对象月人均补助标准", "定量", "≤420", "元/人·月", E, D, ""),
    (Q, "社会效益指标", "困难群众基本生活保障水平", "定性", "有效提升", "", E, D, ""),
    (Q, "可持续影响指标", "社会救助制度运行", "定性", "长效稳定", "", E, D, ""),
    (S, "服务对象满意度指标", "救助对象满意度", "定量", "≥90", "%", E, D, ""),
]


def hunan_rows() -> list[list[str]]:
    rows = [
        ["部门(单位)名称", L, "示例县民政局", L, L, L, L, L, L, L],
        ["年度预算申请(万元)", L, "资金总额", L, "财政拨款", L, L, "其他资金", L, L],
        [U, U, "1,520.3600", L, "1,480.3600", L, L, "40.0000", L, L],
        [U, U, "基本支出", L, "1,020.3600", L, L, "项目支出", "500.0000", L],
        ["部门职能职责概述", L, "负责全县社会救助、养老服务、社会组织登记管理等工作。", L, L, L, L, L, L, L],
        ["年度绩效目标", L, HUNAN_GOALS, L, L, L, L, L, L, L],
        [
            "年度绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值类型",
            "指标值",
            "计量单位",
            "指标解释",
            "评(扣)分标准",
            "备注",
        ],
    ]
    previous = ("", "")
    for index, (l1, l2, *rest) in enumerate(HUNAN_INDICATORS):
        rows.append([U, U if index and l1 == previous[0] else l1, U if (l1, l2) == previous else l2, *rest])
        previous = (l1, l2)
    return rows


CENTRAL_INDICATORS = [
    (C, "经济成本指标", "设备购置成本", "≤180万元"),
    (C, "社会成本指标", "对周边居民生活的影响", "无"),
    (P, "数量指标", "监测站点建设数量", "=15个"),
    (P, "质量指标", "设备验收合格率", "100%"),
    (P, "时效指标", "项目完成时间", "2025年11月30日前"),
    (Q, "社会效益指标", "空气质量监测覆盖率", "≥90%"),
    (Q, "生态效益指标", "监测数据有效率", "≥95%"),
    (S, "服务对象满意度指标", "使用单位满意度", "≥90%"),
]


def central_rows() -> list[list[str]]:
    rows = [
        ["项目名称", "大气环境监测站点建设", L, L, L],
        ["主管部门及代码", "[101]示例省生态环境厅", L, "实施单位", "示例省生态环境监测中心"],
        ["项目期限", "2025年1月-2025年12月", L, "项目属性", "新增项目"],
        ["项目资金(万元)", "年度资金总额", L, "200", L],
        [U, "其中：财政拨款", L, "200", L],
        [U, "其他资金", L, "0", L],
        ["年度总体目标", "建成15个空气质量自动监测站点并投入运行，监测数据有效率达到95%以上。", L, L, L],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    ]
    return rows + _indicator_rows(U, CENTRAL_INDICATORS)


# The real Fujian table (shared/samples-real/fujian-ningde-2019-department.partial.txt), transcribed cell by cell
# into the grid its spreadsheet had; values verbatim, the page is cut off after 成本指标 as in the source.
NINGDE_ROWS = [
    ["部门(单位)名称", "中共宁德市委党史和地方志研究室", L, "部门预算编码", "901001033"],
    ["年度预算安排(万元)", "资金总额", "171.41", L, L],
    [U, "项目支出", "60.8", L, L],
    [U, "基本支出", "110.61", L, L],
    [
        "年度总体目标",
        "目标1:确保本室各人员工资及福利的发放;\n目标2:对合作社区、退休人员及遗孀、困难群众进行一定程度的补助;\n"
        "目标3:确保本室日常办公所需经费正常运行;\n目标4:保障志鉴地情相关工作开展所需资金,确保完成2019年度任务。",
        L,
        L,
        L,
    ],
    ["年度履职目标", "部门职能", "年度目标任务", "支出项目名称", "预算金额(万元)"],
    [
        U,
        "组织、指导、编纂、督促和检查地方志、年鉴、地情工作",
        "保障志鉴地情相关工作开展所需资金,确保完成2019年度任务",
        "地情、市志编纂与年鉴出版经费",
        "49.8",
    ],
    [U, "确保本室各人员工资及福利的发放", "按时发放2019年人员福利", "地情、市志编纂与年鉴出版经费", "11"],
    [U, "确保日常工作正常运行", "按时发放2019年人员工资待遇", "基本支出", "171.41"],
    ["一级指标", "二级指标", "三级指标", "指标解释", "目标值"],
    ["产出指标", "数量指标", "志鉴地情相关工作开展所需资金的供应时效", "100%(历史标准)", "100%"],
    [U, U, "确保日常工作正常运行", "100%", "100%"],
    [U, U, "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴", "60%", "≥60%"],
    [U, "质量指标", "调研、督促、指导志、鉴、地情编纂的县(市、区)的覆盖率", "90%(计划标准)", "1"],
    [U, U, "各类书籍审稿率", "100%(计划标准)", "1"],
    [U, "时效指标", "项目完成时间", "2019年12月(计划标准)", "100%"],
    [U, "成本指标", "基本支出", "", ""],
]


# 重庆 scored 审批表 (profile central-2021), after the layout of published county tables: scores per level-1 and
# per indicator, a 预算执行 block with its own score, 金额单位 stated once above the table. Synthetic figures.
CHONGQING_ROWS = [
    ["2024年示例乡产业路建设项目支出绩效目标审批表", L, L, L, L, L, L],
    ["(   2024年度)", L, L, L, L, L, L],
    ["预算单位: 示例县示例乡人民政府", L, L, L, L, "金额单位:万元", L],
    ["项目名称", "示例乡产业路建设项目", L, "项目分类", "基础设施类--道路类", L, L],
    ["建设周期", "2024年3月-2024年11月", L, "业务主管部门", "县交通局", L, L],
    ["实施单位", "示例乡人民政府", "项目负责人", "张某", "联系电话", "023-00000000", L],
    [
        "年度主要目标\n和成果",
        "新建产业路2.4公里，路面宽4.5米，C30混凝土路面，惠及3个村1200人。",
        L,
        L,
        L,
        L,
        L,
    ],
    ["项目资金\n预算执行\n10分", "项目总预算", "120", "财政资金预算分类", "一般公共预算", L, L],
    [U, "当年年度预算", "120", L, L, L, L],
    [U, "其中:财政资金", "110", "财政资金科目代码", "21406", L, L],
    [U, "其中:其它资金", "10", L, L, L, L],
    [U, "年度预算执行率", "100%", "分值", "10分", L, L],
    ["年度绩效目标(90分)", "一级指标", "二级指标", "三级指标", "指标值", "分值", "指标解释"],
    [U, "成本指标\n(0-20)分", "经济成本指标", "道路建设成本", "≤50万元/公里", "10", ""],
    [U, U, "社会成本指标", "", "", "", ""],
    [U, U, "生态环境成本指标", "施工期扬尘控制", "达标", "5", ""],
    [U, "产出指标\n(40-50)分", "数量指标", "新建产业路里程", "≥2.4公里", "25", ""],
    [U, U, "质量指标", "工程验收合格率", "100%", "10", ""],
    [U, U, "时效指标", "项目完工时间", "2024年11月30日前", "10", ""],
    [U, "效益指标\n(20-30)分", "经济效益指标", "受益群众年增收", "≥500元/人", "10", ""],
    [U, U, "社会效益指标", "受益人口", "≥1200人", "10", ""],
    [U, "满意度指标\n(10)分", "服务对象满意度指标", "受益群众满意度", "≥95%", "10", ""],
]

# Hubei/Hunan local project table (profile local): satisfaction as a level-2 under 效益指标. Synthetic figures.
LOCAL_ROWS = [
    ["项目名称", "农村义务教育薄弱学校改造", L, L],
    ["项目主管部门", "示例区教育局", "项目执行单位", "示例学校"],
    ["项目期限", "1年", "年度资金总额(万元)", "16"],
    ["其中:财政拨款(万元)", "16", "其他资金(万元)", "0"],
    ["总体目标", "改善农村义务教育薄弱学校办学条件。", L, L],
    ["一级指标", "二级指标", "指标内容", "指标值"],
    ["产出指标", "数量指标", "改造校舍面积", "≥800平方米"],
    [U, "质量指标", "校舍维修改造质量合格率", "100%"],
    [U, "时效指标", "项目按计划完成率", "100%"],
    [U, "成本指标", "每平方米改造成本", "≤200元/平方米"],
    ["效益指标", "可持续影响指标", "义务教育均衡发展水平", "稳步提高"],
    [U, "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"],
]


def layouts() -> None:
    hunan = SAMPLES / "hunan-department"
    hunan.mkdir(exist_ok=True)
    grid = from_markers(hunan_rows())
    title = "示例县民政局2024年部门整体支出绩效目标表"
    (hunan / "minzheng-2024.md").write_text(to_markdown(grid, title), encoding="utf-8")
    to_xlsx(grid, hunan / "minzheng-2024.xlsx", title)
    central = SAMPLES / "central-project"
    central.mkdir(exist_ok=True)
    (central / "jiance-2025.html").write_text(
        to_html(from_markers(central_rows()), "项目支出绩效目标表（2025年度）"), encoding="utf-8"
    )
    chongqing = SAMPLES / "chongqing-project"
    chongqing.mkdir(exist_ok=True)
    to_xlsx(from_markers(CHONGQING_ROWS), chongqing / "chanyelu-2024.xlsx", sheet="审批表")
    (chongqing / "chanyelu-2024.md").write_text(
        to_markdown(from_markers(CHONGQING_ROWS), header_row=False), encoding="utf-8"
    )
    local = SAMPLES / "local-project"
    local.mkdir(exist_ok=True)
    (local / "boruo-2020.md").write_text(
        to_markdown(from_markers(LOCAL_ROWS), "2020年绩效目标表"), encoding="utf-8"
    )
    fujian = SAMPLES / "fujian-department"
    fujian.mkdir(exist_ok=True)
    (fujian / "ningde-2019.md").write_text(
        to_markdown(from_markers(NINGDE_ROWS), "部门整体支出绩效目标表") + "\n2019年度)\n", encoding="utf-8"
    )


def to_xls(grid: SpanGrid, path: Path, title: str) -> None:
    """Legacy .xls with merged cells (xlwt; only this script needs it: pip install -e '.[samples]')."""
    import xlwt  # type: ignore[import-untyped]

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("绩效目标表")
    sheet.write_merge(0, 0, 0, len(grid[0]) - 1, title)
    for r, row in enumerate(grid, start=1):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.write_merge(r, r + cell.rowspan - 1, c, c + cell.colspan - 1, cell.text)
            else:
                sheet.write(r, c, cell.text)
    workbook.save(str(path))


def to_ods(grid: SpanGrid, path: Path, title: str) -> None:
    """OpenDocument spreadsheet with spanned cells (odfpy; pip install -e '.[samples]')."""
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import CoveredTableCell, Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    document = OpenDocumentSpreadsheet()
    table = Table(name="绩效目标表")
    width = len(grid[0])

    def text_cell(text: str, rows: int = 1, cols: int = 1) -> TableCell:
        cell = TableCell(valuetype="string", numberrowsspanned=rows, numbercolumnsspanned=cols)
        for line in text.split("\n"):
            cell.addElement(P(text=line))
        return cell

    title_row = TableRow()
    title_row.addElement(text_cell(title, 1, width))
    for _ in range(width - 1):
        title_row.addElement(CoveredTableCell())
    table.addElement(title_row)
    for row in grid:
        table_row = TableRow()
        for cell in row:
            table_row.addElement(
                CoveredTableCell() if cell is None else text_cell(cell.text, cell.rowspan, cell.colspan)
            )
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(path))


def formats() -> None:
    out = SAMPLES / "formats"
    out.mkdir(exist_ok=True)
    title = "2024年市级部门整体预算绩效目标表"
    grid = from_markers(lianjiang_rows())
    (out / "lianjiang-clean.md").write_text(to_markdown(grid, title), encoding="utf-8")
    (out / "lianjiang-clean.html").write_text(to_html(grid, title), encoding="utf-8")
    (out / "lianjiang-clean.csv").write_text(to_csv(grid, title), encoding="utf-8")
    to_xlsx(grid, out / "lianjiang-clean.xlsx", title)
    to_xls(grid, out / "lianjiang-clean.xls", title)
    to_ods(grid, out / "lianjiang-clean.ods", title)


if __name__ == "__main__":
    shanghai()
    formats()
    layouts()
    for built in [*SAMPLES.rglob("*.xlsx"), *SAMPLES.rglob("*.ods")]:
        reproducible(built)
    print("samples built under", SAMPLES)
