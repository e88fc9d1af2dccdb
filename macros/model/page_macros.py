"""The macros hand-written pages may call: their names, the kind of id each one's arguments name, and
which of their arguments take a list of ids.

This is the contract between the pages and the engine, declared once. The model's page step checks every
call a page makes against it before the build starts; the page layer (`macros/pages/registry.py`) says
which module renders each macro, and `macros/pages/macro_calls.py` registers exactly these with
mkdocs-macros. A test asserts that the blocks' own signatures agree with `LIST_ARGUMENTS`.
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
# macro name -> for each positional argument, whether it takes a list of ids (True) or one value (False);
# a macro that is not named takes no arguments.
LIST_ARGUMENTS: dict[str, tuple[bool, ...]] = {
    "profile": (False,),
    "infobox": (False,),
    "person_card": (False,),
    "people_cards": (True,),
    "quote_block": (False,),
    "chart": (False,),
    "claims_table": (False,),
    "short_version": (False,),
}
# Provided by mkdocs-macros itself.
BUILTIN_MACROS = frozenset({"context", "macros_info", "now", "fix_url"})


def shape_problem(name: str, wants_list: bool, value: object) -> tuple[str, str] | None:
    """(message, hint) when an argument is one id where a list is wanted, or a list where one id is."""
    if wants_list and isinstance(value, str):
        return (f"{name}(...) takes a list of ids, not the single id '{value}'",
                f'write {name}(["{value}"]), with square brackets, even for one id')
    if not wants_list and isinstance(value, list | tuple):
        return f"{name}(...) takes one id, not a list", f"call {name}(...) once for each id"
    return None
