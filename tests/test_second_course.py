"""A second, non-sales course (tests/courses/safety) builds with --strict in its own vocabulary: no word of the
bundled sales course's profile appears anywhere in its site (pages, scripts, search index, workbooks)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.locale import zh
from generator.profiles import built_in

SAFETY = Path(__file__).parent / "courses" / "safety"
# Words of the sales course that no label of its profile spells out alone.
SALES_WORDS = ("销售", "客户", "话术", "谈判", "成交", "丢单", "采购", "报价")


def sales_vocabulary() -> list[str]:
    """Every label the sales profile adds over the neutral profile and the tool's own labels, plus its key words."""
    sales, neutral = built_in("sales"), built_in("neutral")

    def words(profile) -> set[str]:
        found = {str(kind.label) for kind in profile.endings} | {str(text) for text in profile.labels.values()}
        for role in profile.roles:
            found |= {str(role.name), *(str(item.label) for item in role.fields)}
        return found

    shared = words(neutral) | set(zh.UI.values())
    return sorted((words(sales) - shared) | set(SALES_WORDS))


def site_texts(site: Path) -> dict[str, str]:
    """Every file of the site as text; a workbook (a zip of XML) counts as its parts."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                texts.update({f"{name}!{part}": book.read(part).decode("utf-8", "replace") for part in book.namelist()})
        elif path.suffix not in (".png", ".woff", ".woff2", ".ico", ".gz", ".jpg"):
            texts[name] = path.read_bytes().decode("utf-8", "replace")
    return texts


@pytest.fixture(scope="module", params=["learner", "trainer"])
def safety_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both editions: the trainer's adds agenda, answers, facilitator notes and trainer-only slides."""
    course = tmp_path_factory.mktemp("safety") / "course"
    shutil.copytree(SAFETY, course)
    site = course / "site"
    assert main(["--course", str(course), "build", "--strict", "--output", str(site), "--edition", request.param]) == 0
    return site


def test_vocabulary_is_derived_from_the_sales_profile() -> None:
    vocabulary = sales_vocabulary()
    for word in ("销售方", "客户方", "谈判破裂点", "保住利润成交", "让利成交", "丢单", "话术库", "客户说"):
        assert word in vocabulary
    assert "你的目标" not in vocabulary  # a label both profiles share is not sales vocabulary


def test_safety_site_has_no_sales_vocabulary(safety_site: Path) -> None:
    texts = site_texts(safety_site)
    assert any(name.endswith("search_index.json") for name in texts)
    assert any(name.endswith(".js") for name in texts) and any(".xlsx!" in name for name in texts)
    found = sorted({(word, name) for name, text in texts.items() for word in sales_vocabulary() if word in text})
    assert found == []


def test_safety_site_speaks_its_own_vocabulary(safety_site: Path) -> None:
    page = (safety_site / "roleplays" / "rp-skip-lockout.html").read_text(encoding="utf-8")
    for word in ("操作工", "班组长", "安全员", "你心里的顾虑", "什么情况下你会叫停整条线", "隐患排除", "发生事故"):
        assert word in page
    home = (safety_site / "index.html").read_text(encoding="utf-8")
    assert "安全对话示范" in home and "车间安全生产入门" in home


def test_the_same_search_finds_the_sales_words_in_a_sales_site(sample_course: Path) -> None:
    """The grep is not blind: the sales example's site shows the words the safety site must not."""
    site = sample_course / "site"
    assert main(["--course", str(sample_course), "build", "--output", str(site)]) == 0
    texts = "\n".join(site_texts(site).values())
    assert {"销售方", "客户方", "谈判破裂点", "保住利润成交", "话术库", "客户说"} <= {
        word for word in sales_vocabulary() if word in texts}
