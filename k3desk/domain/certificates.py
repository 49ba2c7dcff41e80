"""The signed payload a certificate carries (SYNC_PROTOCOL.md section 7).

The payload is what approval signs and what the QR code and the PDF carry: the number,
the inspection, the company, the equipment's serial number, the verdict, the dates and
the SHA-256 of the inspection's data as approved. Anyone holding the paper can check it
offline against the published keys (``k3desk.domain.verification``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from k3desk.domain.canonical import canonical_json, data_sha256
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.signing import sign
from k3desk.domain.vocabulary import CERTIFIED_VERDICTS, Verdict

REQUIRED_PAYLOAD_FIELDS = (
    "number", "inspection_id", "company", "equipment_serial", "verdict", "issued_on",
    "valid_until", "data_sha256",
)

# The verdicts a document is issued for (labels in k3desk.domain.vocabulary).
VERDICT_MEMENUHI = Verdict.MEMENUHI
VERDICT_TIDAK_MEMENUHI = Verdict.TIDAK_MEMENUHI
VERDICTS = CERTIFIED_VERDICTS

VERDICT_LABELS_ID: dict[str, str] = {v.value: v.document_label() for v in CERTIFIED_VERDICTS}


def verdict_label(verdict: str) -> str:
    """The words a document prints for a verdict ('MEMENUHI PERSYARATAN K3')."""
    try:
        return VERDICT_LABELS_ID[verdict]
    except KeyError:
        raise ValidationError(translate("certificates", "kesimpulan {verdict} tidak dikenal "
                                        "(yang dikenal: {known})").format(
                                            verdict=verdict, known=", ".join(VERDICTS)),
                              field="verdict") from None


#: ``valid_until`` of a findings report (tidak_memenuhi), which grants no validity
NO_VALIDITY = "-"


def make_payload(fields: dict[str, Any]) -> str:
    """Canonical JSON of the payload; every required field must be present.

    A findings report (``tidak_memenuhi``) has no validity: its ``valid_until`` is
    ``NO_VALIDITY`` ("-").
    """
    missing = [name for name in REQUIRED_PAYLOAD_FIELDS if fields.get(name) in (None, "")]
    if missing:
        raise ValidationError(translate("certificates", "data sertifikat belum lengkap: tidak "
                                        "ada {fields}").format(fields=", ".join(missing)))
    return canonical_json(fields)


def parse_payload(payload: str) -> dict[str, Any]:
    """Read a payload; a ValidationError naming what is wrong when it is not one."""
    try:
        value = json.loads(payload)
    except (TypeError, ValueError, RecursionError) as exc:  # 1,400 nested [ recurse
        raise ValidationError(translate("certificates", "data sertifikat bukan JSON"),
                              field="payload") from exc
    if not isinstance(value, dict):
        raise ValidationError(translate("certificates", "data sertifikat bukan objek JSON"),
                              field="payload")
    missing = [name for name in REQUIRED_PAYLOAD_FIELDS if name not in value]
    if missing:
        raise ValidationError(translate("certificates", "data sertifikat belum lengkap: tidak "
                                        "ada {fields}").format(fields=", ".join(missing)),
                              field="payload")
    if canonical_json(value) != payload:
        raise ValidationError(translate("certificates", "data sertifikat tidak dalam bentuk "
                                        "kanonis"), field="payload")
    return value


def build_payload(*, number: str, inspection_id: str, company: str, equipment_serial: str,
                  verdict: str, issued_on: date, valid_until: date | None,
                  data: Any, **extra: Any) -> str:
    """The payload approval signs, from typed values and the inspection's approved data.

    ``extra`` adds optional fields (e.g. ``replaces`` for a corrected certificate, ``balai``
    or ``object_type``); they are signed too.
    """
    verdict_label(verdict)  # rejects an unknown verdict
    if verdict == VERDICT_TIDAK_MEMENUHI:
        valid_until = None  # a findings report grants no validity
    elif valid_until is None:
        raise ValidationError(translate("certificates", "sertifikat yang memenuhi persyaratan "
                                        "perlu tanggal berlaku sampai (valid_until)"),
                              field="valid_until")
    if valid_until is not None and valid_until < issued_on:
        raise ValidationError(translate("certificates", "tanggal berlaku sampai (valid_until) "
                                        "sebelum tanggal terbit (issued_on)"),
                              field="valid_until")
    clash = set(extra) & set(REQUIRED_PAYLOAD_FIELDS)
    if clash:
        raise ValidationError(translate("certificates", "isian tambahan mengulang isian wajib "
                                        "{fields}").format(fields=", ".join(sorted(clash))))
    fields: dict[str, Any] = {
        "number": number, "inspection_id": inspection_id, "company": company,
        "equipment_serial": equipment_serial, "verdict": verdict,
        "issued_on": issued_on.isoformat(),
        "valid_until": valid_until.isoformat() if valid_until else NO_VALIDITY,
        "data_sha256": data_sha256(data),
        **{k: v for k, v in extra.items() if v is not None},
    }
    return make_payload(fields)


def sign_payload(private_raw: bytes, payload: str) -> str:
    """Sign a payload after checking that it is one (base64 Ed25519 signature)."""
    parse_payload(payload)
    return sign(private_raw, payload)
