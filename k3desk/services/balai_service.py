"""The Balai's document settings as this laptop has them (letterhead, number format).

The Balai record is written by the server only: a laptop never pushes it (the server
refuses a pushed ``balai`` change as ``forbidden``, SYNC_PROTOCOL.md section 3), so
the window shows these settings and tries a number format, but a change is made on the
server and arrives here with the next sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from k3desk.domain.numbering import DEFAULT_NUMBER_FORMAT, format_number
from k3desk.store.db import Database
from k3desk.store.models import Balai

EXAMPLE_SEQ = 42
EXAMPLE_OBJECT_CODE = "PAA"


@dataclass(frozen=True)
class DocumentSettings:
    code: str
    name: str
    address: str
    city: str
    phone: str
    email: str
    website: str
    head_name: str
    head_nip: str
    number_format: str

    @property
    def letterhead(self) -> str:
        """The letterhead lines as the documents print them."""
        contact = " · ".join(x for x in (self.phone, self.email, self.website) if x)
        return "\n".join(x for x in (self.name, self.address, contact) if x)


def document_settings(db: Database, balai_id: str | None) -> DocumentSettings | None:
    with db.session() as s:
        balai = s.get(Balai, balai_id) if balai_id else \
            s.scalars(select(Balai).limit(1)).first()
        if balai is None:
            return None
        return DocumentSettings(balai.code, balai.name, balai.address, balai.city or "",
                                balai.phone or "", balai.email or "", balai.website or "",
                                balai.head_name or "", balai.head_nip or "",
                                balai.number_format or DEFAULT_NUMBER_FORMAT)


def number_example(fmt: str, balai_code: str, on: date | None = None) -> str:
    """The number a format gives (sequence 42, an APAR), or a ValidationError saying
    what is wrong with the format."""
    return format_number(fmt, EXAMPLE_SEQ, EXAMPLE_OBJECT_CODE, balai_code,
                         on or date.today())
