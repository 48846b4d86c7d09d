"""Readers, one per source format, each producing a Document."""
