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

from perftable.spans import from_markers, to_csv, to_html, to_markdown, to_xlsx  # noqa: E402

SAMPLES = ROOT / "samples"
U, L = "^", "<"


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


def formats() -> None:
    out = SAMPLES / "formats"
    out.mkdir(exist_ok=True)
    title = "2024年市级部门整体预算绩效目标表"
    grid = from_markers(lianjiang_rows())
    (out / "lianjiang-clean.md").write_text(to_markdown(grid, title), encoding="utf-8")
    (out / "lianjiang-clean.html").write_text(to_html(grid, title), encoding="utf-8")
    (out / "lianjiang-clean.csv").write_text(to_csv(grid, title), encoding="utf-8")
    to_xlsx(grid, out / "lianjiang-clean.xlsx", title)


if __name__ == "__main__":
    shanghai()
    formats()
    print("samples built under", SAMPLES)
