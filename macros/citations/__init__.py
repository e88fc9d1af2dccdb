"""3. Verified citations: checking quotes, the page footnote syntax, numbering footnotes."""
