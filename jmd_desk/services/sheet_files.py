"""Reading spreadsheets (.xlsx through openpyxl, .csv in the German Excel dialect) into cells.

Every size a file can choose is bounded before it costs memory: the file itself, the
uncompressed size and number of the parts inside an .xlsx (zip bombs), rows, columns and
the length of a cell.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.sheet_import import SheetData, is_blank
from jmd_desk.services.files import read_file

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_ZIP_MEMBERS = 2000
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
MAX_FILLED_CELLS = 2_000_000  # memory: a small file can still hold millions of tiny cells
CSV_DELIMITERS = (";", ",", "\t")


def sheet_names(path: Path) -> list[str]:
    """The sheets of an .xlsx file (a .csv file has one, unnamed: ``[""]``)."""
    data = _read_bounded(path)
    if _kind(path) == "csv":
        return [""]
    book = _open_workbook(data)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_sheet(path: Path, sheet: str | None = None) -> SheetData:
    """Header row and data rows of ``path`` (the named sheet, or the first one)."""
    data = _read_bounded(path)
    rows = _csv_rows(data) if _kind(path) == "csv" else _xlsx_rows(data, sheet)
    return _sheet_data(rows)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise JmdError("sheet_type_unsupported", name=path.name)


def _read_bounded(path: Path) -> bytes:
    _kind(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > MAX_FILE_BYTES:
        raise JmdError("sheet_too_large", max_mb=MAX_FILE_BYTES // (1024 * 1024))
    return read_file(path)


# ------------------------------------------------------------------ xlsx
def _check_zip(data: bytes) -> None:
    """Refuse what is no .xlsx, and zip bombs, by the sizes the archive declares (Python's
    zipfile never inflates a part beyond its declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise JmdError("sheet_not_xlsx") from None
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise JmdError("sheet_unpacks_too_large", max_mb=MAX_UNPACKED_BYTES // (1024 * 1024))
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise JmdError("sheet_not_xlsx")


def _open_workbook(data: bytes) -> Any:
    _check_zip(data)
    import openpyxl  # noqa: PLC0415 - loaded only when a spreadsheet is read

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        raise JmdError("sheet_not_xlsx") from None


def _xlsx_rows(data: bytes, sheet: str | None) -> list[tuple[Any, ...]]:
    book = _open_workbook(data)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise JmdError("sheet_not_found", value=sheet, sheets=", ".join(book.sheetnames))
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        try:
            # The declared width, bounded: a file claiming column XFD must not pad every row to 16,384.
            width = min(worksheet.max_column or MAX_COLUMNS + 1, MAX_COLUMNS + 1)
            return _bounded(worksheet.iter_rows(max_col=width, values_only=True))
        except JmdError:
            raise
        except Exception:  # noqa: BLE001 - damaged sheet XML
            raise JmdError("sheet_not_xlsx") from None
    finally:
        book.close()


# ------------------------------------------------------------------ csv
def _decode(data: bytes) -> str:
    """UTF-8 with or without BOM, else Windows-1252 (what German Excel writes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise JmdError("sheet_not_text") from None


def _delimiter(first_line: str) -> str:
    """German Excel writes ``;``; a file with more commas or tabs in its header uses those."""
    counts = {d: first_line.count(d) for d in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[";"] else ";"


def _csv_rows(data: bytes) -> list[tuple[Any, ...]]:
    text = _decode(data)
    if "\x00" in text:
        raise JmdError("sheet_not_text")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    try:
        return _bounded(tuple(cell if cell.strip() else None for cell in row) for row in reader)
    except csv.Error as exc:
        raise JmdError("sheet_csv_broken", line=reader.line_num, reason=str(exc)) from None


# ------------------------------------------------------------------ both
def _bounded(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows, refusing more rows, columns or longer cells than the limits."""
    result = []
    filled = 0
    for number, cells in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:
            raise JmdError("sheet_too_many_rows", max=MAX_ROWS)
        if len(cells) > MAX_COLUMNS and any(not is_blank(v) for v in cells[MAX_COLUMNS:]):
            raise JmdError("sheet_too_many_columns", max=MAX_COLUMNS)
        for value in cells:
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise JmdError("sheet_cell_too_long", row=number, max=MAX_CELL_CHARS)
        filled += sum(1 for value in cells if value is not None)
        if filled > MAX_FILLED_CELLS:
            raise JmdError("sheet_too_many_cells", max=MAX_FILLED_CELLS)
        result.append(tuple(cells[:MAX_COLUMNS]))
    return result


def _sheet_data(rows: list[tuple[Any, ...]]) -> SheetData:
    if not rows or all(is_blank(v) for v in rows[0]):
        raise JmdError("sheet_no_header")
    headers = ["" if is_blank(v) else " ".join(str(v).split()) for v in rows[0]]
    while not headers[-1]:  # columns without a heading at the right end are not part of the list
        headers.pop()
    width = len(headers)
    return SheetData(tuple(headers), tuple((n, row[:width]) for n, row in enumerate(rows[1:], start=2)))
