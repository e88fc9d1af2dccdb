"""One build's open data: the claims of every page, then the files beside the site.

`OpenData` lives on the plugin instance for one build. The plugin hands it
each rendered page (`mark_page`), each page's final HTML (`head`), and at the
end the site folder (`write`). Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.citations.footnotes import PageFootnotes
from macros.model.project import Project
from macros.opendata import schema_org
from macros.opendata.anchors import CitationAnchors
from macros.opendata.annotations import SEEDS_FOLDER, ClaimsError, PageClaims, SeedFile, cited_claims, collection, to_csv, to_json
from macros.opendata.sentences import mark_claims
from macros.pages.templates import render_inline

DATA_FOLDER = "data"
BUNDLE = "open-data.zip"  # claims.jsonld, claims.csv and seeds/, under data/, in one download


@dataclass(frozen=True)
class Written:
    annotations: int
    citations: int
    sizes: dict[str, int]  # file name -> bytes


@dataclass
class OpenData:
    project: Project
    data_anchors: CitationAnchors  # the data sentences' anchors, and the entry each was made for
    site_name: str
    pages: dict[str, PageClaims] = field(default_factory=dict)  # src_uri -> claims
    cited: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> source ids in order of first citation
    archive_urls: dict[str, str] = field(default_factory=dict)  # source id -> archive page URL

    def mark_page(self, src_uri: str, url: str, title: str, html: str, footnotes: PageFootnotes) -> str:
        """The page's HTML with each cited sentence anchored; its claims recorded."""
        passages = {footnotes.label_of(located): located for located in footnotes.order}
        # No link inside each sentence: cited-explainer.js makes one on demand (one element fewer per sentence).
        marked, claims = mark_claims(html, "")
        self.pages[src_uri] = PageClaims(url, title, tuple(claims), passages)
        self.cited[src_uri] = list(dict.fromkeys(p.source_id for p in passages.values()))
        return marked

    def anchors(self, src_uri: str) -> set[str]:
        page = self.pages.get(src_uri)
        return {claim.anchor for claim in page.claims} if page else set()

    def head(self, src_uri: str, url: str, title: str, archive_of: str | None, html: str) -> str:
        """The page's final HTML with its schema.org JSON-LD in the head."""
        if archive_of:
            self.archive_urls[archive_of] = url
            data = schema_org.archive_article(self.project.sources[archive_of])
        else:
            data = schema_org.page_article(title, [self.project.sources[s] for s in self.cited.get(src_uri, [])],
                                           self._about(src_uri), self._mentions(src_uri))
        return schema_org.with_head_script(html, data)

    def _about(self, src_uri: str) -> list[dict[str, Any]]:
        people = self.project.entries.get("people", {})
        return [schema_org.person(p) for p in people.values() if src_uri == self.project.page_of("profile", p.id)]

    def _mentions(self, src_uri: str) -> list[dict[str, Any]]:
        page = self.pages.get(src_uri)
        events = self.project.events
        entries = (self.data_anchors.entry_of(c.data_anchor) for c in (page.claims if page else ()))
        shown = dict.fromkeys(entry_id for kind, entry_id in filter(None, entries) if kind == "events")
        return [schema_org.event(events[i]) for i in shown if i in events]

    def write(self, site_dir: Path, order: dict[str, int]) -> Written:
        """data/claims.jsonld, data/claims.csv, the seed copies and data/open-data.zip of all of them, written.
        ClaimsError when they cannot be made; OSError when a file cannot be written."""
        seeds = {}
        for source_id, source in self.project.sources.items():
            seed = self.project.seeds[source_id]
            raw = seed.path.read_bytes()
            if hashlib.sha256(raw).hexdigest() != source.sha256:
                raise ClaimsError(f"{seed.path.name} changed during the build: its sha256 is not {source.sha256}")
            if source_id not in self.archive_urls:
                raise ClaimsError(f"no archive page was built for '{source_id}'")
            seeds[source_id] = (SeedFile(source_id, seed.path.name, source.sha256, seed.text,
                                         self.archive_urls[source_id]), raw)
        pages = [self.pages[k] for k in sorted(self.pages, key=lambda k: (order.get(k, len(order)), k))]
        claims = cited_claims(pages, {k: v[0] for k, v in seeds.items()})
        folder = site_dir / DATA_FOLDER
        (folder / SEEDS_FOLDER).mkdir(parents=True, exist_ok=True)
        data = collection(claims, render_inline("claims_label.txt", site_name=self.site_name))
        files = {"claims.jsonld": to_json(data), "claims.csv": to_csv(claims).encode("utf-8-sig")}
        for name, content in files.items():
            (folder / name).write_bytes(content)
        for seed_file, raw in seeds.values():
            (folder / SEEDS_FOLDER / seed_file.file).write_bytes(raw)
            files[f"{SEEDS_FOLDER}/{seed_file.file}"] = raw
        citations = sum(len(c.targets) for c in claims)
        sizes = {name: len(content) for name, content in files.items() if "/" not in name}
        bundle = _zip(files)
        (folder / BUNDLE).write_bytes(bundle)
        return Written(data["total"], citations, sizes | {BUNDLE: len(bundle)})


def _zip(files: dict[str, bytes]) -> bytes:
    """The files in one zip, under a folder named data/; the same bytes from the same files (fixed dates)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{DATA_FOLDER}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, files[name])
    return out.getvalue()
