"""A photo stored by attachment_service reaches the server and another laptop as it is."""

from __future__ import annotations

import io

from PIL import Image

from k3desk.services import attachment_service as att
from k3desk.store.models import Attachment
from tests.services.test_attachment_service import jpeg
from tests.sync.helpers import apar_inspection, equipment


def test_a_stored_photo_and_signature_sync_to_another_laptop(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops["insp1"], laptops["insp1#b"]
    eq = equipment(a, a.company("PT Foto Sinkron"), "APAR-FOTO-1")
    iid = apar_inspection(a, eq)
    photo = att.add_photo(a.ctx, iid, "foto", jpeg((5000, 3000), orientation=8), "besar.jpg")
    turned = att.rotate(a.ctx, photo, 1)
    sig = Image.new("RGBA", (400, 120), (0, 0, 0, 0))
    sig.paste((10, 30, 100, 255), (40, 50, 300, 60))
    buf = io.BytesIO()
    sig.save(buf, format="PNG")
    signature = att.set_signature(a.ctx, iid, buf.getvalue())
    summary = a.sync()
    assert summary.quarantined == 0 and summary.blobs_uploaded == 2
    b.sync()
    got = att.photo_infos(b.db, [photo])[photo]
    assert got.stored and got.path.read_bytes() == turned.path.read_bytes()
    theirs = att.signature(b.db, iid)
    assert theirs is not None and theirs.path.read_bytes() == signature.path.read_bytes()
    att.remove_photo(a.ctx, photo)
    a.sync()
    b.sync()
    with b.db.session() as s:
        assert s.get(Attachment, photo).deleted
