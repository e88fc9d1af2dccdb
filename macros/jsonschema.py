"""The editor's JSON Schema of each data file, generated from the typed classes.

`python -m macros.jsonschema` writes `schemas/<name>.schema.json` for every
file in `schema.DATA_FILES`; `--check` only reports whether the committed
schemas are current. Each data file names its schema on its first line:

    # yaml-language-server: $schema=../schemas/people.schema.json

so that editors with the YAML language server complete field names and flag
mistakes as they are typed. The build never reads these files; the classes
in `schema.py` remain the one declaration of the format.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .schema import DATA_FILES, Entry, _check_date

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# What `_check_date` accepts, as a pattern the editor can apply while typing
# (it cannot know month lengths; the check command does).
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, plus the date pattern the validator enforces."""

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        result = super().function_after_schema(schema)
        if schema["function"].get("function") is _check_date:
            result = {**result, "pattern": DATE_PATTERN}
        return result


def schema_name(data_file: str) -> str:
    """'people.yml' -> 'people.schema.json'."""
    return data_file.removesuffix(".yml") + ".schema.json"


def schema_reference(data_file: str) -> str:
    """The first line every data file starts with."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{schema_name(data_file)}"


def file_schema(data_file: str, key: str, cls: type[Entry]) -> dict[str, Any]:
    """The schema of one data file: a mapping whose one key holds a list of entries."""
    entry = cls.model_json_schema(schema_generator=_Generator)
    defs = entry.pop("$defs", {})
    defs[cls.__name__] = entry
    description = (cls.__doc__ or "").strip().splitlines()
    return {
        "$schema": DRAFT,
        "title": f"data/{data_file}",
        "description": (f"The `{key}:` list of data/{data_file}. "
                        f"Generated from macros/schema.py by `python -m macros.jsonschema`; do not edit."),
        "type": "object",
        "properties": {
            key: {
                "description": description[0] if description else f"The entries of data/{data_file}.",
                "type": "array",
                "items": {"$ref": f"#/$defs/{cls.__name__}"},
            },
        },
        "required": [key],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def render_schemas() -> dict[str, str]:
    """Schema file name -> its exact text, for every data file."""
    return {
        schema_name(data_file): json.dumps(file_schema(data_file, key, cls), indent=2, ensure_ascii=False) + "\n"
        for data_file, (key, cls) in DATA_FILES.items()
    }


def outdated(root: Path) -> list[str]:
    """Schema files under root/schemas/ that are missing or differ from the classes."""
    folder = root / SCHEMA_DIR
    stale = []
    for name, text in render_schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(f"{SCHEMA_DIR}/{name}")
    return stale


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.jsonschema", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report schemas that are not current; write nothing")
    parser.add_argument("root", nargs="?", type=Path, default=ROOT, help="the project folder (default: this project)")
    args = parser.parse_args(argv)
    if args.check:
        stale = outdated(args.root)
        for name in stale:
            print(f"{name} is not current; run `python -m macros.jsonschema` and commit the result", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(args.root):
        print(f"wrote {path.relative_to(args.root) if path.is_relative_to(args.root) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
