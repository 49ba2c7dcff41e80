"""One module per command group; each has ``register(subparsers)`` (see k3desk.cli)."""
