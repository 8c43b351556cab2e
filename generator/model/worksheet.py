"""Worksheets: Excel workbooks described in YAML, with formulas written in column names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model.syllabus import Located, doc
from generator.model.text import Id, Markdown, Text, Value

ColumnType = Literal["text", "integer", "money", "percent", "number", "date", "choice", "formula"]
Format = Literal["text", "integer", "money", "percent", "number", "date"]
Style = Literal["good", "warn", "bad", "info"]
Missing = Literal["mark", "blank"]
ChartType = Literal["column", "bar", "radar", "pareto"]


@dataclass(frozen=True)
class Highlight(Located):
    when: Text = field(metadata=doc("条件，用列名或参数名写的公式，结果为真时着色，例如 `毛利率 < 最低毛利率`"))
    style: Style = field(metadata=doc("good 绿 / warn 黄 / bad 红 / info 蓝"))
    label: Text | None = field(default=None, metadata=doc("说明，在说明页和预览里显示"))


@dataclass(frozen=True)
class Column(Located):
    name: Text = field(metadata=doc("列名（表头），公式里用它引用本行这一格；列名[] 表示整列"))
    type: ColumnType = field(metadata=doc("列类型"))
    formula: Text | None = field(default=None, metadata=doc("公式列：例如 `(销售额 - 成本) / 销售额`"))
    format: Format | None = field(default=None, metadata=doc("公式列的显示格式；默认 number"))
    choices: tuple[Text, ...] = field(default=(), metadata=doc("choice 列的下拉选项"))
    note: Text | None = field(default=None, metadata=doc("填写提示（点击单元格时显示）"))
    width: int | None = field(default=None, metadata=doc("列宽（字符数）；默认按表头和内容估算", minimum=4, maximum=80))
    highlights: tuple[Highlight, ...] = field(default=(), metadata=doc("条件格式：分级与预警"))
    requires: tuple[Text, ...] | None = field(default=None, metadata=doc(
        "公式列：算之前必须填好的列（数字列要是数字，其他列不能空）；默认为公式用到的本行输入列（含经由其他公式列）"))
    missing: Missing = field(default="mark", metadata=doc(
        "必填的列缺数据时：mark 显示“缺数据” / blank 留空；都不计入汇总和排名"))
    min: Value | None = field(default=None, metadata=doc("输入列的最小值（日期列写 YYYY-MM-DD）"))
    max: Value | None = field(default=None, metadata=doc("输入列的最大值（日期列写 YYYY-MM-DD）"))


@dataclass(frozen=True)
class Parameter(Located):
    name: Text = field(metadata=doc("参数名，公式里直接引用，例如 A类占比"))
    type: Format = field(metadata=doc("参数格式"))
    value: Value = field(metadata=doc("默认值，学员可以改"))
    note: Text | None = field(default=None, metadata=doc("含义"))


@dataclass(frozen=True)
class Summary(Located):
    label: Text = field(metadata=doc("汇总项名称"))
    formula: Text = field(metadata=doc("公式，通常对整列汇总，例如 `SUM(销售额[])`"))
    format: Format = field(default="number", metadata=doc("显示格式"))
    expected: Value | None = field(default=None, metadata=doc("只有示例行时的预期结果"))


@dataclass(frozen=True)
class Chart(Located):
    type: ChartType = field(metadata=doc(
        "column 柱形 / bar 条形 / radar 雷达 / pareto 帕累托（按 rank 列从大到小排好的柱形加累计占比折线）"))
    title: Text = field(metadata=doc("图表标题"))
    categories: Text = field(metadata=doc("分类（横轴）用的列"))
    series: tuple[Text, ...] = field(metadata=doc("画出来的数字列；pareto 只写一列"))
    rank: Text | None = field(default=None, metadata=doc("pareto：给出 1、2、3…名次的列（并列已拆开）"))
    rows: int = field(default=30, metadata=doc("画前多少行数据", minimum=3, maximum=200))


@dataclass(frozen=True)
class DataSheet(Located):
    title: Text = field(metadata=doc("工作表名称（不超过 31 个字符）"))
    columns: tuple[Column, ...] = field(metadata=doc("各列，从左到右"))
    samples: tuple[dict[Text, Value], ...] = field(
        metadata=doc("示例行：列名 → 值；公式列写预期结果，用来核对公式"))
    blank_rows: int = field(default=20, metadata=doc("示例行之后至少留给学员填写的空行数", minimum=1, maximum=500))
    rows: int = field(default=200, metadata=doc("准备好公式和输入检查的总行数（含示例行）", minimum=1, maximum=5000))
    summary: tuple[Summary, ...] = field(default=(), metadata=doc("汇总格（在表头上方，数据再多也不会被挡住）"))
    charts: tuple[Chart, ...] = field(default=(), metadata=doc("原生 Excel 图表，放在表格右侧"))


@dataclass(frozen=True)
class Instructions(Located):
    purpose: Text = field(metadata=doc("这张表解决什么问题"))
    steps: tuple[Text, ...] = field(metadata=doc("填写步骤"))
    reading: tuple[Text, ...] = field(metadata=doc("怎样读结果"))


@dataclass(frozen=True)
class Worksheet(Located):
    id: Id = field(metadata=doc("工作表 id，与文件名相同"))
    title: Text = field(metadata=doc("工作簿名称，例如 客户分级表"))
    nodes: tuple[Id, ...] = field(metadata=doc("对应的大纲节点 id（部分、章或节）"))
    instructions: Instructions = field(metadata=doc("说明页"))
    sheets: tuple[DataSheet, ...] = field(metadata=doc("数据表"))
    parameters: tuple[Parameter, ...] = field(default=(), metadata=doc("可调参数（命名单元格），例如 A类占比 70%"))
    method: Markdown | None = field(default=None, metadata=doc("方法出处与说明，例如 ABC 分级、RFM"))
