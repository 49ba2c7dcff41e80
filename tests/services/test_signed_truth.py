"""Issue 13 on the laptop: an issued certificate keeps what it signed; no self-review."""

from __future__ import annotations

from pathlib import Path

import pytest

from k3desk.domain.certificates import parse_payload
from k3desk.domain.errors import PermissionDenied, ValidationError
from k3desk.services import document_service, inspection_service, review_service
from k3desk.services.records_service import refuse_certified_deletion
from k3desk.store.models import Certificate, Company, Equipment, Inspection
from tests.services.test_workflow import _ctx, _filled


def test_re_rendering_an_issued_certificate_uses_its_signed_snapshot(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    supervisor = _ctx(demo_dir, "penyelia")
    issued = review_service.approve(supervisor, inspection_id)
    with supervisor.db.session() as s:
        cert = s.get(Certificate, issued.certificate_id)
        assert cert is not None
        signed = parse_payload(cert.payload)
        assert signed["approver"] == supervisor.actor.full_name
        insp = s.get(Inspection, inspection_id)
        assert insp is not None
        company = s.get(Company, insp.company_id)
        equipment = s.get(Equipment, insp.equipment_id)
        assert company is not None and equipment is not None
        assert signed["company_address"] == company.address
        company.name, company.address = "PT Ganti Nama", "Alamat Baru 1"
        equipment.serial_number = "SERIAL-BARU"
    with supervisor.db.session() as s:
        doc = document_service.certificate_document(s, inspection_id)
        assert doc.company.name == signed["company"] != "PT Ganti Nama"
        assert doc.company.address == signed["company_address"]
        assert doc.equipment.serial_number == signed["equipment_serial"] != "SERIAL-BARU"
        with pytest.raises(ValidationError, match="sertifikat"):
            refuse_certified_deletion(s, "equipment", equipment.id)
        with pytest.raises(ValidationError, match="sertifikat"):
            refuse_certified_deletion(s, "company", company.id)
        refuse_certified_deletion(s, "instrument", equipment.id)  # nothing to refuse


def test_a_supervisor_never_reviews_their_own_inspection(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    supervisor = _ctx(demo_dir, "penyelia")
    with supervisor.db.session() as s:
        insp = s.get(Inspection, inspection_id)
        assert insp is not None
        insp.inspector_id = supervisor.actor.id
    with pytest.raises(PermissionDenied, match="namanya sendiri"):
        review_service.approve(supervisor, inspection_id)
    with pytest.raises(PermissionDenied, match="namanya sendiri"):
        review_service.reject(supervisor, inspection_id, reason="tidak boleh")
