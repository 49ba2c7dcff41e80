"""k3desk: offline-first K3 inspection desktop."""

# The one version source: pyproject.toml reads it (dynamic version), the CLI, the About
# box, backups and diagnostics import it.
__version__ = "0.1.0"
