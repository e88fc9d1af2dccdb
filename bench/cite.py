"""How well `cited-explainer cite` finds a passage from a paraphrase: measured on this site's own sentences.

    .venv/bin/python bench/cite.py [--show N]

Every cited sentence of the data is a paraphrase, written by a contributor, of
the passage it cites ("El Faro reported that ..." for the seed's own words).
Each sentence, as a query, should bring back the seed sentence holding its
cited passage. Printed: how often that sentence comes first, and within the
first three, for the whole sentences, and for their first five content words
only ("a few remembered words").
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.model.fields import citations_in  # noqa: E402
from macros.model.load import load_project  # noqa: E402
from macros.seeds.finder import Finder, _content_words  # noqa: E402


def main() -> None:
    project = load_project(ROOT)
    cases = []
    for entries in project.entries.values():
        for entry in entries.values():
            for _, citation, holder in citations_in(entry):
                text = getattr(holder, "text", None)
                if isinstance(text, str) and not citation.readers_comment:
                    located = project.locate(citation.source, citation.quote)
                    cases.append((text, located))
    cases = list(dict.fromkeys(cases))
    started = time.perf_counter()
    finder = Finder(project.seeds, 4)
    indexed = time.perf_counter() - started
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    for name, shorten in (("whole sentence", lambda q: q), ("five content words", lambda q: " ".join(_content_words(q)[:5]))):
        first = three = 0
        started = time.perf_counter()
        misses = []
        for text, located in cases:
            found = finder.nearest(shorten(text), 3)
            hits = [p.source_id == located.source_id and p.start < located.end and located.start < p.end for p in found]
            first += bool(hits and hits[0])
            three += any(hits)
            if not any(hits):
                misses.append(shorten(text))
        each = (time.perf_counter() - started) / len(cases) * 1000
        print(f"{name:>20}: {len(cases)} sentences, first {first / len(cases):.0%}, in the first three "
              f"{three / len(cases):.0%}; {each:.1f} ms a query")
        for miss in misses[:show]:
            print(f"{'':>22}missed: {miss}")
    print(f"{'':>22}index of {len(finder.sentences)} seed sentences built in {indexed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
