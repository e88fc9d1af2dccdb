"""Step 4: every citation in the data verified against its seed.

A citation's quote must stand in its seed (`verify_citation`), hold the
words its entry shows as printed, and be marked `readers_comment: true`
exactly when it quotes a reader's comment.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from macros.citations.readers_comment import READERS_COMMENT_HINT, readers_comment_mismatch
from macros.citations.verify import (
    CitationFailure,
    Located,
    masthead_check,
    passage_key,
    verify_citation,
)
from macros.model.context import LoadContext
from macros.model.fields import citations_in
from macros.problems.problem import Problem, Where
from macros.problems.words import format_loc
from macros.seeds.matching import normalized_text

_NOTHING: dict[str, str] = {}  # no words a citation must hold (never changed)


def verify_data_citations(ctx: LoadContext) -> None:
    for kind, entries in ctx.project.entries.items():
        for entry in entries.values():
            for loc, citation, holder in citations_in(entry):
                names = getattr(type(holder), "verbatim_in_citations", ())
                must = {name: getattr(holder, name) for name in names} if names else _NOTHING
                located = verify(ctx, kind, entry, loc + ("quote",), citation.source, citation.quote, must)
                if located:
                    _masthead_only(ctx, kind, entry, loc + ("quote",), citation.source, citation.quote,
                                   str(getattr(holder, "text", "") or ""))
                if located and located.in_comment and citation.readers_comment:
                    # Where a page that shows it is told to look: the data entry, not the page.
                    ctx.project.comment_citations.setdefault(located.key, Problem(
                        message="", **_where(ctx, kind, entry, loc)))
                if located and located.in_comment != citation.readers_comment:
                    ctx.problems.add(Problem(
                        ctx.file_of(kind), readers_comment_mismatch(located),
                        line=ctx.line_of(kind, entry, loc), entry=getattr(entry, "id", None),
                        field=format_loc(loc + ("readers_comment",)), details=(("quote", citation.quote),),
                        hint=READERS_COMMENT_HINT))
    for quote in ctx.project.quotes.values():
        if quote.source in ctx.project.seeds:
            must = {"text": quote.text}
            if quote.when:
                must["when"] = quote.when
            if quote.where:
                must["where"] = quote.where
            verify(ctx, "quotes", quote, ("context",), quote.source, quote.context, must)


def verify(ctx: LoadContext, kind: str, entry: Any, loc: tuple[Any, ...], source_id: str, quote: str,
           must_contain: dict[str, str]) -> Located | None:
    if source_id not in ctx.project.sources:
        if loc[-1] == "quote":
            ctx.ref(kind, entry, loc[:-1] + ("source",), "sources", source_id)
        return None
    if source_id not in ctx.project.seeds:
        return None  # the seed's own problem is already reported
    known = ctx.verified.get((source_id, quote))
    if known is None:  # the same passage is often cited more than once: located once
        found = verify_citation(source_id, quote, ctx.project.seeds, ctx.settings.min_quote_words, ctx.file_of("sources"))
        known = ctx.verified[(source_id, quote)] = (found, passage_key(source_id, quote))
    result, key = known
    if isinstance(result, CitationFailure):
        ctx.problems.add(Problem(message=result.message, details=result.details, hint=result.hint,
                                 **_where(ctx, kind, entry, loc)))
        return None
    for name, value in must_contain.items():
        if _nfc(value) not in _nfc(quote):  # in one normal form: a quote may be typed in another than the seed
            where = _where(ctx, kind, entry, loc)
            ctx.problems.add(Problem(
                message=f"`{name}:` says \"{value}\", but this quote does not hold those words",
                details=(("quote", f'"{quote}"'),),
                hint=(f"the words of `{name}:` are shown as the source prints them, so the citation must hold them: "
                      f"quote the passage where the seed prints \"{value}\", or copy `{name}:` from the quote"),
                **where))
    ctx.project.located[key] = result
    return result


def _masthead_only(ctx: LoadContext, kind: str, entry: Any, loc: tuple[Any, ...], source_id: str, quote: str,
                   sentence: str) -> None:
    """A quote made only of the seed's headline or byline, unless the sentence names the article by those words."""
    source = ctx.project.sources[source_id]
    failure = masthead_check(quote, source.headline, source.byline, sentence)
    if failure:
        ctx.problems.add(Problem(message=failure.message, details=failure.details, hint=failure.hint,
                                 **_where(ctx, kind, entry, loc)))


def _where(ctx: LoadContext, kind: str, entry: Any, loc: tuple[Any, ...]) -> Where:
    """Where a problem with a citation is: worked out only when there is one."""
    return {"file": ctx.file_of(kind), "line": ctx.line_of(kind, entry, loc),
            "entry": getattr(entry, "id", None), "field": format_loc(loc)}


def _nfc(text: str) -> str:
    return normalized_text(unicodedata.normalize("NFC", text))
