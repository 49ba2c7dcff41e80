"""The words the whole app shares: verdicts, outbox states, record types.

The values are what is stored on disk and sent on the wire (unchanged: they are
contracts); the labels, Bahasa Indonesia and English, are defined here and only here.
"""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """The template's conclusion on an inspection (nobody types it)."""

    MEMENUHI = "memenuhi"
    TIDAK_MEMENUHI = "tidak_memenuhi"
    INCOMPLETE = "incomplete"

    @property
    def certifiable(self) -> bool:
        """A document (certificate or findings report) can be issued for it."""
        return self is not Verdict.INCOMPLETE

    def title(self, lang: str = "id") -> str:
        """"Memenuhi persyaratan K3" / "Meets the K3 requirements"."""
        id_text, en_text = _VERDICT_TITLES[self]
        return en_text if lang == "en" else id_text

    def short(self, lang: str = "id") -> str:
        """The word of a table cell: "Memenuhi" / "Meets"."""
        id_text, en_text = _VERDICT_SHORT[self]
        return en_text if lang == "en" else id_text

    def document_label(self) -> str:
        """What a certificate prints: "MEMENUHI PERSYARATAN K3"."""
        return self.title("id").upper()

    @classmethod
    def of(cls, value: str | None) -> Verdict | None:
        """The verdict named by ``value``, or None for nothing or an unknown word."""
        try:
            return cls(value) if value is not None else None
        except ValueError:
            return None


#: The verdicts a document is issued for.
CERTIFIED_VERDICTS = (Verdict.MEMENUHI, Verdict.TIDAK_MEMENUHI)

_VERDICT_TITLES = {
    Verdict.MEMENUHI: ("Memenuhi persyaratan K3", "Meets the K3 requirements"),
    Verdict.TIDAK_MEMENUHI: ("Tidak memenuhi persyaratan K3",
                             "Does not meet the K3 requirements"),
    Verdict.INCOMPLETE: ("Data belum lengkap", "Incomplete data"),
}
_VERDICT_SHORT = {
    Verdict.MEMENUHI: ("Memenuhi", "Meets requirements"),
    Verdict.TIDAK_MEMENUHI: ("Tidak memenuhi", "Does not meet requirements"),
    Verdict.INCOMPLETE: ("Belum lengkap", "Incomplete"),
}


class OutboxState(StrEnum):
    """Where a local change is on its way to the server (``outbox.state``)."""

    PENDING = "pending"  # waiting to be pushed
    QUARANTINED = "quarantined"  # refused by the server; kept for a person to decide
    DONE = "done"  # accepted, superseded or discarded

    def title(self, lang: str = "id") -> str:
        id_text, en_text = _OUTBOX_TITLES[self]
        return en_text if lang == "en" else id_text


#: The states of a change not yet settled with the server.
OUTSTANDING_STATES = (OutboxState.PENDING, OutboxState.QUARANTINED)

_OUTBOX_TITLES = {
    OutboxState.PENDING: ("Menunggu dikirim", "Waiting to be sent"),
    OutboxState.QUARANTINED: ("Ditahan (ditolak server)", "Held (refused by the server)"),
    OutboxState.DONE: ("Selesai", "Done"),
}


#: Record types the server writes itself; a client that pushes one is ``forbidden``
#: (and the laptop's outbox never queues them).
SERVER_TYPES = ("balai", "user", "template", "number_block", "signing_key")
#: Record types clients write.
CLIENT_TYPES = ("instrument", "company", "equipment", "inspection", "attachment", "certificate")
