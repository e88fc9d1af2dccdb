"""5. Rewrites of a page's rendered HTML."""
