"""Extraction steps, one module each: sentences, temporal, works, events, tense, speakers."""
