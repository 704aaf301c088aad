"""Checks on a workbook file BEFORE any reader parses it.

A reader trusts the zip it is given. A zip bomb, an XML entity bomb or a file that is not a
workbook at all must be refused here, quickly and with bounded memory: sizes and ratios are
checked against the zip directory (read once) first, then every member is inflated once, in
one call bounded by its declared size, straight from the file's bytes (its size and CRC are
checked, so truncated and bit-flipped files fail here rather than deep inside the reader). Every
XML part is scanned for DTDs and entities, which a genuine .xlsx never contains, by substring
tests at C speed. Each part a reader parses is checked to be well-formed exactly once: the
package and workbook parts by the ElementTree parse that reads them anyway, content types,
styles, shared strings and worksheets by expat (python-calamine is lenient with some malformed
XML, and a damaged part must be refused, not half read). Worksheets get byte scans for their
row count, extent and formula/error cells; the usual scan sheet takes the fast path of each.
The workbook's sheets, date system and formula/error cells come back to the reader.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from xml.parsers import expat
from xml.parsers.expat import ExpatError

from zelfscan_app.errors import ImportRefused

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element
from zelfscan_app.exchange import layout

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx
_CHUNK = 64 * 1024
_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\x00\x00\x00<", b"\x00<", b"<\x00")
_PREFIXED_ROW = re.compile(rb"<[A-Za-z_][\w.-]*:row[\s>/]")
# The r attribute of rows and cells (r="12", r="AB12"): the plain form found fast by its literal
# prefix, any other spelling by the slower pattern only when the sheet has one.
_R_ATTRIBUTE = re.compile(rb' r="([A-Za-z]{0,4})0*(\d{1,9})"')
_R_ATTRIBUTE_ANY = re.compile(rb"""\sr\s*=\s*["']\s*([A-Za-z]{0,4})0*(\d{1,9})\s*["']""")
# A reference that could pass a limit: two or more letters, or a row number of four digits.
_BIG_REFERENCE = re.compile(rb' r="(?:[A-Za-z]{2}|[A-Za-z]?0*[1-9]\d{3})')
_FORMULA = re.compile(rb"<f[\s>/]")
_REF = re.compile(r"^([A-Za-z]{1,4})\d+$")
_SPECIAL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]|\bt\s*=\s*[\"']e[\"']")
# Media a workbook may carry (PNG, JPEG, GIF, BMP, TIFF, WMF, EMF, OLE): no XML can start so.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\xd7\xcd\xc6\x9a",
    b"\x01\x00\x00\x00",
    _OLE_MAGIC,
)
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""", re.IGNORECASE)

_REQUIRED_MEMBERS = ("[Content_Types].xml", "_rels/.rels")  # every OPC package has both
_DAMAGED = "het bestand is beschadigd of onvolledig en is geen leesbare Excel-werkmap (.xlsx)"
# A part the reader parses (worksheet, shared strings, content types) that is not well-formed:
# the message the reader gave when its own parser failed, kept so refusals read the same.
_UNREADABLE = "het bestand is beschadigd en kan niet als Excel-werkmap worden gelezen"
_BOMB = "het bestand pakt uit tot een onredelijk grote omvang (mogelijk een zip-bom)"


def read_limited(path: str | Path) -> bytes:
    """The file's bytes, refusing anything larger than a scan workbook can reasonably be.

    Only a regular file is read: a FIFO, socket or device named `x.xlsx` would block `open()`
    or `read()` forever (or never end), so it is opened without blocking and refused on its
    type before a single byte is read. Checking the opened descriptor, not the name, leaves no
    gap for the file to be swapped in between.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | _BINARY)
    except FileNotFoundError:
        raise ImportRefused("het bestand bestaat niet", path=name) from None
    except IsADirectoryError:
        raise ImportRefused("dit is een map, geen bestand", path=name) from None
    except PermissionError:
        raise ImportRefused("u heeft geen toegang tot het bestand", path=name) from None
    except OSError as exc:
        raise ImportRefused(
            f"het bestand kan niet worden gelezen ({exc.strerror or exc})", path=name
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ImportRefused("dit is een map, geen bestand", path=name)
        if not stat.S_ISREG(mode):
            raise ImportRefused(
                f"dit is geen gewoon bestand maar een {_special_kind(mode)}; alleen een "
                "opgeslagen Excel-werkmap kan worden ingelezen",
                path=name,
            )
        if _NONBLOCK:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(layout.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportRefused(
            f"het bestand kan niet worden gelezen ({exc.strerror or exc})", path=name
        ) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > layout.MAX_FILE_BYTES:
        mb = layout.MAX_FILE_BYTES // 1_000_000
        raise ImportRefused(
            f"het bestand is groter dan {mb} MB, te groot voor een zelfscanwerkmap", path=name
        )
    return data


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "pijp (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "apparaatbestand"
    return "speciaal bestand"


@dataclass(frozen=True, slots=True)
class SheetPart:
    """One worksheet as the workbook lists it, with what a value-only reader cannot see."""

    name: str
    part: str
    # (row, column), 1-based → ("f", "=formula") or ("e", "#N/A"): formulas and error values,
    # which python-calamine returns as their cached value or as an empty cell.
    special: Mapping[tuple[int, int], tuple[str, str]]


@dataclass(frozen=True, slots=True)
class CheckedWorkbook:
    """What the guards learned while checking: enough for the reader to trust the values."""

    date1904: bool
    sheets: tuple[SheetPart, ...]

    def sheet(self, name: str) -> SheetPart | None:
        return next((s for s in self.sheets if s.name == name), None)


def check_workbook_bytes(data: bytes, path: str) -> CheckedWorkbook:
    """Raise ImportRefused unless `data` is a zip that is safe to hand to a workbook reader.

    Each member is inflated once, in chunks, straight from the zip's bytes: its size and CRC
    are checked, the parts that are XML are scanned for DTDs and entities, and the parts a
    reader parses (package, workbook, worksheets, shared strings, styles) are also fed to
    expat, so a damaged or truncated part is refused here even where the reader is lenient.
    """
    if not data:
        raise ImportRefused("het bestand is leeg", path=path)
    if data.startswith(_OLE_MAGIC):
        raise ImportRefused(
            "dit is een oud Excel-bestand (.xls) of een werkmap met wachtwoord; sla het op als "
            "Excel-werkmap (.xlsx) zonder wachtwoord",
            path=path,
        )
    if data.startswith(_EMPTY_ZIP_MAGIC):
        raise ImportRefused("het bestand is een leeg zip-archief, geen Excel-werkmap", path=path)
    if not data.startswith(_ZIP_MAGIC):
        raise ImportRefused("het bestand is geen Excel-werkmap (.xlsx)", path=path)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ImportRefused(_DAMAGED, path=path) from None
    archive.close()
    _check_directory(infos, path)
    return _Package(data, {i.filename: i for i in infos}, path).check()


def _check_directory(infos: list[zipfile.ZipInfo], path: str) -> None:
    """Sizes, ratios and names from the zip's directory alone: nothing is inflated yet."""
    if len(infos) > layout.MAX_MEMBERS:
        raise ImportRefused("het bestand bevat onredelijk veel onderdelen", path=path)
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise ImportRefused("het zip-archief bevat onderdelen met dezelfde naam", path=path)
    if "mimetype" in names and "[Content_Types].xml" not in names:
        raise ImportRefused(
            "dit is een OpenDocument-bestand (.ods); sla het op als Excel-werkmap (.xlsx)",
            path=path,
        )
    for required in _REQUIRED_MEMBERS:
        if required not in names:
            raise ImportRefused(
                f"het bestand is geen volledige Excel-werkmap (onderdeel {required} ontbreekt)",
                path=path,
            )
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportRefused("het bestand is met een wachtwoord versleuteld", path=path)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ImportRefused(
                "het bestand gebruikt een compressie die Excel niet gebruikt", path=path
            )
    limits = ZipLimits(
        layout.MAX_MEMBER_BYTES, layout.MAX_TOTAL_BYTES, layout.MAX_RATIO, layout.RATIO_FLOOR
    )
    if unpacks_too_large(infos, limits):
        raise ImportRefused(_BOMB, path=path)


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """How large an Office file may unpack: per member, in total, and per compression ratio."""

    member_bytes: int
    total_bytes: int
    ratio: int  # uncompressed / compressed, checked for members over `ratio_floor` bytes
    ratio_floor: int


def unpacks_too_large(infos: list[zipfile.ZipInfo], limits: ZipLimits) -> bool:
    """Whether the zip directory declares more than `limits` allow (zip-bomb check).

    Only the directory is read, nothing is decompressed; zipfile itself stops a member at its
    declared size, so a lying directory cannot smuggle more past this check. Shared by the
    workbook guards and the Word template checks.
    """
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.member_bytes or total > limits.total_bytes:
            return True
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(
            info.compress_size, 1
        ):
            return True
    return False


class _Package:
    """Inflates each member once, in dependency order: the package relationships, then the
    workbook and its relationships (which name the worksheets), then everything else."""

    def __init__(self, data: bytes, infos: dict[str, zipfile.ZipInfo], path: str) -> None:
        self.data = memoryview(data)
        self.infos = infos
        self.path = path
        self.done: set[str] = set()
        self.special: dict[str, dict[tuple[int, int], tuple[str, str]]] = {}

    def check(self) -> CheckedWorkbook:
        path = self.path
        self._inflate("[Content_Types].xml", parse=True, unreadable=_UNREADABLE)
        # The package's and workbook's own parts are parsed right away (by ElementTree, on
        # expat), which refuses a malformed one as expat alone did: no second parse.
        root_rels = _relationships(self._inflate("_rels/.rels"), "", path)
        office = [t for kind, t in root_rels if kind.endswith("/officeDocument")]
        if len(office) != 1 or office[0] not in self.infos:
            self._inflate_rest(set(), set())
            raise ImportRefused(_DAMAGED, path=path)
        workbook = office[0]
        folder, _, base = workbook.rpartition("/")
        rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        sheets_declared, date1904 = _workbook_sheets(self._inflate(workbook), path)
        if rels_name not in self.infos:
            self._inflate_rest(set(), set())
            raise ImportRefused(_DAMAGED, path=path)
        rows = _relationship_rows(self._inflate(rels_name), folder, path)
        targets = [(kind, target) for _rid, kind, target in rows]
        by_id = {rid: target for rid, _kind, target in rows}
        sheet_parts = [t for kind, t in targets if kind.endswith(("/worksheet", "/chartsheet"))]
        worksheets = {t for kind, t in targets if kind.endswith("/worksheet")}
        parsed = {t for kind, t in targets if kind.endswith(("/sharedStrings", "/styles"))}
        if all(t in self.infos for _, t in targets):
            self._inflate_rest(parsed | set(sheet_parts), worksheets)
        else:
            self._inflate_rest(set(), set())
        for _kind, target in targets:
            if target not in self.infos:
                raise ImportRefused(
                    f"het bestand is beschadigd: onderdeel {target} ontbreekt", path=path
                )
        # Many sheets, or sheets sharing one part, would multiply the parsing work; a scan
        # workbook has four.
        if max(len(sheet_parts), len(sheets_declared)) > layout.MAX_SHEETS:
            raise ImportRefused(
                f"de werkmap heeft meer dan {layout.MAX_SHEETS} bladen, veel meer dan een "
                "zelfscanwerkmap",
                path=path,
            )
        if len(set(sheet_parts)) != len(sheet_parts):
            raise ImportRefused(_DAMAGED, path=path)
        sheets = []
        for name, rid in sheets_declared:
            part = by_id.get(rid)
            if part is None or part not in self.infos:
                continue  # the reader reports the sheet as missing, by name
            sheets.append(SheetPart(name, part, self.special.get(part, {})))
        return CheckedWorkbook(date1904=date1904, sheets=tuple(sheets))

    # Inflating -------------------------------------------------------------------------------

    def _inflate_rest(self, parsed: set[str], worksheets: set[str]) -> None:
        for name in self.infos:
            if name in self.done:
                continue
            sheet = name in worksheets
            content = self._inflate(name, parse=name in parsed, unreadable=_UNREADABLE)
            if sheet:
                # A reader would visit every row: count them before it does (whole part at
                # once; the directory already bounded its size).
                if _count_rows(content) > layout.MAX_SHEET_ROWS:
                    raise _too_many_rows(name, self.path)
                _check_extent(content, name, self.path)
                self.special[name] = _special_cells(content) if _has_special(content) else {}

    def _inflate(
        self,
        name: str,
        *,
        parse: bool = False,
        unreadable: str = "",
    ) -> bytes:
        """Inflate one member once, bounded by its declared size; check its start, its XML
        markers, its size and CRC, and (for the parts only expat checks) its well-formedness.

        The order of the checks is the order a chunked reading reported them in, so every
        refused file keeps its message: encoding, then size, then DTD, then CRC, then XML."""
        path = self.path
        info = self.infos[name]
        self.done.add(name)
        start = _data_start(self.data, info, path)
        try:
            content, complete = _member_bytes(self.data, start, info)
        except (zlib.error, ValueError, OSError, EOFError, RuntimeError):
            raise ImportRefused(_DAMAGED, path=path) from None
        xml = bool(content) and not content.startswith(_BINARY_MAGIC)
        if xml:
            _check_start(content[:_CHUNK], name, path)
        if len(content) > info.file_size:  # more than declared: the CRC can no longer match
            raise ImportRefused(_DAMAGED, path=path)
        if xml:
            _check_markers(content, name, path)
        if not complete or len(content) != info.file_size or zlib.crc32(content) != info.CRC:
            raise ImportRefused(_DAMAGED, path=path)
        if parse:
            try:
                _expat_parser(name, path).Parse(content, True)
            except ExpatError:
                raise ImportRefused(unreadable or _DAMAGED, path=path) from None
        return content


def _data_start(data: memoryview, info: zipfile.ZipInfo, path: str) -> int:
    """Where the member's compressed bytes begin, after a local header that must match."""
    offset = info.header_offset
    header = bytes(data[offset : offset + 30])
    if len(header) < 30 or header[:4] != _ZIP_MAGIC:
        raise ImportRefused(_DAMAGED, path=path)
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    local_name = bytes(data[offset + 30 : offset + 30 + name_length])
    expected = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
    if local_name != expected:
        raise ImportRefused(_DAMAGED, path=path)
    start = offset + 30 + name_length + extra_length
    if start + info.compress_size > len(data):
        raise ImportRefused(_DAMAGED, path=path)
    return start


def _member_bytes(data: memoryview, start: int, info: zipfile.ZipInfo) -> tuple[bytes, bool]:
    """The member's content, inflated in one call but never to more than declared + 1 bytes
    (a directory that lies about the size cannot make this allocate more), and whether the
    compressed stream ended where it should."""
    end = start + info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        return bytes(data[start:end]), True
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    content = inflater.decompress(data[start:end], info.file_size + 1)
    # Input used up short of the stream's end: truncated (refused after the other checks).
    return content, inflater.eof or len(content) > info.file_size


def _too_many_rows(member: str, path: str) -> ImportRefused:
    return ImportRefused(
        f"een werkblad ({member}) heeft meer dan {layout.MAX_SHEET_ROWS} rijen, veel meer dan "
        "een zelfscan kan hebben",
        path=path,
    )


def _check_extent(content: bytes, member: str, path: str) -> None:
    """A reader holds a sheet as one dense grid from its first to its last cell: one cell far
    down or far right would cost gigabytes. Refuse by the coordinates before anything loads.

    A scan sheet has a few dozen rows and columns A to G: when no reference has two letters
    or a row number of four digits, and none is spelled unusually, no limit can be reached
    and the references need not be collected one by one."""
    if _BIG_REFERENCE.search(content) is None and not _odd_r_spelling(content):
        return
    found = _R_ATTRIBUTE.findall(content)
    if _odd_r_spelling(content):  # r='A1', r = "A1", a tab before r: rare, slower pattern
        found += _R_ATTRIBUTE_ANY.findall(content)
    if not found:
        return
    letters, numbers = zip(*found, strict=True)
    last_row = max(map(int, set(numbers)))
    if last_row > layout.MAX_SHEET_ROWS:
        raise _too_many_rows(member, path)
    last_column = max(map(_column_number, set(letters)))
    if last_column * max(last_row, 1) > layout.MAX_SHEET_CELLS:
        raise ImportRefused(
            f"een werkblad ({member}) is onredelijk breed (tot kolom "
            f"{_column_letters(last_column)}), veel breder dan een zelfscan kan zijn",
            path=path,
        )


def _odd_r_spelling(content: bytes) -> bool:
    """Whether an r attribute may be spelled other than ` r="…"` (single-byte tests first:
    they run at memchr speed, and most sheets have no tab, line break or apostrophe)."""
    if (b"\t" in content or b"\n" in content or b"\r" in content) and (
        b"\tr=" in content or b"\nr=" in content or b"\rr=" in content
    ):
        return True
    if b"'" in content and b"r='" in content:
        return True
    return b"r =" in content or b"r= " in content


def _has_special(content: bytes) -> bool:
    """Whether a sheet may hold a formula or an error cell (a few substring tests, C speed)."""
    if b"<f" in content and _FORMULA.search(content) is not None:
        return True
    maybe = b":f" in content or b'"e"' in content or (b"'" in content and b"'e'" in content)
    return maybe and _SPECIAL.search(content) is not None


def _count_rows(content: bytes) -> int:
    """Row elements; <rowBreaks> is the only other worksheet element starting so (subtracted
    only when the plain count could matter)."""
    count = content.count(b"<row")
    if b":row" in content:
        count += len(_PREFIXED_ROW.findall(content))
    if count > layout.MAX_SHEET_ROWS:
        count -= content.count(b"<rowBreaks")
    return count


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _special_cells(content: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    """Formula and error cells of a (well-formed, DTD-free) sheet, by 1-based position.

    Only called for the rare sheet that has any: the bytes test above keeps the usual
    workbook off this slower path."""
    from xml.etree.ElementTree import XMLPullParser

    found: dict[tuple[int, int], tuple[str, str]] = {}
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    parser.feed(content)
    parser.close()
    row = 0
    column = 0
    # events=("start", "end"): every event is an (event, Element) pair
    for event, element in cast("Iterator[tuple[str, Element]]", parser.read_events()):
        tag = element.tag.rpartition("}")[2]
        if event == "start":
            if tag == "row":
                number = element.get("r")
                row = int(number) if number and number.isdigit() else row + 1
                column = 0
            elif tag == "c":
                ref = element.get("r")
                match = _REF.match(ref or "")
                column = _column_number(match.group(1).encode()) if match else column + 1
            continue
        if tag != "c":
            continue
        formula = next((e for e in element if e.tag.rpartition("}")[2] == "f"), None)
        value = next((e for e in element if e.tag.rpartition("}")[2] == "v"), None)
        if formula is not None:
            found[(row, column)] = ("f", "=" + (formula.text or ""))
        elif element.get("t") == "e":
            found[(row, column)] = ("e", (value.text or "") if value is not None else "")
        element.clear()
    return found


def _expat_parser(member: str, path: str) -> Any:
    """A non-validating expat parser that refuses any DTD, as the marker scan also does."""
    parser = expat.ParserCreate()

    def refuse(*_args: object) -> None:
        raise ImportRefused(
            f"onderdeel {member} bevat een XML-DTD met entiteiten (mogelijk een XML-bom); "
            "een Excel-werkmap bevat die nooit",
            path=path,
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _workbook_sheets(content: bytes, path: str) -> tuple[list[tuple[str, str]], bool]:
    """(sheet name, relationship id) in workbook order, and whether dates count from 1904."""
    root = _xml(content, path)
    sheets = []
    date1904 = False
    for element in root.iter():
        tag = str(element.tag).rpartition("}")[2]
        if tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
            sheets.append((element.get("name") or "", rid))
        elif tag == "workbookPr":
            date1904 = (element.get("date1904") or "").strip().lower() in ("1", "true")
    return sheets, date1904


def _xml(content: bytes, path: str) -> Any:
    from xml.etree.ElementTree import ParseError, fromstring

    try:  # DTDs were refused while inflating, so the standard parser is safe here
        return fromstring(content)
    except (ParseError, ValueError):
        raise ImportRefused(_DAMAGED, path=path) from None


def _relationships(content: bytes, folder: str, path: str) -> list[tuple[str, str]]:
    """(type, resolved part name) of the internal relationships in one .rels part."""
    return [(kind, target) for _rid, kind, target in _relationship_rows(content, folder, path)]


def _relationship_rows(content: bytes, folder: str, path: str) -> list[tuple[str, str, str]]:
    found = []
    for rel in _xml(content, path):
        if not str(rel.tag).endswith("Relationship") or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        joined = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
        resolved = posixpath.normpath(joined).lstrip("/")
        found.append((rel.get("Id") or "", rel.get("Type") or "", resolved))
    return found


def _check_start(chunk: bytes, member: str, path: str) -> None:
    if chunk.startswith(_BOMS) and member.lower().endswith((".xml", ".rels", ".vml")):
        raise ImportRefused(
            f"onderdeel {member} gebruikt een tekencodering die een Excel-werkmap niet gebruikt",
            path=path,
        )
    match = _ENCODING.match(chunk[:200])
    if match and match.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise ImportRefused(
            f"onderdeel {member} gebruikt een tekencodering die een Excel-werkmap niet gebruikt",
            path=path,
        )


def _check_markers(window: bytes, member: str, path: str) -> None:
    # Plain substring tests, no generators: this runs on every chunk of every part. UTF-8 XML
    # never holds a NUL, so the wide (UTF-16/32) markers are only looked for after one.
    dtd = False
    if b"<!" in window:
        lowered = window.lower()
        dtd = b"<!doctype" in lowered or b"<!entity" in lowered
    if not dtd and b"\x00" in window:
        dtd = b"<\x00!\x00" in window or b"\x00<\x00!" in window or b"<\x00\x00\x00!\x00" in window
    if dtd:
        raise ImportRefused(
            f"onderdeel {member} bevat een XML-DTD met entiteiten (mogelijk een XML-bom); "
            "een Excel-werkmap bevat die nooit",
            path=path,
        )
