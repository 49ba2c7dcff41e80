"""A supervisor's laptop gets its key registered and numbers leased by sync, then
approves offline; the signed certificate is accepted by the server and reaches the
inspector."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from k3desk.domain import pki
from k3desk.services import (
    document_service,
    inspection_service,
    keys_service,
    pades_service,
    review_service,
    settings_service,
    verification_service,
)
from k3desk.store.models import Certificate, Inspection, NumberBlock, SigningKey
from tests.sync.helpers import Laptop, apar_inspection, equipment, open_conflicts, outbox


def test_offline_approval_after_sync_is_accepted(laptops: dict[str, Laptop],
                                                 tmp_path: Path) -> None:
    inspector, supervisor = laptops["insp1"], laptops["spv2"]
    inspector.sync()
    first = supervisor.sync()
    assert any("didaftarkan" in m for m in first.messages)
    device = settings_service.device_id(supervisor.db)
    with supervisor.db.session() as s:
        mine = keys_service.public_key(supervisor.db)
        key = s.scalars(select(SigningKey).where(
            SigningKey.user_id == supervisor.ctx.actor.id, SigningKey.public_key == mine)).one()
        assert not key.revoked and key.device_id == device
        block = s.scalars(select(NumberBlock).where(NumberBlock.device_id == device)).one()
        assert block.last - block.first + 1 == 100
        # the PDF signature's certificate came with the registration (docs/pades.md)
        leaf = pki.load_certificate(key.extra["x509_certificate"])
        assert pki.key_id_of(leaf) == key.key_id
    root = pades_service.root_pem_of(supervisor.db.data_dir)
    assert root is not None and pades_service.crl_of(supervisor.db.data_dir) is not None
    leaf.verify_directly_issued_by(pki.load_certificate(root))
    # a second sync neither registers again nor leases while numbers are left
    second = supervisor.sync()
    assert second.messages == []

    insp_id = apar_inspection(inspector, equipment(inspector, inspector.company("PT Sah"),
                                                   "APAR-SAH"))
    inspection_service.submit(inspector.ctx, insp_id)
    inspector.sync()
    supervisor.sync()
    issued = review_service.approve(supervisor.ctx, insp_id)  # offline: nothing sent yet
    summary = supervisor.sync()
    assert summary.quarantined == 0 and summary.pushed == 2, supervisor.db.path
    assert outbox(supervisor, "quarantined") == [] and open_conflicts(supervisor) == []
    inspector.sync()
    with inspector.db.session() as s:
        assert s.get(Inspection, insp_id).status == "approved"
        cert = s.get(Certificate, issued.certificate_id)
        assert cert is not None and cert.number == issued.number and cert.version == 1
    # the supervisor's PDF is PAdES-signed offline, with the CRL of the last sync; the
    # inspector's laptop (root and CRL kept by its own sync) validates it
    pdf = tmp_path / "sertifikat.pdf"
    path, note = document_service.write_certificate(supervisor.db, issued.certificate_id, pdf)
    assert "PAdES" in note and "CRL" in note
    checked = verification_service.verify(path, inspector.db.data_dir)
    assert checked.ok, checked.reason
    assert checked.details["pdf_signature"].startswith("tanda tangan digital PDF sah")
