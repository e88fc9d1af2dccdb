"""The `cited-explainer` command in a new project: still to fill, readers' comments, genres, cite; and the
engine installed from a wheel into a project's own .venv, in a shell with nothing activated."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from test_new_project import FIXTURE, ROOT, new_project, run_here

from macros.model.genres import genres
from macros.model.schema import Genre

OPINION = Path(__file__).parent / "fixtures" / "bridge-opinion.txt"
PAGE = """# The bridge

The town council voted to close the bridge, the Gazette reported.[^vote]

[^vote]: council-vote: "voted on Monday to close the old river bridge"
"""


def _project(tmp_path: Path) -> Path:
    project = new_project(tmp_path, run_here)
    shutil.copy(FIXTURE, project / "seeds" / "council-vote.txt")
    assert run_here(["-m", "macros", "add-source", "seeds/council-vote.txt", "--id", "council-vote"], project).returncode == 0
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    return project


def _fill(project: Path, **fields: str) -> None:
    path = project / "data" / "sources.yml"
    text = path.read_text(encoding="utf-8")
    for name, value in fields.items():
        assert f"    {name}:\n" in text, name
        text = text.replace(f"    {name}:\n", f"    {name}: {value}\n", 1)
    path.write_text(text, encoding="utf-8")


def _publishing(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("fail_on_still_to_fill: false", "fail_on_still_to_fill: true"),
                      encoding="utf-8")


def test_check_and_a_draft_build_list_what_is_still_to_fill_and_publishing_fails_on_it(tmp_path: Path) -> None:
    project = _project(tmp_path)
    check = run_here(["-m", "macros", "check"], project)
    assert check.returncode == 0, check.stderr
    assert "9 fields still to fill:" in check.stdout, check.stdout
    assert "data/sources.yml:7, entry 'council-vote', field 'headline': still to fill" in check.stdout
    assert "data/sources.yml:15, entry 'council-vote', field 'genre': still to fill" in check.stdout
    draft = run_here(["-m", "mkdocs", "build", "--strict"], project)
    assert draft.returncode == 0, draft.stderr  # a draft builds (the list is in its log, at INFO)
    _publishing(project)
    published = run_here(["-m", "mkdocs", "build", "--strict"], project)
    assert published.returncode == 1 and "fail_on_still_to_fill: true" in published.stderr, published.stderr
    assert "entry 'council-vote', field 'byline': still to fill" in published.stderr
    assert run_here(["-m", "macros", "check"], project).returncode == 1
    # null is an answer ("not stated"); each value filled or null, the publishing build passes.
    _fill(project, headline='"Bridge \\\\ closed: the council votes"', subheadline="null", outlet="Riverton Gazette",
          byline="null", date="null", updated="null", section="null", tag="Riverton Gazette", genre="news report")
    check = run_here(["-m", "macros", "check"], project)
    assert check.returncode == 0 and "still to fill" not in check.stdout, check.stdout
    assert run_here(["-m", "mkdocs", "build", "--strict"], project).returncode == 0
    assert "fail_on_still_to_fill: true" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), "the example site publishes"


def test_a_comment_section_is_found_and_its_boundary_must_be_confirmed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    shutil.copy(OPINION, project / "seeds" / "bridge-opinion.txt")
    added = run_here(["-m", "macros", "add-source", "seeds/bridge-opinion.txt", "--id", "bridge-opinion"], project)
    assert added.returncode == 0, added.stderr
    assert "seeds/bridge-opinion.txt, line 9, looks like the start of readers' comments:" in added.stdout, added.stdout
    assert 'comments_begin: "Comments Sam Ortiz wrote:"' in added.stdout, added.stdout
    check = run_here(["-m", "macros", "check"], project)
    assert "entry 'bridge-opinion', field 'comments_begin': still to fill" in check.stdout, check.stdout
    # Confirmed, the comment is the reader's: a page citing it is stopped, naming the page.
    _fill(project, comments_begin='"Comments Sam Ortiz wrote:"')
    check = run_here(["-m", "macros", "check"], project)
    assert "comments_begin" not in check.stdout, check.stdout
    page = (PAGE + "\nThe bridge can carry the town for a century.[^c]\n\n"
            '[^c]: bridge-opinion: "it can carry us for another century"\n')
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    check = run_here(["-m", "macros", "check"], project)
    assert check.returncode == 1 and "is a reader's comment under the article 'bridge-opinion'" in check.stderr, check.stderr
    # A source without a comment section gets no comments_begin to confirm.
    assert "comments_begin" not in (project / "data" / "sources.yml").read_text(encoding="utf-8").split("bridge-opinion")[0]


def test_genres_are_one_vocabulary_and_readers_see_its_labels(tmp_path: Path) -> None:
    vocabulary = genres()
    assert list(vocabulary) == list(Genre.__args__), "macros/templates/genres.yml and schema.Genre list the same keys"
    required = {"news report", "analysis", "opinion", "editorial", "unsigned commentary", "official statement",
                "press release", "official report", "interview", "transcript", "court document"}
    assert required <= set(vocabulary)
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for key, info in vocabulary.items():
        assert f"| `{key}` | {info.label} |" in guide, key
    project = _project(tmp_path)
    _fill(project, tag="Riverton Gazette", genre="opinion")
    (project / "docs" / "sources.md").write_text("---\nuncited: The sources.\n---\n# Sources\n\n{{ source_cards() }}\n",
                                                 encoding="utf-8")
    config = project / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8").replace("  - Home: index.md\n", "  - Home: index.md\n  - Sources: sources.md\n")
    config.write_text(nav, encoding="utf-8")
    result = run_here(["-m", "mkdocs", "build", "--strict"], project)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((project / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one(".footnote li").get_text().strip().startswith("Riverton Gazette (signed opinion piece).")
    cards = BeautifulSoup((project / "site" / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert cards.select_one(".source-card__genre").get_text().startswith("Signed opinion piece · cited as")


def test_cite_finds_the_passage_from_a_paraphrase_and_its_footnote_builds(tmp_path: Path) -> None:
    project = _project(tmp_path)
    shutil.copy(OPINION, project / "seeds" / "bridge-opinion.txt")
    run_here(["-m", "macros", "add-source", "seeds/bridge-opinion.txt", "--id", "bridge-opinion"], project)
    _fill(project, comments_begin='"Comments Sam Ortiz wrote:"')
    found = run_here(["-m", "macros", "cite", "engineers", "saw", "cracked", "piers"], project)
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[2].startswith("1. council-vote (council vote), paragraph 3"), found.stdout
    assert "after [engineers] found [cracks] in two of its [piers]" in lines[3], found.stdout
    footnote = next(line for line in lines if line.startswith("[^1]: "))
    assert footnote == '[^1]: council-vote: "The town council voted on Monday to close the old river bridge after ' \
                       'engineers found cracks in two of its piers."'
    assert "quote: \"The town council voted" in found.stdout
    # Readers' comments are never offered.
    comment = run_here(["-m", "macros", "cite", "grandfather's", "cart", "century"], project)
    assert comment.returncode == 1 and "No passage of the seeds holds" in comment.stdout, comment.stdout
    pasted = (PAGE + "\nEngineers found cracks in two piers, the Gazette reported.[^2]\n\n"
              + footnote.replace("[^1]", "[^2]") + "\n")
    (project / "docs" / "index.md").write_text(pasted, encoding="utf-8")
    assert run_here(["-m", "mkdocs", "build", "--strict"], project).returncode == 0


def test_cite_finds_this_site_passages_from_loose_paraphrases() -> None:
    from macros.model.load import load_project
    from macros.seeds.finder import Finder

    finder = Finder(load_project(ROOT).seeds, 4)
    for words, source, passage in [
        ("Bukele denied negotiating with the gangs", "us-accuses-secret-deal", "Bukele has denied negotiating with gangs"),
        ("Luna Meza sanctions", "us-accuses-secret-deal", "dealing with any properties owned by Luna Meza"),
        ("talks in the prisons started soon after the president took office", "vice-secret-talks",
         "The prison talks began shortly after President Nayib Bukele took office"),
    ]:
        best = finder.nearest(words, 3)
        assert any(p.source_id == source and passage in p.text for p in best), (words, best)


def test_the_engine_lock_for_new_projects_is_current() -> None:
    result = subprocess.run([sys.executable, "scripts/lock_engine.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_project_installs_the_engine_wheel_and_builds_in_a_shell_with_nothing_activated(tmp_path: Path) -> None:
    """The README's first command, as a new user runs it: a wheel of this engine, `new`, then scripts/build.sh
    in a clean environment (no venv activated, a bare PATH); the project's own .venv then runs `new` again from
    the installed wheel, and its commands work from the project's root."""
    wheels, source = tmp_path / "wheels", tmp_path / "engine"  # built from a copy: setuptools writes into its source
    shutil.copytree(ROOT / "macros", source / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", source)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels),
                            str(source)], capture_output=True, text=True, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("cited_explainer-*.whl"))
    made = run_here(["-m", "macros", "new", "story", "--engine", str(wheel)], tmp_path)
    assert made.returncode == 0, made.stderr
    story = tmp_path / "story"
    clean = {"HOME": os.environ.get("HOME", str(tmp_path)), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(["bash", "scripts/build.sh"], cwd=story, env=clean, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (story / "site" / "index.html").is_file()
    installed = subprocess.run([str(story / ".venv" / "bin" / "cited-explainer"), "new", str(tmp_path / "again")],
                               cwd=tmp_path, env=clean, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    assert f"ENGINE={wheel}\n" in (tmp_path / "again" / "scripts" / "setup.sh").read_text(encoding="utf-8")
    shutil.copy(FIXTURE, story / "seeds" / "council-vote.txt")
    command = str(story / ".venv" / "bin" / "cited-explainer")
    added = subprocess.run([command, "add-source", "seeds/council-vote.txt", "--id", "council-vote"], cwd=story, env=clean,
                           capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    sources = yaml.safe_load((story / "data" / "sources.yml").read_text(encoding="utf-8"))["sources"]
    assert [s["id"] for s in sources] == ["council-vote"]
    checked = subprocess.run([command, "check"], cwd=story, env=clean, capture_output=True, text=True)
    assert checked.returncode == 0 and "9 fields still to fill" in checked.stdout, checked.stdout + checked.stderr
    cited = subprocess.run([command, "cite", "ferry", "meantime"], cwd=story, env=clean, capture_output=True, text=True)
    assert '[^1]: council-vote: "The mayor said repairs would take at least a year' in cited.stdout, cited.stdout


def test_the_engine_adds_the_extension_its_collapsible_blocks_need(tmp_path: Path) -> None:
    """A project whose mkdocs.yml does not list pymdownx.details still gets the engine's collapsible blocks."""
    project = _project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - pymdownx.details\n", ""), encoding="utf-8")
    quote = 'source: council-vote\n            quote: "{}"'
    (project / "data" / "glossary.yml").write_text(
        "terms:\n  - id: ferry\n    term: ferry\n    definition:\n"
        "      - text: The mayor said a ferry would run while the bridge is repaired.\n        cite:\n          - "
        + quote.format("a ferry would run in the meantime") + "\n"
        "      - text: The mayor said repairs would take at least a year.\n        cite:\n          - "
        + quote.format("repairs would take at least a year") + "\n", encoding="utf-8")
    (project / "docs" / "index.md").write_text(PAGE + "\n{{ glossary() }}\n", encoding="utf-8")
    result = run_here(["-m", "mkdocs", "build", "--strict"], project)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((project / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "???" not in home.get_text()


def _as_mkdocs_reads_it(root: Path):
    from mkdocs.config import load_config

    from macros.mkdocs_adapter.config import ExplainerConfig, settings_of

    config = load_config(config_file=str(root / "mkdocs.yml"))
    options = next((p.config for p in config.plugins.values() if isinstance(p.config, ExplainerConfig)), None)
    return settings_of(config, options)


def test_the_command_line_reads_mkdocs_yml_as_mkdocs_build_does(tmp_path: Path, monkeypatch) -> None:
    """The check reads only docs_dir and the plugin's options (not every plugin and the theme): the same
    settings as MkDocs' whole validation makes, for this project, the example, and a file with INHERIT,
    an !ENV option, a mapping of plugins and its own docs_dir."""
    from macros.mkdocs_adapter.config import project_settings

    project = tmp_path / "inherits"
    (project / "pages").mkdir(parents=True)
    (project / "base.yml").write_text("site_name: Base\nplugins:\n  search: {}\n  cited-explainer:\n"
                                      "    min_quote_words: 4\n    seeds_dir: articles\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "INHERIT: base.yml\ndocs_dir: pages\nplugins:\n  cited-explainer:\n"
        "    glossary_page: !ENV [CITED_TEST_GLOSSARY, terms.md]\n    fail_on_still_to_fill: true\n", encoding="utf-8")
    monkeypatch.setenv("CITED_TEST_GLOSSARY", "words.md")
    for root in (ROOT, ROOT / "examples" / "water-contract", project):
        assert project_settings(root) == _as_mkdocs_reads_it(root), root
    ours = project_settings(project)
    assert (ours.glossary_page, ours.min_quote_words, ours.seeds_dir, ours.docs_dir) == \
        ("words.md", 4, "articles", (project / "pages").resolve())


def test_the_check_reads_mkdocs_yml_without_loading_the_plugins_or_the_theme() -> None:
    probe = ("import sys; from pathlib import Path; from macros.mkdocs_adapter.config import project_settings; "
             "project_settings(Path('.')); "
             "print([m for m in ('material', 'mkdocs_macros', 'macros.mkdocs_adapter.plugin') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr


def test_a_wrong_plugin_option_is_named_by_the_check(tmp_path: Path) -> None:
    project = new_project(tmp_path, run_here)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "fail_on_still_to_fill: false" in text
    config.write_text(text.replace("fail_on_still_to_fill: false", "fail_on_still_to_fill: false\n      min_quote_words: many"),
                      encoding="utf-8")
    result = run_here(["-m", "macros", "check"], project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "mkdocs.yml, field 'plugins: cited-explainer: min_quote_words'" in result.stderr, result.stderr
