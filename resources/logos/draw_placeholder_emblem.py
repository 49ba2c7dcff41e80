"""Draw the placeholder emblem ``k3-emblem.png`` used when a Balai sets no logo.

The real Kemnaker logo cannot be shipped, so the letterhead shows a neutral emblem:
the K3 sign (a green cross inside a cog wheel) in a plain ring. Run with the project's
Python to redraw it: ``.venv/bin/python resources/logos/draw_placeholder_emblem.py``.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 360
SCALE = 4  # drawn large and shrunk for smooth edges
GREEN = (0, 122, 61, 255)
NAVY = (22, 45, 84, 255)
WHITE = (255, 255, 255, 255)


def _cog(draw: ImageDraw.ImageDraw, cx: float, cy: float, r_in: float, r_out: float,
         teeth: int, fill: tuple[int, int, int, int]) -> None:
    points: list[tuple[float, float]] = []
    for i in range(teeth):
        base = 2 * math.pi * i / teeth - math.pi / 2
        step = 2 * math.pi / teeth
        for frac, radius in ((0.0, r_in), (0.18, r_out), (0.52, r_out), (0.70, r_in)):
            angle = base + frac * step
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def draw() -> Image.Image:
    n = SIZE * SCALE
    img = Image.new("RGBA", (n, n), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    c = n / 2
    # outer double ring
    d.ellipse([n * 0.01, n * 0.01, n * 0.99, n * 0.99], fill=NAVY)
    d.ellipse([n * 0.045, n * 0.045, n * 0.955, n * 0.955], fill=WHITE)
    d.ellipse([n * 0.065, n * 0.065, n * 0.935, n * 0.935], fill=NAVY)
    d.ellipse([n * 0.085, n * 0.085, n * 0.915, n * 0.915], fill=WHITE)
    # cog wheel with eleven teeth, as in the K3 sign
    _cog(d, c, c, n * 0.31, n * 0.39, 11, GREEN)
    d.ellipse([c - n * 0.255, c - n * 0.255, c + n * 0.255, c + n * 0.255], fill=WHITE)
    # green cross
    arm, half = n * 0.2, n * 0.065
    d.rectangle([c - half, c - arm, c + half, c + arm], fill=GREEN)
    d.rectangle([c - arm, c - half, c + arm, c + half], fill=GREEN)
    return img.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    out = Path(__file__).with_name("k3-emblem.png")
    draw().save(out, optimize=True)
    print(out)
