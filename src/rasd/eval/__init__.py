"""Metrics that score rasd's steps against hand-made gold data (structure, NER, events, dedup)."""
