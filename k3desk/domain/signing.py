"""Ed25519 keys and signatures for certificates (SYNC_PROTOCOL.md sections 7-8).

A plain Ed25519 signature over a canonical payload, with the public key published by
the server, stands in for a BSrE certificate and can be swapped for one later.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate


@dataclass(frozen=True)
class KeyPair:
    """A device's signing key: 32 raw private bytes and their public half."""

    private_raw: bytes
    public_raw: bytes

    @property
    def public_b64(self) -> str:
        return base64.b64encode(self.public_raw).decode("ascii")


def generate_keypair() -> KeyPair:
    key = Ed25519PrivateKey.generate()
    return keypair_from_private(
        key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                          serialization.NoEncryption())
    )


def keypair_from_private(private_raw: bytes) -> KeyPair:
    key = Ed25519PrivateKey.from_private_bytes(private_raw)
    public_raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                               serialization.PublicFormat.Raw)
    return KeyPair(private_raw=private_raw, public_raw=public_raw)


def sign(private_raw: bytes, payload: str) -> str:
    """Base64 signature of the payload's UTF-8 bytes."""
    key = Ed25519PrivateKey.from_private_bytes(private_raw)
    return base64.b64encode(key.sign(payload.encode("utf-8"))).decode("ascii")


def decode_public_key(public_b64: str) -> bytes:
    """Check and decode a base64 Ed25519 public key (32 raw bytes)."""
    try:
        raw = base64.b64decode(public_b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationError(translate("signing", "kunci publik bukan base64 yang sah"),
                              field="public_key") from exc
    if len(raw) != 32:
        raise ValidationError(translate("signing", "kunci publik harus 32 byte (Ed25519)"),
                              field="public_key")
    return raw


def verify(public_b64: str, payload: str, signature_b64: str) -> bool:
    """True when ``signature_b64`` is a valid signature of ``payload`` by the key."""
    try:
        raw = decode_public_key(public_b64)
        signature = base64.b64decode(signature_b64, validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, payload.encode("utf-8"))
    except (ValidationError, binascii.Error, ValueError, InvalidSignature):
        return False
    return True


def b64url_encode(text: str) -> str:
    """Base64url without padding, as the QR code's ``p`` and ``s`` parameters use."""
    return base64.urlsafe_b64encode(text.encode("utf-8")).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> str:
    padded = text + "=" * (-len(text) % 4)
    try:
        return base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeError) as exc:
        raise ValidationError(translate("signing", "bukan teks base64url yang sah")) from exc


def key_fingerprint(public_b64: str) -> str:
    """A public key's short fingerprint a person can read and compare: the first 8 bytes
    of the SHA-256 of the raw key, as four groups of hex ("3F2A 9C01 77B4 E6D0")."""
    import hashlib

    digest = hashlib.sha256(decode_public_key(public_b64)).hexdigest()[:16].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))
