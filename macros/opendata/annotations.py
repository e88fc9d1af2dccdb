"""The cited sentences as a W3C Web Annotation collection and as a table.

One annotation per cited sentence: its body is the sentence as a reader sees
it, identified by the page's address and the sentence's anchor; one target per
citation: the seed file (name, sha256, its copy beside the data) seen on its
archive page, with a TextQuoteSelector and a TextPositionSelector over the
seed's stored text (UTF-8, offsets in Unicode code points, so
`text[start:end] == exact`). Addresses are relative to the data folder
(`../the-vote/#...`) unless the site's address is known.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from macros.citations.verify import Located
from macros.opendata.sentences import Claim

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# The two properties the Web Annotation vocabulary lacks, from schema.org.
LOCAL_TERMS = {"schema": "http://schema.org/", "sha256": "schema:sha256", "fileName": "schema:name"}
AFFIX = 32  # characters of prefix and suffix
SEEDS_FOLDER = "seeds"  # under the data folder: byte-identical copies of the seed files
CSV_COLUMNS = ("annotation", "page", "anchor", "sentence", "citation", "source_id", "seed_file", "seed_sha256",
               "archive_page", "start", "end", "exact", "prefix", "suffix")


@dataclass(frozen=True)
class SeedFile:
    source_id: str
    file: str
    sha256: str
    text: str
    archive_url: str  # the archive page's URL in the site, e.g. sources/council-vote/


@dataclass(frozen=True)
class PageClaims:
    url: str  # the page's URL in the site, e.g. the-vote/
    title: str
    claims: tuple[Claim, ...]
    passages: dict[str, Located]  # footnote label -> the passage it cites


@dataclass(frozen=True)
class Target:
    seed: SeedFile
    start: int
    end: int
    archive_anchor: str

    @property
    def exact(self) -> str:
        return self.seed.text[self.start:self.end]

    @property
    def prefix(self) -> str:
        return self.seed.text[max(0, self.start - AFFIX):self.start]

    @property
    def suffix(self) -> str:
        return self.seed.text[self.end:self.end + AFFIX]


class ClaimsError(Exception):
    """The claims files cannot be produced; the message says why."""


def targets_of(page: PageClaims, claim: Claim, seeds: dict[str, SeedFile]) -> list[Target]:
    targets = []
    for label in claim.labels:
        located = page.passages.get(label)
        if located is None:
            raise ClaimsError(f"{page.url or 'home page'}: sentence #{claim.anchor} cites footnote '{label}', "
                              "which the page's footnotes do not hold")
        seed = seeds.get(located.source_id)
        if seed is None:
            raise ClaimsError(f"{page.url}: footnote '{label}' cites '{located.source_id}', which has no seed")
        target = Target(seed, located.start, located.end, located.anchor)
        if not target.exact.strip():
            raise ClaimsError(f"{page.url}: footnote '{label}' points at an empty passage of {seed.file}")
        targets.append(target)
    return targets


@dataclass(frozen=True)
class CitedClaim:
    """One cited sentence of a page, with the seed passages its footnotes cite, in order."""

    page: PageClaims
    claim: Claim
    targets: list[Target]


def cited_claims(pages: Iterable[PageClaims], seeds: dict[str, SeedFile]) -> list[CitedClaim]:
    """Every claim of the pages, in order, with its targets worked out once (for the collection and the table)."""
    return [CitedClaim(page, claim, targets_of(page, claim, seeds)) for page in pages for claim in page.claims]


def collection(claims: Iterable[CitedClaim], label: str, base: str = "../") -> dict[str, Any]:
    """The Web Annotation collection (JSON-LD) of every cited sentence; `base` is the site's address seen from
    the data folder."""
    items = []
    for cited in claims:
        page, claim = cited.page, cited.claim
        items.append({
            "id": f"#{page.url or 'index/'}{claim.anchor}",
            "type": "Annotation",
            "motivation": "linking",
            "body": {
                "id": f"{base}{page.url}#{claim.anchor}",
                "type": "TextualBody",
                "value": claim.text,
                "format": "text/plain",
                "language": "en",
            },
            "target": [_target(t, base) for t in cited.targets],
        })
    return {
        "@context": [CONTEXT, LOCAL_TERMS],
        "id": "claims.jsonld",
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": "claims.jsonld#items", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _target(target: Target, base: str) -> dict[str, Any]:
    seed = target.seed
    return {
        "type": "SpecificResource",
        "source": {"id": f"{SEEDS_FOLDER}/{seed.file}", "type": "Text", "format": "text/plain",
                   "fileName": seed.file, "sha256": seed.sha256},
        "scope": f"{base}{seed.archive_url}#{target.archive_anchor}",
        "selector": [
            {"type": "TextQuoteSelector", "exact": target.exact, "prefix": target.prefix, "suffix": target.suffix},
            {"type": "TextPositionSelector", "start": target.start, "end": target.end},
        ],
    }


def to_json(data: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON and a newline: the bytes of `json.dumps(data, ensure_ascii=False,
    separators=(",", ":"))`, made by orjson about ten times as fast (a 100x project's file is ~55 MB)."""
    return orjson.dumps(data) + b"\n"


# A cell a spreadsheet would run as a formula (OWASP, "CSV Injection"): one starting with =, +, -, @, a tab or a
# carriage return, after any apostrophes (so that the guard can be undone: a cell written with one apostrophe
# more than its text had). docs/data.md tells readers; claims.jsonld keeps every text as it is.
_FORMULA = re.compile("'*[=+\\-@\t\r]")


def csv_cell(value: str | int) -> str | int:
    """The value as a claims.csv cell: text a spreadsheet would run as a formula gets an apostrophe before it."""
    return "'" + value if isinstance(value, str) and _FORMULA.match(value) else value


def to_csv(claims: Iterable[CitedClaim], base: str = "../") -> str:
    """One row per citation, in the order of the collection; no cell is a formula (`csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for cited in claims:
        page, claim = cited.page, cited.claim
        for n, t in enumerate(cited.targets, start=1):
            writer.writerow([csv_cell(value) for value in (
                f"#{page.url or 'index/'}{claim.anchor}", f"{base}{page.url}", claim.anchor, claim.text, n,
                t.seed.source_id, t.seed.file, t.seed.sha256, f"{base}{t.seed.archive_url}#{t.archive_anchor}",
                t.start, t.end, t.exact, t.prefix, t.suffix)])
    return out.getvalue()
