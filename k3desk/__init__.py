"""k3desk: offline-first K3 inspection desktop."""

__version__ = "0.1.0"
