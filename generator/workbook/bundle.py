"""Blank templates (the same workbook without sample rows) and one zip with every workbook, for 全部下载."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

from generator.locale import ui
from generator.model.worksheet import Worksheet
from generator.workbook.build import FIXED_ZIP_TIME, build_workbook


def blank_template(worksheet: Worksheet) -> Worksheet:
    """No sample rows and no expected results: a learner starts from an empty, fully prepared table."""
    sheets = tuple(dataclasses.replace(sheet, samples=(), summary=tuple(
        dataclasses.replace(summary, expected=None) for summary in sheet.summary)) for sheet in worksheet.sheets)
    return dataclasses.replace(worksheet, sheets=sheets)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # not allowed in Windows file names, or a folder in a zip


def download_name(worksheet: Worksheet, blank: bool = False) -> str:
    """The file name a learner sees, the same on the downloads page, the preview and inside the zip."""
    title = _UNSAFE.sub("_", str(worksheet.title)).strip() or str(worksheet.id)
    return ui("ws_blank_name", title=title) if blank else f"{title}.xlsx"


def bundle(files: list[tuple[Worksheet, bytes, bytes]]) -> bytes:
    """(worksheet, sample workbook, blank workbook) -> one zip, entries in course order with fixed times."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for worksheet, sample, blank in files:
            for name, data in ((download_name(worksheet), sample),
                               (f"{ui('ws_blank_folder')}/{download_name(worksheet, blank=True)}", blank)):
                entry = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                entry.compress_type, entry.external_attr = zipfile.ZIP_STORED, 0o644 << 16  # xlsx is compressed
                archive.writestr(entry, data)
    return output.getvalue()


def blank_workbook(worksheet: Worksheet) -> bytes:
    return build_workbook(blank_template(worksheet))
