"""LibreOffice headless as the real spreadsheet engine: recalculate a workbook and read the results back."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

# Recalculate every formula on load, whatever the file says about cached results.
_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def recalculate_many(sources: list[Path], out_dir: Path) -> list[Path]:
    """Open each workbook in LibreOffice, recalculate, save as xlsx; one process for all of them."""
    assert SOFFICE, "LibreOffice is missing: run `make system-deps` (libreoffice-calc-nogui)"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cw-lo-profile-") as profile, \
            tempfile.TemporaryDirectory(prefix="cw-lo-in-") as inbox:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_SETTINGS, encoding="utf-8")
        # a copy under a neutral folder: LibreOffice names the output after the input
        copies = []
        for source in sources:
            copy = Path(inbox) / source.name
            shutil.copy(source, copy)
            copies.append(str(copy))
        command = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                   "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), *copies]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "HOME": profile}, check=False)
    results = [out_dir / source.name for source in sources]
    missing = [path.name for path in results if not path.is_file()]
    assert done.returncode == 0 and not missing, f"LibreOffice failed on {missing}: {done.stderr}"
    return results


def recalculate(source: Path, out_dir: Path) -> openpyxl.Workbook:
    (result,) = recalculate_many([source], out_dir)
    return openpyxl.load_workbook(result, data_only=True)
