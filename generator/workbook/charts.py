"""Native charts beside a data sheet (openpyxl), and the sorted helper block a Pareto chart draws from.

A Pareto chart needs the bars in descending order, but learners type rows in any order and Excel will not sort
a protected sheet with formula cells. So the chart reads a small locked block to the right of the table that
lists the rows by the sheet's own tie-free rank: 1st, 2nd, 3rd… with the running share of the total.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, RadarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet as Sheet

from generator.locale import ui
from generator.model.worksheet import Chart
from generator.workbook import style
from generator.workbook.layout import SheetLayout

CHART_ROWS = 18  # rows of sheet one chart covers, so the next one starts below it
WIDTH, HEIGHT = 18, 9  # centimetres (whole numbers: openpyxl's chart size fields)


def helper_column(layout: SheetLayout, chart: Chart) -> int:
    """First column of a Pareto chart's sorted block: two columns right of the 数据检查 column, then 3 per chart."""
    paretos = [c for c in layout.sheet.charts if c.type == "pareto"]
    return len(layout.sheet.columns) + 3 + 3 * paretos.index(chart)


def pareto_cells(layout: SheetLayout, chart: Chart) -> dict[str, str]:
    """Reference -> formula of a Pareto block: name, value and running share for ranks 1..rows."""
    assert chart.rank is not None
    first = helper_column(layout, chart)
    name, value, share = (get_column_letter(first + i) for i in range(3))
    rank, cats, values = layout.span(chart.rank), layout.span(chart.categories), layout.span(chart.series[0])
    cells = {}
    for k in range(1, chart.rows + 1):
        row = layout.first + k - 1
        cells[f"{name}{row}"] = f'=IFERROR(INDEX({cats},MATCH({k},{rank},0)),"")'
        cells[f"{value}{row}"] = f'=IFERROR(INDEX({values},MATCH({k},{rank},0)),"")'
        cells[f"{share}{row}"] = (f'=IF(ISNUMBER({value}{row}),IFERROR(SUM(${value}${layout.first}:{value}{row})'
                                  f'/SUM({values}),""),"")')
    return cells


def add_charts(sheet: Sheet, layout: SheetLayout) -> None:
    anchor_column = get_column_letter(len(layout.sheet.columns) + 3 + 3 * sum(
        1 for c in layout.sheet.charts if c.type == "pareto"))
    for index, chart in enumerate(layout.sheet.charts):
        drawn = _pareto(sheet, layout, chart) if chart.type == "pareto" else _plain(sheet, layout, chart)
        drawn.title, drawn.width, drawn.height = str(chart.title), WIDTH, HEIGHT
        sheet.add_chart(drawn, f"{anchor_column}{layout.header + index * CHART_ROWS}")


def _plain(sheet: Sheet, layout: SheetLayout, chart: Chart) -> BarChart | RadarChart:
    drawn = RadarChart() if chart.type == "radar" else BarChart()
    if isinstance(drawn, BarChart):
        drawn.type = "bar" if chart.type == "bar" else "col"
    last = layout.first + chart.rows - 1
    for name in chart.series:
        column = _index(layout, name)
        drawn.add_data(Reference(sheet, min_col=column, min_row=layout.header, max_row=last), titles_from_data=True)
    column = _index(layout, chart.categories)
    drawn.set_categories(Reference(sheet, min_col=column, min_row=layout.first, max_row=last))
    return drawn


def _pareto(sheet: Sheet, layout: SheetLayout, chart: Chart) -> BarChart:
    first, last = helper_column(layout, chart), layout.first + chart.rows - 1
    titles = (ui("ws_pareto_name"), str(chart.series[0]), ui("ws_pareto_share"))
    for offset, title in enumerate(titles):
        header = sheet.cell(layout.header, first + offset, title)
        header.fill, header.font, header.alignment, header.border = (
            style.HEADER_FILL, style.HEADER_FONT, style.CENTER, style.GRID)
        sheet.column_dimensions[get_column_letter(first + offset)].width = 14
    formats = ("General", style.NUMBER_FORMATS["money"], style.NUMBER_FORMATS["percent"])
    for reference, formula in pareto_cells(layout, chart).items():
        cell = sheet[reference]
        cell.value, cell.fill, cell.border = formula, style.FORMULA_FILL, style.GRID
        cell.number_format = formats[cell.column - first]
    bars = BarChart()
    bars.add_data(Reference(sheet, min_col=first + 1, min_row=layout.header, max_row=last), titles_from_data=True)
    bars.set_categories(Reference(sheet, min_col=first, min_row=layout.first, max_row=last))
    line = LineChart()
    line.add_data(Reference(sheet, min_col=first + 2, min_row=layout.header, max_row=last), titles_from_data=True)
    line.y_axis.axId = 200
    line.y_axis.crosses = "max"  # the running share on its own 0–100% axis at the right
    line.y_axis.number_format = "0%"
    bars += line
    return bars


def _index(layout: SheetLayout, name: str) -> int:
    return [str(c.name) for c in layout.sheet.columns].index(str(name)) + 1
