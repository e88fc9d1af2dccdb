"""Open data: every cited sentence of the site as a W3C Web Annotation of its seed passages.

The stages, each a pure module free of MkDocs (the plugin calls them):

- `anchors`: a stable id for each cited sentence, from its data entry
  (kind, entry id, field, ordinal) or, for a hand-written sentence, from a
  hash of its normalised text.
- `sentences`: on a rendered page, each run of footnote references ends one
  cited sentence; the sentence is wrapped in `<span class="claim" id=...>`
  with a small link to itself, and recorded with the passages it cites.
- `annotations`: the records as a Web Annotation collection
  (`data/claims.jsonld`) and a table (`data/claims.csv`).
- `schema_org`: the schema.org JSON-LD of each page's head.
"""
