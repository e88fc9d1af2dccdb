"""schema.org JSON-LD for each page's head, with only what the seeds print.

- An explainer page is an `Article` (its headline is the page's own title)
  whose `citation` lists the articles it cites, in order of first citation,
  each with its headline, date and author only where the article prints them.
- A profile page is also `about` its `Person`: the name shown, the other
  spellings and the titles exactly as printed.
- A page showing timeline entries `mentions` them as `Event`s: the date (only
  as precise as the data, which is only as precise as a seed) and the entry's
  heading as its `description` (the site's own words, so not a `name`).
- An archive page is the article itself: a `NewsArticle` (or `Article` for an
  unsigned commentary) with what it prints about itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from macros.model.genres import genres
from macros.model.schema import Event, Person, Source
from macros.model.types import MONTH_NAMES

_PRINTED_DATE = re.compile(r"^(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2}), (?P<year>\d{4})\b")
_MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, 1)}  # as the seeds print them, whatever the locale


def source_article(source: Source) -> dict[str, Any]:
    """A seed article as schema.org sees it: only the fields it prints."""
    data: dict[str, Any] = {"@type": genres()[source.genre].schema_org if source.genre else "Article"}
    if source.headline:
        data["headline"] = source.headline
    published = iso_date(source.date)
    if published:
        data["datePublished"] = published
    if source.byline:
        data["author"] = [{"@type": "Person", "name": name} for name in source.byline.split(" and ")]
    return data


def iso_date(printed: str | None) -> str | None:
    """'September 5, 2020' -> '2020-09-05'; None when the article prints no date this reads."""
    match = _PRINTED_DATE.match(printed or "")
    if not match or match.group("month") not in _MONTHS:
        return None
    return f"{match.group('year')}-{_MONTHS[match.group('month')]:02d}-{int(match.group('day')):02d}"


def person(entry: Person) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": entry.name}
    others = [n.name for n in entry.names if n.name != entry.name]
    if others:
        data["alternateName"] = others
    if entry.titles:
        data["jobTitle"] = [t.title for t in entry.titles]
    return data


def event(entry: Event) -> dict[str, Any]:
    """A timeline entry; its `url` is its anchor on the page that shows it."""
    return {"@type": "Event", "description": entry.title, "startDate": entry.date, "url": f"#{entry.id}"}


def page_article(title: str, cited: Iterable[Source], about: list[dict[str, Any]],
                 mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The site's page (the document itself, so no `url`), its headline the page's own title."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Article", "headline": title, "inLanguage": "en"}
    citations = [source_article(s) for s in cited]
    if citations:
        data["citation"] = citations
    if about:
        data["about"] = about
    if mentions:
        data["mentions"] = mentions
    return data


def archive_article(source: Source) -> dict[str, Any]:
    return {"@context": "https://schema.org", **source_article(source)}


# JSON's own escapes for the characters HTML gives a meaning inside a script element (`</script>` ends it, `<!--`
# and `<script` change how the rest is read; `&` and `>` for a reader that decodes entities): the same JSON, which
# no text can end or alter.
_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def head_script(data: dict[str, Any]) -> str:
    """The JSON-LD as a script element, `<`, `>` and `&` escaped: no text can end or alter the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_IN_SCRIPT)
    return f'<script type="application/ld+json">{text}</script>'


def with_head_script(html: str, data: dict[str, Any]) -> str:
    """The page's HTML with the JSON-LD just before `</head>`."""
    at = html.find("</head>")
    if at < 0:
        raise ValueError("the page has no </head>")
    return html[:at] + head_script(data) + "\n" + html[at:]
