"""Reading a spreadsheet into a header and numbered rows, and reading its cells.

Row numbers are the file's own (the header is usually row 1), so an error message
points at the row a person sees in Excel. A file that is not what its name says (a
.doc renamed .xlsx, an old .xls) is refused with a sentence, never a traceback.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.object_types import OBJECT_TYPES

MAX_ROWS = 50_000
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (file row number, cells in header order)
    header_row: int = 1


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise ValidationError(translate("import", "berkas {path} tidak ditemukan").format(
                                  path=path))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ValidationError(translate("import", "{name} berformat Excel lama (.xls); "
                                        "buka di Excel lalu simpan sebagai .xlsx, atau "
                                        "sebagai CSV").format(
                                  name=path.name))
    if suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        raw = _csv_rows(path)
    else:
        raise ValidationError(translate("import", "{name}: hanya berkas .xlsx atau .csv "
                                        "yang dapat diimpor").format(
                                  name=path.name))
    return _table(path, raw)


def _xlsx_rows(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ValidationError(translate("import", "{name} bukan berkas Excel .xlsx yang "
                                        "sah (mungkin berkas lain yang diganti namanya, "
                                        "atau rusak); buka di Excel lalu simpan sebagai "
                                        ".xlsx, atau ekspor ke CSV").format(
                                  name=path.name)) from exc
    try:
        ws = wb.worksheets[0]
        rows = []
        for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
            rows.append((n, list(values)))
            if n > MAX_ROWS + 1:
                raise ValidationError(translate("import", "{name} berisi lebih dari "
                                                "{MAX_ROWS} baris; bagi menjadi "
                                                "beberapa berkas").format(
                                          name=path.name, MAX_ROWS=MAX_ROWS))
        return rows
    finally:
        wb.close()


def _csv_rows(path: Path) -> list[tuple[int, list[Any]]]:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ValidationError(translate("import", "{name} bukan berkas teks CSV").format(
                                  name=path.name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    try:
        # Excel in an Indonesian locale writes ';' (the comma is the decimal mark).
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    return [(reader.line_num, row) for row in reader]


def _table(path: Path, raw: list[tuple[int, list[Any]]]) -> Table:
    filled = [(n, cells) for n, cells in raw if any(to_text(c) for c in cells)]
    if not filled:
        raise ValidationError(translate("import", "{name} kosong: tidak ada baris judul "
                                        "kolom").format(
                                  name=path.name))
    header_row, header_cells = filled[0]
    while header_cells and not to_text(header_cells[-1]):
        header_cells = header_cells[:-1]
    headers = []
    for i, cell in enumerate(header_cells, start=1):
        name = to_text(cell) or f"Kolom {i}"
        if name in headers:
            raise ValidationError(translate("import", "{name}: judul kolom '{name2}' "
                                            "muncul dua kali (baris {header_row})").format(
                                      name=path.name, name2=name, header_row=header_row))
        headers.append(name)
    width = len(headers)
    rows = [(n, (list(cells) + [None] * width)[:width]) for n, cells in filled[1:]]
    return Table(headers, rows, header_row)


def to_text(value: Any) -> str | None:
    """A cell as text: 12345.0 (Excel's number) becomes '12345', a date its ISO form."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def to_int(value: Any) -> Any:
    """Whole numbers as int; anything else returned as it is, for the rules to refuse."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = to_text(value)
    if text is not None and text.isdigit():
        return int(text)
    return text


def date_text(value: Any) -> Any:
    """A date cell as YYYY-MM-DD; day-first text (31/12/2026) is what Indonesia writes."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = to_text(value)
    if text is None:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def header_key(header: str) -> str:
    """'No. Seri' -> 'no_seri': how headers and names are compared."""
    return "_".join(re.sub(r"[^\w]+", " ", header.casefold()).split())


def object_type_code(value: Any) -> Any:
    """Accept the code or the name a person would write ("Bejana Tekanan")."""
    key = header_key(str(value or ""))
    for code, ot in OBJECT_TYPES.items():
        if key in (code, header_key(ot.name_id), header_key(ot.name_en)):
            return code
    return value


def row_values(cells: dict[str, Any]) -> dict[str, Any]:
    """A row's cells (by field name) as the services take them; empty cells left out."""
    values: dict[str, Any] = {}
    for name, raw in cells.items():
        if name == "year_built":
            value: Any = to_int(raw)
        elif name == "calibration_valid_until":
            value = date_text(raw)
        else:
            value = to_text(raw)
        if value is not None and value != "":
            values[name] = object_type_code(value) if name == "object_type" else value
    return values
