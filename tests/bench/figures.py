"""One figure of the benchmark runner and its printed line (a contract, issue 17).

Every figure prints as exactly one line::

    name: VALUE UNIT | baseline: VALUE UNIT | ratio: R

``baseline`` is the plain-library way of doing the same work, measured in the same run;
``-`` stands where a figure has none. Times are in ``ms``, memory in ``MB``, rates in
``req/s`` or ``changes/s``. ``ratio`` is value / baseline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_unit: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    def line(self) -> str:
        unit = self.baseline_unit or self.unit
        base = "-" if self.baseline is None else f"{_num(self.baseline)} {unit}"
        ratio = "-" if self.ratio is None else f"{self.ratio:.2f}"
        return f"{self.name}: {_num(self.value)} {self.unit} | baseline: {base} | ratio: {ratio}"


def _num(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
