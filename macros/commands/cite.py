"""`cited-explainer cite "words"`: the passages nearest to some words, and the citation to paste.

Reads the project's sources and seeds (not the rest: a draft with problems
elsewhere can still look up a passage), then prints the best passages,
nearest first, each with its source's id and label and the words found
marked [like this], followed by the footnote line for a hand-written page
and the `cite:` entry for a data file.
"""

from __future__ import annotations

import json
import sys

from macros.model.context import LoadContext
from macros.model.settings import Settings
from macros.model.steps.data_files import read_data_files
from macros.model.steps.seeds import read_seeds
from macros.problems.problem import ContributorError, Problem
from macros.seeds.finder import Finder, Passage


def print_passages(settings: Settings, query: str, top: int, source_id: str | None) -> int:
    ctx = LoadContext.for_settings(settings)
    read_data_files(ctx)
    read_seeds(ctx)
    seeds = ctx.project.seeds
    if source_id is not None and source_id not in seeds:
        known = ", ".join(sorted(seeds)) or "none yet"
        raise ContributorError([Problem(ctx.file_of("sources"), f"there is no source with id '{source_id}' whose seed reads",
                                        field="--source", hint=f"use one of: {known}")])
    if not seeds:
        raise ContributorError([Problem(ctx.file_of("sources"), "no source has a seed to search yet",
                                        hint="put an article's text in seeds/, then: "
                                             "cited-explainer add-source seeds/FILE --id ID")])
    passages = Finder(seeds, settings.min_quote_words).nearest(query, top, source_id)
    if not passages:
        print(f"No passage of the seeds holds any of the words of \"{query}\".\n"
              "Try other words, the names of the people or places it mentions, or fewer words.")
        return 1
    print(f"The {len(passages)} passage{'s' if len(passages) != 1 else ''} nearest to \"{query}\", nearest first "
          "(the words found in [brackets]):\n")
    for number, passage in enumerate(passages, start=1):
        source = ctx.project.sources[passage.source_id]
        seed = seeds[passage.source_id]
        paragraph = seed.paragraph_of(passage.start).index
        print(f"{number}. {passage.source_id} ({source.label}), paragraph {paragraph}, score {passage.score:.2f}")
        print(f"   {marked(passage)}\n")
    best = passages[0]
    quote = best.text
    print(f"To cite passage 1 on a hand-written page, end the sentence with [^1] and add the line:\n\n"
          f"[^1]: {best.source_id}: \"{quote}\"\n\n"
          f"In a data file, under the sentence's `text:`:\n\n"
          f"cite:\n  - source: {best.source_id}\n    quote: {json.dumps(quote, ensure_ascii=False)}\n\n"
          "Shorten the quote to the words that support your sentence (at least "
          f"{settings.min_quote_words}), copied as they stand.")
    if ctx.problems:
        print(f"\n(The sources or seeds have {len(ctx.problems.items)} problem(s); `cited-explainer check` lists them.)",
              file=sys.stderr)
    return 0


def marked(passage: Passage) -> str:
    """The passage with each word found between brackets."""
    out, at = [], 0
    for start, end in passage.found:
        out.append(passage.text[at:start] + "[" + passage.text[start:end] + "]")
        at = end
    return "".join(out) + passage.text[at:]
