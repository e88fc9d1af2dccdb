"""6. Checks on rendered pages and on the built site."""
