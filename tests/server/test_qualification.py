"""The pure qualification and calibration checks the server and the laptop share."""

from __future__ import annotations

from datetime import date

from k3desk.domain.qualification import calibration_error, qualification_error

QUALS = [{"object_types": ["apar", "hydrant"], "licence_number": "A", "valid_until": "2026-06-30"},
         {"object_types": ["apar"], "licence_number": "B", "valid_until": "2025-01-31"}]


def test_qualification_covers_type_through_its_last_day() -> None:
    assert qualification_error(QUALS, "apar", date(2026, 6, 30)) is None
    assert qualification_error(QUALS, "hydrant", date(2026, 1, 1)) is None


def test_qualification_missing_or_expired_says_why() -> None:
    message = str(qualification_error(QUALS, "bejana_tekan", date(2026, 1, 1)))
    assert "tidak memiliki lisensi untuk bejana_tekan" in message
    message = str(qualification_error(QUALS, "apar", date(2026, 7, 1)))
    assert "berakhir pada 2026-06-30" in message  # the latest expiry, what must be renewed
    assert qualification_error([], "apar", date(2026, 1, 1)) is not None
    assert qualification_error([{"object_types": ["apar"], "valid_until": "soon"}], "apar",
                               date(2026, 1, 1)) is not None
    assert qualification_error([{"object_types": "apar", "valid_until": "2030-01-01"}], "apar",
                               date(2026, 1, 1)) is not None


def test_calibration_of_every_instrument() -> None:
    good = {"name": "Manometer", "serial_number": "M1", "calibration_valid_until": "2026-03-02"}
    old = {"name": "Lux meter", "serial_number": "L9", "calibration_valid_until": "2026-03-01"}
    assert calibration_error([], date(2026, 3, 2)) is None
    assert calibration_error([good], date(2026, 3, 2)) is None
    message = str(calibration_error([good, old], date(2026, 3, 2)))
    assert "Lux meter (L9)" in message and "2026-03-01" in message
    message = str(calibration_error([{"name": "X"}], date(2026, 1, 1)))
    assert "tidak mempunyai tanggal kalibrasi" in message
