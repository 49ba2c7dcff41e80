"""Laying out a ``Recap`` as an Excel workbook (openpyxl); no figures are computed here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from k3desk.services.export_service import Recap

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
BOLD = Font(bold=True)
TYPE_COLUMNS = ("total", "passed", "failed", "pending", "rejected", "issued", "revoked",
                "retest_due")
INSPECTOR_COLUMNS = ("total", "passed", "failed", "pending", "rejected", "issued")
SHEETS = ("Ringkasan", "Per jenis objek", "Per pemeriksa", "Sertifikat", "Dicabut",
          "Uji ulang")


def _table(ws: Worksheet, headers: list[str], rows: list[list[Any]], *, total: list[Any] | None
           = None) -> None:
    ws.append(headers)
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append(row)
    if total is not None:
        ws.append(total)
        for cell in ws[ws.max_row]:
            cell.font = BOLD
    ws.freeze_panes = ws.cell(row=2, column=1)
    for i, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[i - 1] or "")) for r in rows])
        ws.column_dimensions[get_column_letter(i)].width = min(max(10, width + 2), 60)


def write_workbook(recap: Recap, path: Path, type_name: Callable[[str], str]) -> None:
    from k3desk.services.export_service import LABELS

    wb = Workbook()
    ws = wb.active
    ws.title = SHEETS[0]
    ws.append(["Rekapitulasi pemeriksaan dan pengujian K3"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Balai", recap.balai_name])
    ws.append(["Periode", recap.start, recap.end])
    ws.append(["Dibuat", datetime.now().replace(microsecond=0)])
    ws.append([])
    ws.append(["Keterangan", "Jumlah"])
    for key in TYPE_COLUMNS:
        ws.append([LABELS[key], recap.totals.get(key, 0)])
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 48

    by_type = wb.create_sheet(SHEETS[1])
    _table(by_type, ["Jenis objek", "Kode"] + [LABELS[k] for k in TYPE_COLUMNS],
           [[type_name(code), code] + [row[k] for k in TYPE_COLUMNS]
            for code, row in recap.by_object_type.items()],
           total=["Jumlah", ""] + [recap.totals.get(k, 0) for k in TYPE_COLUMNS])

    by_inspector = wb.create_sheet(SHEETS[2])
    _table(by_inspector, ["Pemeriksa"] + [LABELS[k] for k in INSPECTOR_COLUMNS],
           [[name] + [row[k] for k in INSPECTOR_COLUMNS]
            for name, row in recap.by_inspector.items()],
           total=["Jumlah"] + [recap.totals.get(k, 0) for k in INSPECTOR_COLUMNS])

    certificate_headers = ["Nomor", "Tanggal terbit", "Berlaku sampai", "Perusahaan",
                           "Jenis objek", "Nomor seri", "Penyetuju", "Dicabut pada",
                           "Alasan pencabutan"]

    def cert_row(c: dict[str, Any]) -> list[Any]:
        return [c["number"], c["issued_on"], c["valid_until"], c["company"],
                type_name(c["object_type"]), c["serial_number"], c["approver"],
                c["revoked_on"], c["revoked_reason"]]

    _table(wb.create_sheet(SHEETS[3]), certificate_headers,
           [cert_row(c) for c in recap.certificates])
    _table(wb.create_sheet(SHEETS[4]), certificate_headers, [cert_row(c) for c in recap.revoked])
    _table(wb.create_sheet(SHEETS[5]),
           ["Jatuh tempo", "Perusahaan", "Jenis objek", "Nomor seri", "Pemeriksaan terakhir"],
           [[r["due"], r["company"], type_name(r["object_type"]), r["serial_number"],
             r["last_inspected_on"]] for r in recap.retests])
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.is_date:
                    cell.number_format = "DD/MM/YYYY"
                elif cell.data_type == "f":
                    # openpyxl reads a text starting with "=" as a formula: nothing here
                    # is one, so a company named "=HYPERLINK(...)" stays a text cell
                    cell.data_type = "s"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
