"""Small worksheet models built in code, for tests that need no YAML."""

from __future__ import annotations

from generator.model.text import Id, Text, Value
from generator.model.worksheet import Column, DataSheet, Highlight, Instructions, Parameter, Summary, Worksheet


def column(name: str, kind: str, formula: str | None = None, **extra: object) -> Column:
    return Column(name=Text(name), type=kind, formula=Text(formula) if formula else None, **extra)  # type: ignore[arg-type]


def data_sheet(columns: list[Column], samples: int = 1, blank: int = 5, title: str = "数据",
               summary: tuple[Summary, ...] = ()) -> DataSheet:
    rows = tuple({Text(c.name): Value(index + 1) for c in columns} for index in range(samples))
    return DataSheet(title=Text(title), columns=tuple(columns), samples=rows, blank_rows=blank, summary=summary)


def margin_worksheet() -> Worksheet:
    """Two inputs, a formula with a parameter and a highlight, a choice column and a summary."""
    columns = [
        column("客户", "text", note=Text("客户简称")),
        column("级别", "choice", choices=(Text("A"), Text("B"))),
        column("销售额", "money"),
        column("成本", "money"),
        column("签约日", "date"),
        column("毛利率", "formula", formula="ROUND((销售额 - 成本) / 销售额, 4)", format="percent",
               highlights=(Highlight(when=Text("毛利率 < 底线"), style="bad", label=Text("低于底线")),)),
    ]
    samples = (
        {Text("客户"): Value("甲厂"), Text("级别"): Value("A"), Text("销售额"): Value(1000), Text("成本"): Value(800),
         Text("签约日"): Value("2025-01-02"), Text("毛利率"): Value(0.2)},
    )
    summary = (Summary(label=Text("合计"), formula=Text("SUM(销售额[])"), format="money", expected=Value(1000)),)
    sheet = DataSheet(title=Text("毛利"), columns=tuple(columns), samples=samples, blank_rows=4, rows=5,
                      summary=summary)
    parameter = Parameter(name=Text("底线"), type="percent", value=Value(0.15), note=Text("接单底线"))
    instructions = Instructions(purpose=Text("算毛利"), steps=(Text("填"),), reading=(Text("看"),))
    return Worksheet(id=Id("margin"), title=Text("毛利表"), nodes=(Id("plan-visit"),), instructions=instructions,
                     sheets=(sheet,), parameters=(parameter,))
