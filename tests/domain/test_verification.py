"""Offline verification of signed certificate payloads."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from k3desk.domain.canonical import data_sha256
from k3desk.domain.certificates import (
    NO_VALIDITY,
    build_payload,
    parse_payload,
    sign_payload,
)
from k3desk.domain.errors import DataFileError, ValidationError
from k3desk.domain.signing import generate_keypair, keypair_from_private
from k3desk.domain.verification import (
    KnownKey,
    VerificationStatus,
    load_known_keys,
    load_revoked_numbers,
    save_known_keys,
    verify_certificate,
)

PRIVATE = bytes(range(32))
PAIR = keypair_from_private(PRIVATE)
KEYS = {"k1": (PAIR.public_b64, False)}
DATA = {"sections": {"beban": 10}}


def payload(**over: object) -> str:
    fields: dict[str, object] = dict(
        number="0042/PAA/BK3JKT/III/2026", inspection_id="i-1", company="PT Maju",
        equipment_serial="SN-1", verdict="memenuhi", issued_on=date(2026, 3, 6),
        valid_until=date(2027, 3, 6), data=DATA)
    fields.update(over)
    return build_payload(**fields)  # type: ignore[arg-type]


def test_build_payload_has_every_field_and_the_data_hash() -> None:
    fields = parse_payload(payload(replaces="0001/PAA/BK3JKT/I/2026"))
    assert fields["data_sha256"] == data_sha256(DATA)
    assert fields["valid_until"] == "2027-03-06"
    assert fields["replaces"] == "0001/PAA/BK3JKT/I/2026"


def test_a_findings_report_has_no_validity() -> None:
    fields = parse_payload(payload(verdict="tidak_memenuhi", valid_until=date(2027, 1, 1)))
    assert fields["valid_until"] == NO_VALIDITY


@pytest.mark.parametrize(("over", "words"), [
    ({"verdict": "lulus"}, "tidak dikenal"),
    ({"valid_until": None}, "perlu tanggal berlaku"),
    ({"valid_until": date(2026, 1, 1)}, "sebelum tanggal terbit"),
    ({"number": ""}, "tidak ada number"),
])
def test_build_payload_refuses_bad_values(over: dict[str, object], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        payload(**over)


def test_valid_signature_is_valid() -> None:
    p = payload()
    result = verify_certificate(p, sign_payload(PRIVATE, p), "k1", KEYS)
    assert result.status is VerificationStatus.VALID and result.exit_code == 0
    assert result.details["number"] == "0042/PAA/BK3JKT/III/2026"
    assert result.details["verdict_label"] == "MEMENUHI PERSYARATAN K3"


def test_tampered_payload_is_invalid() -> None:
    p = payload()
    sig = sign_payload(PRIVATE, p)
    tampered = p.replace("PT Maju", "PT Lain")
    result = verify_certificate(tampered, sig, "k1", KEYS)
    assert result.status is VerificationStatus.INVALID and result.exit_code == 1
    assert "tidak cocok" in result.reason


def test_signature_by_another_key_is_invalid() -> None:
    p = payload()
    other = generate_keypair()
    result = verify_certificate(p, sign_payload(other.private_raw, p), "k1", KEYS)
    assert result.status is VerificationStatus.INVALID


def test_unknown_key_is_invalid() -> None:
    p = payload()
    result = verify_certificate(p, sign_payload(PRIVATE, p), "k9", KEYS)
    assert result.status is VerificationStatus.INVALID
    assert "tidak dikenal" in result.reason


def test_revoked_key_is_revoked_but_a_forgery_with_it_stays_invalid() -> None:
    p = payload()
    keys = {"k1": KnownKey(PAIR.public_b64, revoked=True, user_id="u-7")}
    result = verify_certificate(p, sign_payload(PRIVATE, p), "k1", keys)
    assert result.status is VerificationStatus.REVOKED
    assert result.details["signer_user_id"] == "u-7"
    forged = verify_certificate(p.replace("SN-1", "SN-2"), sign_payload(PRIVATE, p), "k1", keys)
    assert forged.status is VerificationStatus.INVALID


def test_revoked_number_is_revoked_with_its_reason() -> None:
    p = payload()
    sig = sign_payload(PRIVATE, p)
    result = verify_certificate(p, sig, "k1", KEYS,
                                revoked_numbers={"0042/PAA/BK3JKT/III/2026": "salah ketik"})
    assert result.status is VerificationStatus.REVOKED
    assert "salah ketik" in result.reason
    assert verify_certificate(p, sig, "k1", KEYS, revoked_numbers=["other"]).ok


def test_claimed_number_must_match_the_signed_one() -> None:
    p = payload()
    result = verify_certificate(p, sign_payload(PRIVATE, p), "k1", KEYS,
                                claimed_number="0043/PAA/BK3JKT/III/2026")
    assert result.status is VerificationStatus.INVALID
    assert "berbeda" in result.reason


@pytest.mark.parametrize("bad", ["", "not json", "[]", '{"number":"x"}',
                                 '{"b":1, "a":2}'])
def test_malformed_payload_is_invalid_not_an_exception(bad: str) -> None:
    result = verify_certificate(bad, "AAAA", "k1", KEYS)
    assert result.status is VerificationStatus.INVALID


def test_garbage_signature_is_invalid() -> None:
    assert verify_certificate(payload(), "%%%not-base64", "k1", KEYS).status is \
        VerificationStatus.INVALID


def test_expiry_is_reported_but_still_valid() -> None:
    p = payload()
    result = verify_certificate(p, sign_payload(PRIVATE, p), "k1", KEYS, today=date(2028, 1, 1))
    assert result.ok and result.details["expired"] is True
    fail = payload(verdict="tidak_memenuhi")
    result = verify_certificate(fail, sign_payload(PRIVATE, fail), "k1", KEYS,
                                today=date(2028, 1, 1))
    assert result.ok and "expired" not in result.details


def test_known_keys_file_round_trip(tmp_path: Path) -> None:
    assert load_known_keys(tmp_path) == {}
    keys = {"k1": KnownKey(PAIR.public_b64, False, "u-1"),
            "k2": KnownKey(generate_keypair().public_b64, True, None)}
    save_known_keys(tmp_path, keys)
    assert load_known_keys(tmp_path) == keys


@pytest.mark.parametrize("content", ["not json", "[]", '{"k": {"revoked": false}}',
                                     '{"k": {"public_key": "AAAA"}}'])
def test_malformed_known_keys_file_is_a_data_file_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "known_keys.json").write_text(content)
    with pytest.raises(DataFileError):
        load_known_keys(tmp_path)


def test_revoked_numbers_file(tmp_path: Path) -> None:
    assert load_revoked_numbers(tmp_path) == {}
    (tmp_path / "revoked_certificates.json").write_text(json.dumps({"N/1": "dicabut"}))
    assert load_revoked_numbers(tmp_path) == {"N/1": "dicabut"}
