"""The central server (FastAPI). Nothing outside this package imports FastAPI."""
