"""The one exception type for what a contributor can get wrong.

Every check collects `Problem`s and raises a single `ContributorError` holding
all of them, so a contributor sees every mistake in one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict


@dataclass(frozen=True)
class Problem:
    """One mistake, located as precisely as the input allows."""

    file: str
    message: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None
    hint: str | None = None
    details: tuple[tuple[str, str], ...] = ()

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        text = ", ".join(parts) + f": {self.message}"
        for label, value in self.details:
            text += _labelled(label, value)
        if self.hint:
            text += _labelled("hint", self.hint)
        return text


class Where(TypedDict, total=False):
    """Where a problem is, shared by several problems of one entry: `Problem(message=..., **where)`."""

    file: str
    line: int | None
    entry: str | None
    field: str | None


def entry_label(raw: object, index: int) -> str:
    """How a message names an entry of a data file: its id, or '#3' for the third when it has no id."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return str(raw["id"])
    return f"#{index + 1}"


def quoted_line(text: str, line: int | None, label: str = "line") -> tuple[tuple[str, str], ...]:
    """The offending line as written, as a problem's detail, to quote it in the message; none when it is blank."""
    lines = text.splitlines()
    if line is not None and 1 <= line <= len(lines) and lines[line - 1].strip():
        return ((label, lines[line - 1].strip()[:160]),)
    return ()


def _labelled(label: str, value: str) -> str:
    """'\n    label:    value', with the value's further lines aligned under its first."""
    head = f"\n    {label + ':':<9} "
    return head + value.replace("\n", "\n" + " " * (len(head) - 1))


class ContributorError(Exception):
    """Raised once, with every problem found, when the input is not valid."""

    def __init__(self, problems: list[Problem], still_to_fill: list[Problem] | None = None):
        self.problems = list(problems)
        self.still_to_fill = list(still_to_fill or ())  # what a draft has left empty, found on the way
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found:"
        return head + "\n\n" + "\n\n".join(p.format() for p in self.problems)


class ProblemList:
    """Collects problems; `raise_if_any` turns them into one ContributorError."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContributorError(self.items)


TO_FILL_HINT = ("an empty field (nothing after its colon) is a draft's: fill it in as the article prints it, "
                "or write null where it prints nothing (readers see \"not stated\")")


def to_fill_report(items: list[Problem]) -> str:
    """The fields still to fill, one a line, then what to do about them; '' when there are none."""
    if not items:
        return ""
    count = len(items)
    head = f"{count} field{'s' if count != 1 else ''} still to fill:"
    return head + "\n\n" + "\n".join(p.format() for p in items) + "\n\n" + _labelled("hint", TO_FILL_HINT).lstrip("\n")
