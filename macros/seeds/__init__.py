"""1. The evidence: seed articles and locating quotes in them."""
