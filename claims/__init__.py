"""Articles in, dated claims out."""
