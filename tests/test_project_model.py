"""The model is typed: each data kind is an attribute of `Project` with its schema class, so a typo fails mypy."""

from __future__ import annotations

import typing

from conftest import ROOT

from macros.model.load import load_project
from macros.model.project import Project
from macros.model.schema import DATA_FILES


def test_every_data_kind_is_a_typed_attribute_of_the_project() -> None:
    assert "__getattr__" not in vars(Project), "an untyped fallback makes every attribute Any to mypy"
    for key, cls in DATA_FILES.values():
        if key == "sources":
            continue  # a field of its own, filled by the same step
        attribute = vars(Project).get(key)
        assert isinstance(attribute, property), f"Project has no typed attribute for {key} ({cls.__name__})"
        assert typing.get_type_hints(attribute.fget)["return"] == dict[str, cls], key
    kinds = {key for key, _ in DATA_FILES.values()}
    extra = {name for name, value in vars(Project).items() if isinstance(value, property)} - kinds
    assert not extra, f"Project has attributes for kinds DATA_FILES does not declare: {sorted(extra)}"


def test_the_typed_attributes_hold_the_loaded_entries() -> None:
    project = load_project(ROOT)
    for key, cls in DATA_FILES.values():
        entries = getattr(project, key)
        assert entries is project.entries[key] and all(isinstance(e, cls) for e in entries.values()), key
