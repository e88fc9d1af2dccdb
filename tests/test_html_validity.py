"""Every built page passes the Nu HTML Checker (npm package vnu-jar, run with
java), except for errors in Material's own templates, which this site does
not write and cannot fix.

An error is Material's when the element it points at is one Material's
templates write: its start tag, as far as the first class, stands in a file
under material/templates (for example `<input class="md-toggle"` in
base.html). Everything else, in the site's pages, templates and data, must
be valid HTML.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import material
from conftest import ROOT, BuiltSite

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
_START_TAG = re.compile(r'<(?P<tag>[a-z][a-z0-9]*)\s+class="(?P<cls>[^" ]+)')


@cache
def _material_sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in MATERIAL_TEMPLATES.rglob("*.html"))


def is_materials(message: dict) -> bool:
    """True when the error points at an element written by a Material template."""
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    tag = _START_TAG.search(extract[start:start + message.get("hiliteLength", len(extract))] or extract)
    if tag is None or not tag.group("cls").startswith("md-"):
        return False
    return f'<{tag.group("tag")} class="{tag.group("cls")}' in _material_sources()


def run_checker(site: Path) -> list[dict]:
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs java on PATH (Debian: apt-get install default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: run bash scripts/setup.sh --test (npm ci installs vnu-jar)"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_every_page_passes_the_nu_html_checker_except_materials_templates(site: BuiltSite):
    messages = run_checker(site.path)
    ours = [m for m in messages if not is_materials(m)]
    pages = {m.get("url", "") for m in messages}
    shown = "\n".join(f'{m.get("url", "").split(site.path.name, 1)[-1]}:{m.get("lastLine")}: {m["message"]}\n'
                      f'    {m.get("extract", "").strip()[:160]}' for m in ours)
    assert not ours, f"{len(ours)} HTML error(s) outside Material's templates:\n{shown}"
    # The exception is narrow: what it lets through is Material's, and the checker did read the site.
    assert all(is_materials(m) for m in messages)
    assert len(list(site.path.rglob("*.html"))) > 10 and (not messages or pages)


def test_the_material_exception_does_not_cover_the_sites_own_markup():
    ours = {"extract": '<li class="timeline__event" id="truce-2012">', "hiliteStart": 0, "hiliteLength": 44}
    materials = {"extract": '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
                 "hiliteStart": 0, "hiliteLength": 98}
    invented = {"extract": '<div class="md-not-a-material-class">', "hiliteStart": 0, "hiliteLength": 37}
    assert not is_materials(ours)
    assert is_materials(materials)
    assert not is_materials(invented)
