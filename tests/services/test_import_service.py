"""Spreadsheet import: real .xlsx/.csv files, a real SQLite database, the real services."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from k3desk.cli import main
from k3desk.domain.errors import PermissionDenied, ValidationError
from k3desk.services import auth_service, import_service
from k3desk.services.context import Actor, AppContext
from k3desk.store.db import open_database
from k3desk.store.models import Balai, Company, Equipment, Instrument, OutboxEntry, User


def make_ctx(data_dir: Path, role: str = "supervisor") -> AppContext:
    """A data folder with one Balai and one user with a password, logged in."""
    db = open_database(data_dir)
    with db.session(remote=True) as s:
        balai = Balai(code="BK3T", name="Balai Uji", address="Jl. Uji 1", version=1)
        s.add(balai)
        s.flush()
        user = User(username="penyelia", full_name="Penyelia Uji", nip="1", role=role,
                    balai_id=balai.id, version=1,
                    password_hash=auth_service.hash_password("rahasia-1"))
        s.add(user)
        s.flush()
        actor = Actor.of(user)
    auth_service.login_offline(db, "penyelia", "rahasia-1")
    return AppContext(db=db, actor=actor)


@pytest.fixture
def ctx(tmp_path: Path) -> Any:
    c = make_ctx(tmp_path / "data")
    yield c
    c.db.dispose()


def xlsx(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def count(ctx: AppContext, model: Any) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


COMPANIES = [
    ["name", "address", "city", "phone", "contact_person"],
    ["PT Baja Prima", "Jl. Industri Raya 5, Cikarang", "Bekasi", "021-555", "Andi"],
    ["PT Kimia Jaya", "Kawasan MM2100 Blok C", "Bekasi", None, None],
    ["CV Sinar Laut", "Jl. Pelabuhan 9", "Jakarta", "021-777", "Rina"],
]


def test_good_xlsx_imports_every_row_and_reimport_creates_no_duplicates(ctx, tmp_path):
    f = xlsx(tmp_path / "perusahaan.xlsx", COMPANIES)
    result = import_service.import_file(ctx, f, "companies")
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    with ctx.db.session() as s:
        names = sorted(s.scalars(select(Company.name)))
        baja = s.scalars(select(Company).where(Company.name == "PT Baja Prima")).one()
        outbox = s.scalar(select(func.count()).select_from(OutboxEntry)
                          .where(OutboxEntry.record_type == "company"))
    assert names == ["CV Sinar Laut", "PT Baja Prima", "PT Kimia Jaya"]
    assert (baja.city, baja.phone, baja.contact_person) == ("Bekasi", "021-555", "Andi")
    assert baja.balai_id == ctx.actor.balai_id and outbox == 3

    again = import_service.import_file(ctx, f, "companies")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert count(ctx, Company) == 3

    # Same companies, spelled differently, one new phone number: an update, not a copy.
    changed = [r[:] for r in COMPANIES]
    changed[1] = ["pt baja  prima", "Jl Industri Raya 5 Cikarang", "Bekasi", "021-999", "Andi"]
    result = import_service.import_file(ctx, xlsx(tmp_path / "p2.xlsx", changed), "companies")
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    with ctx.db.session() as s:
        baja = s.scalars(select(Company).where(Company.phone == "021-999")).one()
    assert baja.name == "PT Baja Prima" and count(ctx, Company) == 3


def test_bad_rows_import_nothing_and_name_row_column_reason(ctx, tmp_path):
    rows = [["Nama perusahaan", "Alamat", "Kota"],
            ["PT Satu", "Jl. Satu 1", "Bogor"],
            ["PT Dua", None, "Bogor"],            # row 3: address missing
            [None, None, None],                   # an empty line is skipped
            [None, "Jl. Empat 4", "Depok"],       # row 5: name missing
            ["PT Satu", "Jl. Satu 1", "Bogor"]]   # row 6: same as row 2
    f = xlsx(tmp_path / "buruk.xlsx", rows)
    with pytest.raises(import_service.ImportRejected) as info:
        import_service.import_file(ctx, f, "companies")
    errors = [(e.row, e.column) for e in info.value.errors]
    assert errors == [(3, "Alamat"), (5, "Nama perusahaan"), (6, "Nama perusahaan")]
    assert "wajib diisi" in info.value.errors[0].reason
    assert "baris 2" in info.value.errors[2].reason
    assert "baris 3, kolom 'Alamat'" in str(info.value)
    assert count(ctx, Company) == 0 and count(ctx, OutboxEntry) == 0

    # Excluding the bad rows lets the good one in.
    result = import_service.import_file(ctx, f, "companies", exclude_rows=[3, 5, 6])
    assert (result.created, result.excluded) == (1, 3)
    assert count(ctx, Company) == 1


def test_preview_suggests_mapping_and_reports_fate_of_rows(ctx, tmp_path):
    import_service.import_file(ctx, xlsx(tmp_path / "a.xlsx", COMPANIES[:2]), "companies")
    rows = [["Nama Perusahaan", "ALAMAT", "Keterangan"],
            ["PT Baja Prima", "Jl. Industri Raya 5, Cikarang", "lama"],
            ["PT Baru", "Jl. Baru 2", "baru"],
            ["PT Tanpa Alamat", None, "x"]]
    f = xlsx(tmp_path / "b.xlsx", rows)
    p = import_service.preview(ctx, f, "companies")
    assert p.headers == ["Nama Perusahaan", "ALAMAT", "Keterangan"]
    assert p.suggested == {"Nama Perusahaan": "name", "ALAMAT": "address", "Keterangan": None}
    assert import_service.suggest_mapping("companies", ["No. Telp", "CP"]) == {
        "No. Telp": "phone", "CP": "contact_person"}
    assert [r.action for r in p.rows] == ["unchanged", "create", "error"]
    assert [(e.row, e.column) for e in p.errors] == [(4, "ALAMAT")]
    assert p.counts["created"] == 1 and p.total_rows == 3
    assert count(ctx, Company) == 1  # a preview writes nothing

    # An explicit mapping that leaves out a required field is reported, not guessed.
    p = import_service.preview(ctx, f, "companies", {"Nama Perusahaan": "name"})
    assert any("address" in e.reason for e in p.errors)


def test_equipment_by_company_name_and_instruments_from_csv(ctx, tmp_path):
    import_service.import_file(ctx, xlsx(tmp_path / "c.xlsx", COMPANIES), "companies")
    rows = [["company_name", "object_type", "serial_number", "manufacturer", "year_built"],
            ["PT Baja Prima", "overhead_crane", 44120, "Konecranes", 2015.0],
            ["PT Baja Prima", "Bejana Tekanan", "BT-2019-7", "Samator", "2019"],
            ["PT Kimia Jaya", "apar", "APAR-1", None, None]]
    f = xlsx(tmp_path / "alat.xlsx", rows)
    result = import_service.import_file(ctx, f, "equipment")
    assert result.created == 3
    with ctx.db.session() as s:
        crane = s.scalars(select(Equipment).where(Equipment.serial_number == "44120")).one()
        vessel = s.scalars(select(Equipment).where(Equipment.serial_number == "BT-2019-7")).one()
        baja = s.scalars(select(Company).where(Company.name == "PT Baja Prima")).one()
    assert (crane.object_type, crane.year_built, crane.company_id) == ("overhead_crane", 2015,
                                                                       baja.id)
    assert (vessel.object_type, vessel.year_built) == ("bejana_tekan", 2019)
    assert import_service.import_file(ctx, f, "equipment").unchanged == 3
    assert count(ctx, Equipment) == 3

    bad = [rows[0], ["PT Tidak Ada", "apar", "X-1", None, None],
           ["PT Kimia Jaya", "roket", "X-2", None, 1700]]
    with pytest.raises(import_service.ImportRejected) as info:
        import_service.import_file(ctx, xlsx(tmp_path / "bad.xlsx", bad), "equipment")
    assert [(e.row, e.column) for e in info.value.errors] == [
        (2, "company_name"), (3, "object_type"), (3, "year_built")]
    assert count(ctx, Equipment) == 3

    csv_path = tmp_path / "alat_ukur.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Nama alat", "Nomor seri", "Kalibrasi berlaku sampai"])
        w.writerow(["Lux meter", "LX-1", "31/12/2027"])
        w.writerow(["Sound level meter", "SLM-2", "2027-06-30"])
    result = import_service.import_file(ctx, csv_path, "instruments")
    assert result.created == 2
    with ctx.db.session() as s:
        lux = s.scalars(select(Instrument).where(Instrument.serial_number == "LX-1")).one()
    assert lux.calibration_valid_until == date(2027, 12, 31)
    assert import_service.import_file(ctx, csv_path, "instruments").unchanged == 2


def test_instruments_need_a_supervisor(tmp_path):
    ctx = make_ctx(tmp_path / "d", role="inspector")
    f = xlsx(tmp_path / "i.xlsx", [["name", "serial_number", "calibration_valid_until"],
                                   ["Lux", "1", datetime(2027, 1, 1)]])
    with pytest.raises(import_service.ImportRejected) as info:
        import_service.import_file(ctx, f, "instruments")
    assert "penyelia" in str(info.value) or "supervisor" in str(info.value)
    assert count(ctx, Instrument) == 0
    ctx.db.dispose()
    assert issubclass(import_service.ImportRejected, ValidationError)
    assert not issubclass(import_service.ImportRejected, PermissionDenied)


def test_non_excel_file_renamed_xlsx_is_refused_clearly(ctx, tmp_path):
    fake = tmp_path / "data.xlsx"
    fake.write_bytes(b"%PDF-1.4 this is really a PDF\n" * 20)
    with pytest.raises(ValidationError) as info:
        import_service.preview(ctx, fake, "companies")
    assert "bukan berkas Excel .xlsx yang sah" in str(info.value)
    old = tmp_path / "lama.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(ValidationError, match=r"\.xls"):
        import_service.import_file(ctx, old, "companies")


def test_cli_import_exit_codes(ctx, tmp_path, capsys):
    data_dir = ctx.db.data_dir
    good = xlsx(tmp_path / "good.xlsx", COMPANIES)
    assert main(["import", "companies", str(good), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "3" in out and "dibuat" in out
    bad = xlsx(tmp_path / "bad.xlsx", [COMPANIES[0], ["PT X", None, None, None, None]])
    assert main(["import", "companies", str(bad), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "baris 2, kolom 'address'" in err
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    assert main(["import", "equipment", str(fake), "--data-dir", str(data_dir)]) == 2
    assert "bukan berkas Excel" in capsys.readouterr().err
    assert count(ctx, Company) == 3


def test_equipment_by_company_id_or_name_and_address_and_cp1252_csv(ctx, tmp_path):
    twins = [["name", "address"], ["PT Kembar", "Jl. Satu"], ["PT Kembar", "Jl. Dua"]]
    import_service.import_file(ctx, xlsx(tmp_path / "t.xlsx", twins), "companies")
    with ctx.db.session() as s:
        second = s.scalars(select(Company).where(Company.address == "Jl. Dua")).one().id
    rows = [["company_name", "object_type", "serial_number"], ["PT Kembar", "apar", "A-1"]]
    with pytest.raises(import_service.ImportRejected, match="alamat perusahaan"):
        import_service.import_file(ctx, xlsx(tmp_path / "e1.xlsx", rows), "equipment")
    rows = [["company_name", "company_address", "object_type", "serial_number"],
            ["PT Kembar", "jl dua", "apar", "A-1"]]
    assert import_service.import_file(ctx, xlsx(tmp_path / "e2.xlsx", rows),
                                      "equipment").created == 1
    by_id = tmp_path / "e3.csv"
    by_id.write_bytes("company_id,object_type,serial_number,location\n"
                      f"{second},apar,A-1,Gudang Pendingin \u00e9\n".encode("cp1252"))
    result = import_service.import_file(ctx, by_id, "equipment")
    assert (result.created, result.updated) == (0, 1)  # same company + serial: an update
    with ctx.db.session() as s:
        eq = s.scalars(select(Equipment)).one()
    assert eq.company_id == second and eq.location == "Gudang Pendingin \u00e9"
