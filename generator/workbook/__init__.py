"""Excel workbooks generated from worksheet YAML (openpyxl), with formulas a spreadsheet recomputes."""

from generator.workbook.build import build_workbook, formula_count, make_workbook, workbook_bytes

__all__ = ["build_workbook", "formula_count", "make_workbook", "workbook_bytes"]
