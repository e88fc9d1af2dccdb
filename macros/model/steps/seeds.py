"""Step 2: every seed present, described in the sources file, unchanged (sha256) and UTF-8;
the metadata a source records is printed in its seed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypedDict

from macros.model.context import LoadContext
from macros.model.schema import Source
from macros.problems.problem import Problem
from macros.seeds.article import Seed, sha256_of


class _SourceEntry(TypedDict):
    file: str
    entry: str


def read_seeds(ctx: LoadContext) -> None:
    seeds_dir = ctx.settings.seeds_path
    seeds = ctx.settings.seeds_dir
    sources_file = ctx.file_of("sources")
    described: set[str] = set()
    for source in ctx.project.sources.values():
        described.add(source.file)
        _read_seed(ctx, seeds_dir, source)
    if "sources" in ctx.unreadable:
        return  # which seeds are described is unknown
    if seeds_dir.is_dir():
        for path in sorted(seeds_dir.iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.name not in described:
                ctx.problems.add(Problem(
                    f"{seeds}/{path.name}", f"this seed is not described in {sources_file}",
                    hint=(f"add an entry for it to {sources_file}, with what the article prints:\n"
                          f"  - id: a-short-id\n    file: {path.name}\n    sha256: {sha256_of(path)}\n"
                          "    label: How the site names it\n    headline: \"...as printed, or null\"")))
    else:
        ctx.problems.add(Problem(f"{seeds}/", "the seeds folder is missing",
                                  hint=f"restore it with `git checkout -- {seeds}/`"))


def _read_seed(ctx: LoadContext, seeds_dir: Path, source: Source) -> None:
    path = seeds_dir / source.file
    seeds = ctx.settings.seeds_dir
    where: _SourceEntry = {"file": ctx.file_of("sources"), "entry": source.id}
    if path.is_symlink() and not path.resolve().is_relative_to(seeds_dir.resolve()):
        ctx.problems.add(Problem(
            message=f"{seeds}/{source.file} is a symbolic link to {os.readlink(path)}, outside the seeds folder",
            line=ctx.line_of("sources", source, ("file",)), field="file",
            hint=(f"a seed is evidence kept in {seeds}/ itself: copy the article's text into {seeds}/{source.file} "
                  "instead of linking to a file elsewhere"), **where))
        return
    if not path.is_file():
        ctx.problems.add(Problem(
            message=f"the seed file {seeds}/{source.file} is missing", line=ctx.line_of("sources", source, ("file",)),
            field="file", hint=(f"restore it with `git checkout -- {seeds}/{source.file}`, or correct `file:` "
                                f"to the name of a file in {seeds}/"), **where))
        return
    actual = sha256_of(path)
    if actual != source.sha256:
        ctx.problems.add(Problem(
            message=f"{seeds}/{source.file} no longer matches its recorded sha256: the evidence was changed",
            line=ctx.line_of("sources", source, ("sha256",)), field="sha256",
            details=(("recorded", source.sha256), ("actual", actual),
                     ("size", f"{path.stat().st_size} bytes now")),
            hint=f"seeds are never edited; restore the file with `git checkout -- {seeds}/{source.file}`", **where))
        return
    try:
        seed = Seed.read(source.id, path)
    except UnicodeDecodeError as exc:
        ctx.problems.add(Problem(
            message=f"{seeds}/{source.file} is not UTF-8 text ({exc.reason} at byte {exc.start})",
            line=ctx.line_of("sources", source, ("file",)), field="file",
            hint="a seed is the article's text saved as UTF-8", **where))
        return
    for name in Source.verbatim_in_seed:
        value = getattr(source, name)
        if value is not None and not seed.contains(value):
            ctx.problems.add(Problem(
                message=f"'{value}' is not printed in the seed", line=ctx.line_of("sources", source, (name,)),
                field=name, hint="metadata is copied exactly as the article prints it, or null (shown as 'not stated')",
                **where))
    unprinted = seed.unprinted_words(source.tag) if source.tag else []
    if unprinted:
        ctx.problems.add(Problem(
            message=f"the tag '{source.tag}' uses words the seed does not print: {', '.join(unprinted)}",
            line=ctx.line_of("sources", source, ("tag",)), field="tag",
            hint="a tag is made of what the article prints about itself (outlet, byline, date), "
                 "e.g. the outlet's name as printed; use null when it prints none", **where))
    if source.comments_begin:
        match = seed.find(source.comments_begin)
        if match:
            seed.comments_start = seed.paragraph_of(match.start).start
    ctx.project.seeds[source.id] = seed
