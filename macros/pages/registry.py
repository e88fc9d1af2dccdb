"""The macros pages may call, and which kind of id each one's arguments name.

Declared once: `define_env` registers exactly these, and the check rejects a
page that calls anything else before the build starts.
"""

from __future__ import annotations

# macro name -> the data kind its string arguments are ids of (None: no ids)
PAGE_MACROS: dict[str, str | None] = {
    "profile": "people",
    "infobox": "people",
    "person_card": "people",
    "people_cards": "people",
    "quote_block": "quotes",
    "directory": None,
    "claims_table": None,
    "claims_details": None,
    "timeline": None,
    "chart": "charts",
    "glossary": None,
    "differences": None,
    "key_facts": None,
    "short_version": None,
    "panels": None,
    "source_cards": None,
}
# Blocks rendered by their own module under macros/pages/: macro name -> module.
# Each module has a function of that name taking the page's Renderer first.
BLOCK_MODULES: dict[str, str] = {
    "quote_block": "macros.pages.quotes",
    "profile": "macros.pages.profiles",
    "infobox": "macros.pages.profiles",
    "person_card": "macros.pages.people",
    "people_cards": "macros.pages.people",
    "directory": "macros.pages.people",
    "chart": "macros.pages.chart",
    "differences": "macros.pages.differences",
    "timeline": "macros.pages.timeline",
    "claims_table": "macros.pages.claims",
    "claims_details": "macros.pages.claims",
    "source_cards": "macros.pages.source_cards",
    "glossary": "macros.pages.glossary",
    "short_version": "macros.pages.home",
    "panels": "macros.pages.home",
    "key_facts": "macros.pages.home",
}
# Provided by mkdocs-macros itself.
BUILTIN_MACROS = frozenset({"context", "macros_info", "now", "fix_url"})
