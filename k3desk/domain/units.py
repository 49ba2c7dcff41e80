"""Units of measurement and their exact conversions.

Inspectors read gauges in whatever unit the gauge shows (kg/cm², bar, MPa, psi;
kg or ton; °C or °F). A template field names one canonical unit and the alternatives
practice uses; values are converted to the canonical unit with exact rational
arithmetic (``fractions.Fraction``), so that a reading exactly at a threshold stays
exactly at it after conversion and converting back gives the number typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate


@dataclass(frozen=True)
class Unit:
    """``base = value * factor + offset`` in the dimension's base unit."""

    symbol: str
    dimension: str
    factor: Fraction
    offset: Fraction = Fraction(0)


def _f(text: str) -> Fraction:
    return Fraction(text)


# Pressure, base Pa. kgf/cm² = 9.80665 N / 1e-4 m²; psi = 0.45359237 kg × 9.80665 / 0.0254² m².
_KGF = _f("0.45359237") * _f("9.80665")
_UNITS: tuple[Unit, ...] = (
    Unit("kg/cm²", "pressure", _f("98066.5")),
    Unit("bar", "pressure", _f("100000")),
    Unit("MPa", "pressure", _f("1000000")),
    Unit("kPa", "pressure", _f("1000")),
    Unit("psi", "pressure", _KGF / (_f("0.0254") ** 2)),
    Unit("kg", "mass", _f("1")),
    Unit("ton", "mass", _f("1000")),
    Unit("°C", "temperature", _f("1"), _f("273.15")),
    Unit("K", "temperature", _f("1")),
    Unit("°F", "temperature", Fraction(5, 9), _f("273.15") - Fraction(5, 9) * 32),
    Unit("mm", "length", _f("0.001")),
    Unit("cm", "length", _f("0.01")),
    Unit("m", "length", _f("1")),
    Unit("mm²", "area", _f("0.000001")),
    Unit("m²", "area", _f("1")),
    Unit("L", "volume", _f("0.001")),
    Unit("m³", "volume", _f("1")),
    Unit("L/min", "flow", _f("1")),
    Unit("US gpm", "flow", _f("3.785411784")),
    Unit("m³/h", "flow", Fraction(1000, 60)),
    Unit("h", "time", _f("3600")),
    Unit("min", "time", _f("60")),
    Unit("s", "time", _f("1")),
    Unit("Ω", "resistance", _f("1")),
    Unit("kΩ", "resistance", _f("1000")),
    Unit("MΩ", "resistance", _f("1000000")),
    Unit("V", "voltage", _f("1")),
    Unit("kV", "voltage", _f("1000")),
    Unit("A", "current", _f("1")),
    Unit("mA", "current", _f("0.001")),
    Unit("Ah", "charge", _f("1")),
    Unit("Hz", "frequency", _f("1")),
    Unit("rpm", "rotation", _f("1")),
    Unit("kW", "power", _f("1000")),
    Unit("kVA", "apparent_power", _f("1")),
    Unit("dBA", "sound_level", _f("1")),
    Unit("lux", "illuminance", _f("1")),
    Unit("m/s", "speed", _f("1")),
    Unit("m/s²", "acceleration", _f("1")),
    Unit("%", "ratio", _f("1")),
    Unit("mm/m", "ratio_mm_m", _f("1")),
    Unit("buah", "count", _f("1")),
)

UNITS: dict[str, Unit] = {u.symbol: u for u in _UNITS}

# Spellings people type on a keyboard without superscripts or symbols.
ALIASES: dict[str, str] = {
    "kg/cm2": "kg/cm²", "kgf/cm2": "kg/cm²", "kgf/cm²": "kg/cm²", "kg/cm^2": "kg/cm²",
    "mpa": "MPa", "kpa": "kPa", "Bar": "bar", "PSI": "psi",
    "t": "ton", "tonne": "ton", "C": "°C", "degC": "°C", "F": "°F", "degF": "°F",
    "m2": "m²", "mm2": "mm²", "m3": "m³", "l": "L", "liter": "L", "l/min": "L/min",
    "gpm": "US gpm", "usgpm": "US gpm", "m3/h": "m³/h", "jam": "h", "menit": "min",
    "detik": "s", "ohm": "Ω", "Ohm": "Ω", "kohm": "kΩ", "Mohm": "MΩ", "MOhm": "MΩ",
    "megaohm": "MΩ", "dB(A)": "dBA", "dBa": "dBA", "lx": "lux", "m/s2": "m/s²",
    "persen": "%",
}


def get_unit(symbol: str) -> Unit:
    """The unit named by ``symbol`` or one of its keyboard spellings."""
    unit = UNITS.get(symbol) or UNITS.get(ALIASES.get(symbol, ""))
    if unit is None:
        raise ValidationError(translate("units", "satuan {unit} tidak dikenal").format(
            unit=repr(symbol)))
    return unit


def canonical_symbol(symbol: str) -> str:
    return get_unit(symbol).symbol


def to_fraction(value: int | float | str | Fraction) -> Fraction:
    """A number as an exact fraction of the decimal a person typed (85.1 is 851/10)."""
    if isinstance(value, bool):
        raise ValidationError(translate("units", "nilai ya/tidak bukan angka"))
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def convert(value: int | float | str | Fraction, from_unit: str, to_unit: str) -> Fraction:
    """``value`` in ``from_unit`` expressed exactly in ``to_unit`` (same dimension)."""
    src, dst = get_unit(from_unit), get_unit(to_unit)
    if src.dimension != dst.dimension:
        raise ValidationError(
            translate("units", "{src} ({src_dim}) tidak dapat dikonversi ke {dst} "
                      "({dst_dim})").format(src=src.symbol, src_dim=src.dimension,
                                            dst=dst.symbol, dst_dim=dst.dimension))
    base = to_fraction(value) * src.factor + src.offset
    return (base - dst.offset) / dst.factor


def same_dimension(a: str, b: str) -> bool:
    return get_unit(a).dimension == get_unit(b).dimension
