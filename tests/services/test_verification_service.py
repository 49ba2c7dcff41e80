"""verification_service: what the window and ``k3desk verify`` both call, in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from k3desk.domain.errors import K3Error
from k3desk.domain.verification import KnownKey, VerificationStatus, save_known_keys
from k3desk.reports import sample_certificate_document
from k3desk.reports.sample import SAMPLE_KEY_ID, sample_known_keys
from k3desk.services import verification_service
from k3desk.services.verification_service import QR_SOURCE, Verification

NUMBER = "0042/PAA/BK3JKT/III/2026"


@pytest.fixture
def keys_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "laptop"
    save_known_keys(folder, sample_known_keys())
    return folder


def _qr_text() -> str:
    stamp = sample_certificate_document().stamp
    assert stamp is not None
    return stamp.verify_url


def test_a_path_is_a_pdf_and_gives_the_signed_fields(certificate_pdf: Path,
                                                     keys_dir: Path) -> None:
    result = verification_service.verify(certificate_pdf, keys_dir)
    assert isinstance(result, Verification)
    assert result.status is VerificationStatus.VALID and result.ok and result.exit_code == 0
    assert result.details["number"] == NUMBER
    assert result.details["company"] == "PT Sinar Baja Nusantara"
    assert result.details["equipment_serial"] == "OHC-2019-07731"
    assert result.source == str(certificate_pdf) and result.reason


def test_a_string_is_qr_text(keys_dir: Path) -> None:
    result = verification_service.verify(_qr_text(), keys_dir)
    assert result.status is VerificationStatus.VALID
    assert result.details["number"] == NUMBER and result.source == QR_SOURCE


def test_unknown_key_revoked_key_and_bad_text(certificate_pdf: Path, tmp_path: Path) -> None:
    unknown = verification_service.verify(certificate_pdf, tmp_path / "empty")
    assert unknown.status is VerificationStatus.INVALID and unknown.exit_code == 1
    assert "tidak dikenal" in unknown.reason

    folder = tmp_path / "revoked"
    key = sample_known_keys()[SAMPLE_KEY_ID]
    save_known_keys(folder, {SAMPLE_KEY_ID: KnownKey(key.public_key, True, key.user_id)})
    assert verification_service.verify_qr(_qr_text(), folder).status is \
        VerificationStatus.REVOKED

    garbage = verification_service.verify("bukan tautan", tmp_path / "empty")
    assert garbage.status is VerificationStatus.INVALID
    assert garbage.reason.startswith("teks QR tidak sah") and garbage.details == {}


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(K3Error, match="tidak ditemukan"):
        verification_service.verify(tmp_path / "tidak-ada.pdf", tmp_path)
