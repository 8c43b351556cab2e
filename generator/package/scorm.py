"""`courseware package --scorm`: the built site, a launcher page and imsmanifest.xml in one SCORM 1.2 zip.

The launcher (site_templates/package/scorm.js) holds the LMS session and shows the site in a frame, so the
site's pages stay exactly as `courseware build` makes them. Same input gives the same zip, byte for byte.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

from generator import pipeline, routes
from generator.model.course import Course
from generator.model.outline import build_outline
from generator.model.quizpool import CHECK_PREFIX
from generator.render.quiz_views import QuizCatalog
from generator.render.templates import embed_json, make_environment
from generator.resources import TOOL_TEMPLATES

LAUNCHER = "scorm.html"  # the SCO the manifest points at; the site's own index.html stays a plain page
SCRIPT = "scorm.js"
MANIFEST = "imsmanifest.xml"
SUSPEND_LIMIT = 4096  # cmi.suspend_data is CMIString4096 in SCORM 1.2
READ_SUFFIX = ":scorm-read"  # localStorage key, after the quiz store's, of the chapters opened in the frame
# Not part of the package: courseware's own marker, and sitemaps (an LMS does not crawl; they carry build dates).
LEFT_OUT = (pipeline.MARKER, "sitemap.xml", "sitemap.xml.gz")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time in the bytes

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (f"{CP} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 "
                    f"imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd")


@dataclass(frozen=True)
class Packed:
    out: Path
    files: int
    size: int


def package_scorm(root: Path, out: Path | None, edition: str = "learner", strict: bool = False,
                  progress: pipeline.Progress = lambda _: None) -> tuple[pipeline.Outcome, Packed | None]:
    """Build the site into a scratch folder and zip it; the outcome's diagnostics are the build's."""
    with tempfile.TemporaryDirectory(prefix="courseware-scorm-") as scratch:
        outcome = pipeline.build(root, Path(scratch) / "site", edition, strict, progress)
        if outcome.failed(strict) or outcome.course is None:
            return outcome, None
        course = outcome.course
        entries = site_entries(Path(scratch) / "site")
    config = launcher_config(course)
    entries.update(launcher_files(course, config))
    entries[MANIFEST] = manifest(course, sorted(entries), mastery_score(config))
    target = (out or root / f"{course.syllabus.course.id}-scorm12.zip").resolve()
    write_zip(entries, target)
    return outcome, Packed(target, len(entries), target.stat().st_size)


def site_entries(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and path.name not in LEFT_OUT}


def completion_rule(course: Course) -> str:
    scorm = course.site.settings.scorm
    return str(scorm.completion) if scorm else "chapters"


def launcher_config(course: Course) -> dict[str, Any]:
    """What scorm.js needs: where progress is stored, which pages are the chapters, which quiz is the final."""
    outline = build_outline(course.syllabus)
    catalog = QuizCatalog(course, outline)
    quizzes = {view.pool.kind: view.pool for view in reversed(catalog.defined())}  # the first of each kind
    final, diagnostic = quizzes.get("final"), quizzes.get("diagnostic")
    nodes = catalog.nodes
    return {
        "storage": catalog.storage, "readKey": catalog.storage + READ_SUFFIX, "start": routes.as_html(routes.HOME),
        "chapters": [routes.as_html(entry.page) for entry in outline.chapters()],
        "finalId": final.id if final else None, "pass": final.pass_mark if final else 101,
        "diagnosticId": diagnostic.id if diagnostic else None,
        "completion": completion_rule(course), "limit": SUSPEND_LIMIT,
        # suspend_data refers to quizzes, parts and questions by their place in these lists (it must fit 4096
        # characters); restored review items get back the part and skill tags the progress page groups them by
        "quizzes": [[view.pool.id, view.pool.kind] for view in catalog.defined()]
        + [[CHECK_PREFIX + str(entry.node.id), "chapter"] for entry in catalog.chapters()],
        "parts": [str(part.node.id) for part in outline.parts],
        "questions": [[str(q.id), _part_of(nodes, str(q.node)), [str(tag) for tag in q.tags]]
                      for q in catalog.questions],
    }


def _part_of(nodes: dict[str, Any], node: str) -> str:
    entry = nodes.get(node)
    return str(entry.part.id) if entry else ""


def launcher_files(course: Course, config: dict[str, Any]) -> dict[str, bytes]:
    env = make_environment()
    title = str(course.syllabus.course.title)
    page = env.get_template("package/scorm.html.j2").render(
        title=title, config=embed_json(config), start=routes.as_html(routes.HOME), script=SCRIPT)
    return {LAUNCHER: page.encode("utf-8"), SCRIPT: (TOOL_TEMPLATES / "package" / SCRIPT).read_bytes()}


def mastery_score(config: dict[str, Any]) -> int | None:
    """Only when completion means passing the final: an LMS given a mastery score may turn a raw score below
    it into "failed", which would overrule "completed" for a learner who read every chapter."""
    return int(config["pass"]) if config["completion"] == "final" and config["finalId"] else None


def manifest(course: Course, files: Iterable[str], mastery: int | None) -> bytes:
    """One organization with one item, the launcher as its only SCO, every file of the package listed."""
    for prefix, uri in (("", CP), ("adlcp", ADLCP), ("xsi", XSI)):  # the prefixes LMS importers expect
        ET.register_namespace(prefix, uri)
    ident = _identifier(str(course.syllabus.course.id))
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": ident, "version": "1.0",
                                            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS})
    metadata = ET.SubElement(root, f"{{{CP}}}metadata")
    ET.SubElement(metadata, f"{{{CP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.2"
    _add_organization(root, ident, str(course.syllabus.course.title), mastery)
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    resource = ET.SubElement(resources, f"{{{CP}}}resource", {"identifier": f"{ident}-sco", "type": "webcontent",
                                                              f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCHER})
    for name in files:
        if name != MANIFEST:
            ET.SubElement(resource, f"{{{CP}}}file", {"href": quote(name)})
    ET.indent(root, " ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _add_organization(root: ET.Element, ident: str, title: str, mastery: int | None) -> None:
    organizations = ET.SubElement(root, f"{{{CP}}}organizations", {"default": f"{ident}-org"})
    organization = ET.SubElement(organizations, f"{{{CP}}}organization", {"identifier": f"{ident}-org"})
    ET.SubElement(organization, f"{{{CP}}}title").text = title
    item = ET.SubElement(organization, f"{{{CP}}}item", {"identifier": f"{ident}-item", "identifierref":
                                                          f"{ident}-sco", "isvisible": "true"})
    ET.SubElement(item, f"{{{CP}}}title").text = title
    if mastery is not None:
        ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(mastery)


def _identifier(course_id: str) -> str:
    """xsd:ID: a letter first, then letters, digits, '-', '_' or '.'."""
    return "cw-" + re.sub(r"[^A-Za-z0-9_.-]", "-", course_id)


def write_zip(entries: dict[str, bytes], out: Path) -> None:
    """Sorted names, fixed times and modes, the manifest first: same entries, same bytes. Written beside
    the target and moved into place, so a failed run leaves the previous zip as it was."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    names = sorted(entries, key=lambda name: (name != MANIFEST, name))
    with zipfile.ZipFile(partial, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, entries[name], compresslevel=9)
    partial.replace(out)

