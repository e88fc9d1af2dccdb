"""A reader's comment under an article is never evidence.

A citation whose passage stands in the readers' comments (from the source's
`comments_begin` on) must say so with `readers_comment: true`, and one that
says so must point into them: the mark is explicit, checked both ways. No
explainer page may show such a citation (`PageFootnotes.ref` refuses it); the
comment stays on the article's archive page, labelled as a reader's comment.
"""

from __future__ import annotations

from macros.citations.verify import Located

READERS_COMMENT_HINT = (
    "a reader's comment is not the article's reporting and is never evidence on an explainer page; "
    "cite the article's own text instead (the comment stays readable, labelled, on the article's archive page)")


def readers_comment_mismatch(located: Located) -> str:
    if located.in_comment:
        return (f"this passage is a reader's comment under the article '{located.source_id}', not the article's "
                "own text: a data citation of it must be marked `readers_comment: true`, and no explainer page may cite it")
    return (f"`readers_comment: true`, but this passage is the article's own text, not a reader's comment "
            f"under '{located.source_id}'")


def comment_shown_on_page(located: Located, page: str) -> str:
    """A data citation of a reader's comment that a page would show, said of the data entry that holds it."""
    return (f"cites a reader's comment under '{located.source_id}' (\"{located.quote}\"), and {page} shows it; "
            "a reader's comment is never evidence on an explainer page (it stays on the article's archive page, "
            "labelled): cite the article's own text, or remove the sentence")
