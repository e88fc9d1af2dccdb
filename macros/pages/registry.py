"""Which module renders each page macro (the macros themselves are declared in `macros/model/page_macros.py`).

Each module under macros/pages/ has a function of the macro's name taking the page's Renderer first.
"""

from __future__ import annotations

from macros.model.page_macros import BUILTIN_MACROS, LIST_ARGUMENTS, PAGE_MACROS

__all__ = ["BLOCK_MODULES", "BUILTIN_MACROS", "LIST_ARGUMENTS", "PAGE_MACROS"]

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
