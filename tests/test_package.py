"""The wheel carries the templates and scaffold: installed without the checkout, `courseware new` and build work."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_installed_wheel_scaffolds_and_builds_a_course(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    # offline: the test environment's own setuptools builds it (no isolated build env fetched from an index)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True, timeout=600)
    (wheel,) = wheels.glob("courseware-*.whl")
    env = tmp_path / "env"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # the test environment's dependencies (mkdocs, openpyxl ...) without its editable courseware:
    # a plain path entry, so the .pth hooks living in that folder are not run
    (Path(purelib) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    where = subprocess.run([str(python), "-c", "import generator; print(generator.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert where.startswith(purelib), where  # the installed copy, not the checkout
    course = tmp_path / "course"
    new = subprocess.run([str(python), "-m", "generator", "new", str(course)], capture_output=True, text=True,
                         cwd=tmp_path)
    assert new.returncode == 0, new.stderr
    built = subprocess.run([str(python), "-m", "generator", "--course", str(course), "build", "--strict"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert built.returncode == 0, built.stderr
    assert (course / "site" / "index.html").is_file()
    assert (course / "site" / "assets" / "js").is_dir()


def test_every_python_package_is_listed_for_the_wheel() -> None:
    """pyproject lists packages by name (site_templates is mapped in): a new subpackage left out of the list
    would be missing from every install, though the checkout works."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(path.parent.relative_to(REPO).parts) for path in (REPO / "generator").rglob("*.py")}
    assert found - listed == set()
