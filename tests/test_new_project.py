"""A new explainer in one command: `python -m macros new`, `add-source`, one cited sentence, a strict build.

The project is made in a temporary folder with a seed of its own
(tests/fixtures/council-vote.txt) and builds with the installed engine: no
file of this story is copied.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup
from conftest import build_in_process

from macros.commands.main import main
from macros.commands.scaffold import required_to_fill
from macros.model.schema import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "council-vote.txt"
QUOTE = "voted on Monday to close the old river bridge"
# What a contributor would write in fields add-source cannot know and the build requires (today: none; the
# genre may stay null until someone has read the piece, so the project builds right after add-source).
FILLED: dict[str, str] = {}
PAGE = f"""# The bridge

The town council voted to close the bridge, the Gazette reported.[^vote]

[^vote]: council-vote: "{QUOTE}"
"""


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as a contributor types it, in a new interpreter in the project's folder."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=env)


def run_here(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The same command run in this process (the same code, without a new interpreter's start-up)."""
    if args[:2] == ["-m", "mkdocs"]:
        return build_in_process(cwd, cwd / "site")
    assert args[:2] == ["-m", "macros"], args
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args[2:])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def new_project(tmp_path: Path, run: Callable[[list[str], Path], subprocess.CompletedProcess[str]] = run) -> Path:
    result = run(["-m", "macros", "new", "bridge-story"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "bridge-story"


def test_new_project_builds_as_created(tmp_path: Path) -> None:
    """Created and built untouched: the guide page is exempt, every data file empty but valid."""
    project = new_project(tmp_path, run_here)
    assert not (project / "macros").exists(), "the new project uses the installed engine, not a copy"
    for filename, (key, _) in DATA_FILES.items():
        assert yaml.safe_load((project / "data" / filename).read_text(encoding="utf-8")) == {key: []}
    readme = (project / "README.md").read_text(encoding="utf-8")
    for command in ("bash scripts/build.sh", "bash scripts/serve.sh", ".venv/bin/cited-explainer add-source",
                    ".venv/bin/cited-explainer check", ".venv/bin/cited-explainer cite"):
        assert command in readme, command
    for script in ("setup.sh", "build.sh", "serve.sh"):
        assert os.access(project / "scripts" / script, os.X_OK), script
    # The engine is recorded where it was found (this checkout, installed editable), never a path to edit by hand.
    assert f"ENGINE={ROOT}\n" in (project / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert (project / "requirements.txt").read_text(encoding="utf-8").count("--hash=sha256:") > 40
    result = run_here(["-m", "mkdocs", "build", "--strict"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in sorted(p for p in project.rglob("*") if p.is_file() and "site" not in p.relative_to(project).parts):
        text = path.read_text(encoding="utf-8")  # nothing of this story, in any file the command wrote
        for word in ("Bukele", "Salvador", "MS-13", "brigida", "El Faro", "Treasury", "Luna", "gang", "truce"):
            assert word.lower() not in text.lower(), f"{path.relative_to(project)} names {word!r}"


def test_add_source_then_one_cited_sentence_builds_and_links_to_the_passage(tmp_path: Path) -> None:
    """`python -m macros new` as typed, in a new interpreter (the alias README gives); then add-source and the
    builds in this process, the same code (test_tutorial.py types `cited-explainer add-source` and the build
    in a shell, and the session's site is built by the `mkdocs build --strict` command)."""
    project = new_project(tmp_path)
    shutil.copy(FIXTURE, project / "seeds" / "council-vote.txt")
    result = run_here(["-m", "macros", "add-source", "seeds/council-vote.txt", "--id", "council-vote"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    sources = yaml.safe_load((project / "data" / "sources.yml").read_text(encoding="utf-8"))["sources"]
    assert [s["id"] for s in sources] == ["council-vote"]
    assert len(sources[0]["sha256"]) == 64 and sources[0]["headline"] is None
    # The contributor fills in what add-source asks for, and the headline as printed, backslash and all.
    path = project / "data" / "sources.yml"
    text = path.read_text(encoding="utf-8").replace("headline:\n", 'headline: "Bridge \\\\ closed: the council votes"\n')
    for name in required_to_fill():
        assert f"`{name}`" in result.stdout, result.stdout
        text = text.replace(f"{name}: null", f"{name}: {FILLED[name]}")
    path.write_text(text, encoding="utf-8")
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")

    result = run_here(["-m", "mkdocs", "build", "--strict"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    home = BeautifulSoup((project / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = home.select(".footnote a.cite-link")
    assert len(links) == 1, home.select_one(".footnote")
    target = urlsplit(urljoin("http://site/", links[0]["href"]))
    assert target.path == "/sources/council-vote/", target
    archive = BeautifulSoup((project / "site" / "sources" / "council-vote" / "index.html").read_text(encoding="utf-8"),
                            "html.parser")
    mark = archive.find(id=target.fragment)
    assert mark is not None and mark.name == "mark" and mark.get_text() == QUOTE
    assert archive.select_one("h1").get_text() == "Bridge \\ closed: the council votes"
    back = archive.select_one(".cited-by a")
    assert back is not None and back["href"].endswith("#fnref:cite-1")

    (project / "docs" / "index.md").write_text(PAGE.replace("old river bridge", "old railway bridge"), encoding="utf-8")
    result = run_here(["-m", "mkdocs", "build", "--strict"], project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "docs/index.md:5, field '[^vote]': the quote is not in the seed of 'council-vote' (council-vote.txt)" in output, output
    assert "Traceback" not in output, output


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_here(["-m", "macros", "new", "taken"], tmp_path)
    assert result.returncode == 1 and "this folder already exists and is not empty" in result.stderr, result.stderr
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["notes.txt"]


def test_add_source_refuses_a_file_outside_seeds_and_a_used_id(tmp_path: Path) -> None:
    project = new_project(tmp_path, run_here)
    shutil.copy(FIXTURE, project / "council-vote.txt")
    result = run_here(["-m", "macros", "add-source", "council-vote.txt", "--id", "council-vote"], project)
    assert result.returncode == 1 and "the seed must be a file directly in seeds/" in result.stderr, result.stderr
    shutil.copy(FIXTURE, project / "seeds" / "council-vote.txt")
    assert run_here(["-m", "macros", "add-source", "seeds/council-vote.txt", "--id", "council-vote"], project).returncode == 0
    shutil.copy(FIXTURE, project / "seeds" / "copy.txt")
    result = run_here(["-m", "macros", "add-source", "seeds/copy.txt", "--id", "council-vote"], project)
    assert result.returncode == 1 and "the id 'council-vote' is already used" in result.stderr, result.stderr


def test_every_plugin_option_is_documented() -> None:
    """Each option of the plugin's config has a row in CONTRIBUTING's table, with its default."""
    from macros.mkdocs_adapter.plugin import ExplainerConfig

    guide = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name, option in ExplainerConfig._schema:
        default = "none" if option.default is None else str(option.default)
        assert f"| `{name}` | `{default}` |" in guide or f"| `{name}` | {default} |" in guide, name


def test_add_source_outside_a_project_says_so_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(FIXTURE, tmp_path / "seeds" / "council-vote.txt")
    result = run_here(["-m", "macros", "add-source", "seeds/council-vote.txt", "--id", "council-vote"], tmp_path)
    assert result.returncode == 1 and "this folder is not an explainer project" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "data").exists()
