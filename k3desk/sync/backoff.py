"""Exponential backoff with jitter, so that many laptops coming back online after a
server outage do not all knock at the same second."""

from __future__ import annotations

import random


class Backoff:
    """Delays ``base * 2**n`` capped at ``cap``, each drawn from [d/2, d] ("equal jitter":
    never zero, so a retry loop cannot spin)."""

    def __init__(self, base: float = 1.0, cap: float = 300.0,
                 rng: random.Random | None = None) -> None:
        self.base = base
        self.cap = cap
        self.rng = rng or random.Random()
        self.failures = 0

    def next_delay(self) -> float:
        ceiling = float(min(self.cap, self.base * (2.0 ** min(self.failures, 30))))
        self.failures += 1
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)

    def reset(self) -> None:
        self.failures = 0
