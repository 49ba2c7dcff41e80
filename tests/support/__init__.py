"""Test helpers other test packages reuse (e.g. the throwaway PostgreSQL cluster)."""
