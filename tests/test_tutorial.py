"""CONTRIBUTING's "Start a new explainer" tutorial, run from its own text, so that it cannot drift.

The steps are read from the section itself: a `<!-- tutorial-run -->` block is typed line by line in a
shell (`cd` moves on), a `<!-- tutorial-file: PATH -->` block is saved as PATH, a `<!-- tutorial-nav -->`
block replaces mkdocs.yml's nav, and a `<!-- tutorial-prints -->` block lists lines the run before it must
print (numbers may differ: timings). They run in a temporary folder standing for the engine's checkout,
with the engine this test runs on. One step is not re-done: the project's first `scripts/build.sh`
installs its .venv with pip (a minute or more); here the .venv links to this engine's commands and
carries setup.sh's stamp, so setup.sh finds it installed and the build runs as written
(tests/test_cli.py installs a project's .venv for real).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

GUIDE = Path(__file__).resolve().parent.parent / "CONTRIBUTING.md"
MARKED = re.compile(r"<!-- tutorial-(run|prints|nav|file: (?P<path>[^ ]+)) -->\n```[a-z]*\n(?P<body>.*?)\n```\n", re.S)


@dataclass
class Step:
    kind: str  # run, prints, nav, file
    body: str
    path: str = ""


def steps() -> list[Step]:
    text = GUIDE.read_text(encoding="utf-8")
    lines = text[text.index("## Start a new explainer"):].splitlines(keepends=True)
    fenced, kept = False, [lines[0]]
    for line in lines[1:]:  # up to the next heading of its level, outside the code blocks
        fenced ^= line.startswith("```")
        if line.startswith("## ") and not fenced:
            break
        kept.append(line)
    section = "".join(kept)
    found = [Step(m.group(1).split(":")[0], m.group("body"), m.group("path") or "") for m in MARKED.finditer(section)]
    assert found, "the tutorial's steps are marked in CONTRIBUTING.md"
    return found


def provide_venv(project: Path) -> None:
    """What the first scripts/build.sh installs, taken from this engine: its commands and setup.sh's stamp."""
    bin_dir = project / ".venv" / "bin"
    if (bin_dir / "python").exists():
        return
    bin_dir.mkdir(parents=True)
    for tool in ("python", "mkdocs", "cited-explainer"):
        (bin_dir / tool).symlink_to(Path(sys.executable).parent / tool)
    setup = project / "scripts" / "setup.sh"
    if setup.is_file():
        engine = re.search(r"^ENGINE=(.*)$", setup.read_text(encoding="utf-8"), re.M)
        assert engine, "scripts/setup.sh records the engine"
        requirements = (project / "requirements.txt").read_bytes()
        stamp = hashlib.sha256(requirements + engine.group(1).encode() + b"\n").hexdigest()
        (project / ".venv" / ".installed.sha256").write_text(stamp + "\n", encoding="utf-8")


def numbers_out(text: str) -> str:
    return re.sub(r"\d+(?:\.\d+)?", "N", text)


def test_the_tutorial_runs_as_written_and_shows_its_blocks(tmp_path: Path) -> None:
    checkout = tmp_path / "cited-explainer"
    checkout.mkdir()
    provide_venv(checkout)
    cwd = checkout
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("VIRTUAL_ENV", None)
    printed = ""
    for step in steps():
        if step.kind == "run":
            printed = ""
            for line in step.body.splitlines():
                command = line.split("  #")[0].strip()
                if not command:
                    continue
                if command.startswith("cd "):
                    cwd = (cwd / command[3:]).resolve()
                    continue
                if cwd != checkout:
                    provide_venv(cwd)
                result = subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=env)
                printed += result.stdout + result.stderr
                assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
        elif step.kind == "prints":
            for expected in step.body.splitlines():
                assert numbers_out(expected) in numbers_out(printed), f"expected {expected!r} in:\n{printed}"
        elif step.kind == "file":
            target = cwd / step.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.body + "\n", encoding="utf-8")
        else:  # nav: replaces the nav of mkdocs.yml
            config = cwd / "mkdocs.yml"
            text, count = re.subn(r"^nav:\n(?:  .*\n)+", step.body + "\n", config.read_text(encoding="utf-8"), flags=re.M)
            assert count == 1, "mkdocs.yml has one nav:"
            config.write_text(text, encoding="utf-8")

    site = cwd / "site"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text(" ", strip=True).rstrip("¶ ").strip() for h in home.select("article h1, article h2")]
    assert headings[:3] == ["The Riverton bridge", "The short version", "Timeline"], headings
    assert "Claims and responses" in headings, headings
    assert len(home.select(".timeline__event")) == 3
    assert len(home.select(".claims-table tbody tr")) == 2
    assert home.select(".footnote li") and all(
        li.get_text(" ", strip=True).startswith("Riverton Gazette (news report)") for li in home.select(".footnote li"))
    profile = BeautifulSoup((site / "people" / "alma-torres" / "index.html").read_text(encoding="utf-8"), "html.parser")
    title = profile.select_one("article h1")
    assert title is not None and title.get_text(strip=True).rstrip("¶") == "Alma Torres"
    assert "../../#inspection" in [a["href"] for a in profile.select("article a[href]")], "its timeline entry links home"
