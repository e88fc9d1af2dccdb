"""Where one strict build's time goes: each plugin's import and events, Markdown and the theme, in CPU seconds.

    .venv/bin/python bench/stages.py                       # the real project, median of 5 builds
    .venv/bin/python bench/stages.py --project bench/out/x10 --runs 3   # a generated project (bench.py --keep)

bench/bench.py gives the ratio of the strict build to a plain Material build;
this says what the difference is made of. Each build runs in a fresh
interpreter (as `mkdocs build --strict` does), which times:

- the import of each plugin's module, with MkDocs, Material and Markdown
  already imported (they are the plain build's too);
- every event of every plugin, summed per plugin and event, by wrapping
  `PluginCollection.run_event` (this script only; the site does not patch it);
- Python-Markdown's conversion of each page and the theme's rendering of it,
  which a plain build does as well.

The rows are the medians over the runs, in CPU seconds of the build process;
the last lines add up what is ours (the `cited-explainer` plugin's import and
events, and the page macros mkdocs-macros calls) and what is mkdocs-macros'
own before any macro of ours runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the build's interpreter; prints one JSON object of {row: CPU seconds}.
PROBE = r"""
import json, os, sys, time
from collections import Counter
os.environ["NO_MKDOCS_2_WARNING"] = "1"
clock = time.process_time
rows = Counter()
started = clock()
import mkdocs.commands.build, mkdocs.config, mkdocs.plugins, markdown, material.plugins.search.plugin  # the plain build's
rows["MkDocs, Material, Markdown: import"] = clock() - started
for label, module in (("mkdocs-macros: import", "mkdocs_macros.plugin"),
                      ("cited-explainer: import", "macros.mkdocs_adapter.plugin")):
    t = clock(); __import__(module); rows[label] = clock() - t
from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page
NAMES = {"macros.mkdocs_adapter.plugin": "cited-explainer", "mkdocs_macros.plugin": "mkdocs-macros",
         "material.plugins.search.plugin": "search"}

def run_event(self, name, item=None, **kwargs):
    pass_item = item is not None
    for method in self.events[name]:
        self._current_plugin = self._event_origins.get(method, "<unknown>")
        owner = type(getattr(method, "__self__", None)).__module__
        t = clock()
        result = method(item, **kwargs) if pass_item else method(**kwargs)
        rows[f"{NAMES.get(owner, owner)}: on_{name}"] += clock() - t
        if result is not None:
            item = result
    self._current_plugin = None
    return item

PluginCollection.run_event = run_event
render = Page.render
def timed_render(self, *args, **kwargs):
    t = clock(); render(self, *args, **kwargs); rows["Markdown: pages converted"] += clock() - t
Page.render = timed_render
build_page = mkdocs.commands.build._build_page
def timed_build_page(*args, **kwargs):
    t = clock(); build_page(*args, **kwargs); rows["theme: pages rendered (with on_page_context, on_post_page)"] += clock() - t
mkdocs.commands.build._build_page = timed_build_page
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "-q", "-d", sys.argv[1]]
try:
    cli()
except SystemExit as exit:
    if exit.code:
        raise
rows["whole process (CPU)"] = clock()
print("STAGES " + json.dumps(rows))
"""


def one_build(project: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-stages-") as site:
        return run_probe(PROBE, [site], project, "STAGES")


def run_probe(code: str, args: list[str], project: Path, tag: str) -> dict[str, Any]:
    """Run a probe (a build in a fresh interpreter, with the project's own engine first on the path); the JSON
    object it prints on its line `<tag> {...}`. SystemExit with the build's output when it fails."""
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project)))
    line = next((x for x in result.stdout.splitlines() if x.startswith(f"{tag} ")), None)
    if result.returncode or line is None:
        raise SystemExit(f"the build of {project} failed:\n{result.stdout}{result.stderr}")
    return dict(json.loads(line[len(tag) + 1:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    project = args.project.resolve()
    runs: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.runs):
        for row, seconds in one_build(project).items():
            runs[row].append(seconds)
    median = {row: statistics.median(values + [0.0] * (args.runs - len(values))) for row, values in runs.items()}
    print(f"{project}: median of {args.runs} builds, CPU seconds; load average {os.getloadavg()[0]:.1f}")
    for row, seconds in sorted(median.items(), key=lambda kv: -kv[1]):
        if seconds >= 0.0005:
            print(f"{seconds:8.3f}  {row}")
    ours = sum(s for row, s in median.items() if row.startswith("cited-explainer:"))
    page_macros = median.get("mkdocs-macros: on_page_markdown", 0.0)
    macros_own = sum(s for row, s in median.items() if row.startswith("mkdocs-macros:") and "page_markdown" not in row)
    print(f"OURS {ours:.3f} s: the cited-explainer plugin's import and events")
    print(f"MACROS_PAGES {page_macros:.3f} s: mkdocs-macros rendering the pages, our page macros included")
    print(f"MACROS_OWN {macros_own:.3f} s: mkdocs-macros' import and its other events, before any macro of ours")
    return 0


if __name__ == "__main__":
    sys.exit(main())
