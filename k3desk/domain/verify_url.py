"""The address a certificate's QR code holds (SYNC_PROTOCOL.md section 8).

``<server>/verify?number=N&p=<payload>&s=<signature>&k=<key_id>`` where ``p`` is the
base64url (no padding) of the payload's UTF-8 bytes and ``s`` the base64url (no
padding) of the raw 64-byte Ed25519 signature.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.signing import b64url_decode, b64url_encode


@dataclass(frozen=True)
class VerifyLink:
    server: str
    number: str
    payload: str  # canonical JSON text
    signature: str  # standard base64, as in the certificate record
    key_id: str


def build_verify_url(link: VerifyLink) -> str:
    raw_sig = base64.b64decode(link.signature)
    s = base64.urlsafe_b64encode(raw_sig).rstrip(b"=").decode("ascii")
    query = urlencode({"number": link.number, "p": b64url_encode(link.payload), "s": s,
                       "k": link.key_id})
    return f"{link.server.rstrip('/')}/verify?{query}"


def signature_from_b64url(s: str) -> str:
    """The QR's ``s`` parameter back to the record's standard base64 signature."""
    try:
        raw = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValidationError(translate("verify", "tanda tangan dalam tautan bukan base64url "
                                        "yang sah")) from exc
    return base64.b64encode(raw).decode("ascii")


def parse_verify_url(text: str) -> VerifyLink:
    """Read a QR code's text (a v2 compact link or a v1 query link); a clear
    ValidationError when it is not a k3desk link."""
    from k3desk.domain.compact_link import parse_code, split_compact_url

    compact = split_compact_url(text)
    if compact is not None:
        payload, signature, key_id = parse_code(compact[1])
        number = str(json.loads(payload)["number"])
        return VerifyLink(server=compact[0], number=number, payload=payload,
                          signature=signature, key_id=key_id)
    parts = urlsplit(text.strip())
    if not parts.path.endswith("/verify"):
        raise ValidationError(translate("verify", "bukan tautan verifikasi k3desk (tidak ada "
                                        "/verify)"))
    query = parse_qs(parts.query)

    def one(name: str) -> str:
        values = query.get(name)
        if not values or not values[0]:
            raise ValidationError(translate("verify", "tautan verifikasi tidak memuat parameter "
                                            "{name}").format(name=name))
        return values[0]

    server = f"{parts.scheme}://{parts.netloc}{parts.path[: -len('/verify')]}"
    return VerifyLink(server=server, number=one("number"), payload=b64url_decode(one("p")),
                      signature=signature_from_b64url(one("s")), key_id=one("k"))


def build_qr_url(link: VerifyLink) -> str:
    """What a certificate's QR code holds: the compact v2 link (compact_link), or this
    v1 link when the payload does not fit the compact record."""
    from k3desk.domain.compact_link import compact_code, compact_url

    digits = compact_code(link.payload, link.signature, link.key_id)
    return compact_url(link.server, digits) if digits else build_verify_url(link)
