"""Article structure: lines of text → typed blocks, title, subtitle and dateline."""

from rasd.structure.step import structure

__all__ = ["structure"]
