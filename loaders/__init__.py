"""Loaders: readers that normalise sources into Documents, and the extraction that turns them into a graph."""
