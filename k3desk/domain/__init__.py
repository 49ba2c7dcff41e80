"""The K3 world in pure Python: no Qt, no SQLAlchemy, no HTTP (see ARCHITECTURE.md)."""
