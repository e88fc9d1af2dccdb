"""The cited-explainer engine: seeds and data -> validated model -> verified citations -> Markdown -> HTML -> checks.

The folders follow that flow: `seeds/`, `model/`, `citations/`, `pages/`, `html/`, `checks/`, `opendata/`
(and `problems/`, which words every contributor error). None of them imports MkDocs: the MkDocs adapter
(the plugin, the mkdocs-macros glue and the tricks that tie us to MkDocs' stack) is `mkdocs_adapter/`, and
the command line is `commands/`.
"""
