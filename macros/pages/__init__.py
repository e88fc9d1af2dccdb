"""4. Markdown: the blocks pages call as macros, and the archive page of each seed."""
