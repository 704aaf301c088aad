"""Checks on a workbook file BEFORE openpyxl parses it.

openpyxl trusts the zip it is given. A zip bomb, an XML entity bomb or a file that is not a
workbook at all must be refused here, quickly and with bounded memory: sizes are checked against
the zip directory first, then every member is streamed once in small chunks (which also verifies
its CRC, so truncated and bit-flipped files fail here rather than deep inside openpyxl) and
scanned for DTDs, which a genuine .xlsx never contains. defusedxml inside openpyxl is the second
line of defence, not the first.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from zelfscan_app.errors import ImportRefused
from zelfscan_app.exchange import layout

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx
_CHUNK = 64 * 1024
_OVERLAP = 16
_DTD_MARKERS = (b"<!doctype", b"<!entity")
_WIDE_MARKERS = (b"<\x00!\x00", b"\x00<\x00!", b"<\x00\x00\x00!\x00")
_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\x00\x00\x00<", b"\x00<", b"<\x00")
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""", re.IGNORECASE)

_REQUIRED_MEMBERS = ("[Content_Types].xml", "_rels/.rels")  # every OPC package has both
_DAMAGED = "het bestand is beschadigd of onvolledig en is geen leesbare Excel-werkmap (.xlsx)"
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


def check_workbook_bytes(data: bytes, path: str) -> None:
    """Raise ImportRefused unless `data` is a zip that is safe to hand to openpyxl."""
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
    with archive:
        _check_directory(archive, infos, path)
        for info in infos:
            _stream_member(archive, info, path)
        _check_package(archive, {i.filename for i in infos}, path)


def _check_directory(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: str) -> None:
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
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportRefused("het bestand is met een wachtwoord versleuteld", path=path)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ImportRefused(
                "het bestand gebruikt een compressie die Excel niet gebruikt", path=path
            )
        total += info.file_size
        too_big = info.file_size > layout.MAX_MEMBER_BYTES or total > layout.MAX_TOTAL_BYTES
        ratio_bad = info.file_size > layout.RATIO_FLOOR and info.file_size > layout.MAX_RATIO * max(
            info.compress_size, 1
        )
        if too_big or ratio_bad:
            raise ImportRefused(_BOMB, path=path)


def _stream_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> None:
    """Decompress one member in chunks (zipfile stops at the declared size and checks the CRC)."""
    seen = 0
    rows = 0
    tail = b""
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_CHUNK):
                if seen == 0:
                    _check_start(chunk, info.filename, path)
                seen += len(chunk)
                if seen > info.file_size:  # never trust a size zipfile did not enforce
                    raise ImportRefused(_BOMB, path=path)
                window = tail + chunk
                _check_markers(window, info.filename, path)
                # Count worksheet rows now: openpyxl would parse a whole sheet just to load it.
                rows += sum(1 for m in _ROW.finditer(window) if m.end() > len(tail))
                if rows > layout.MAX_SHEET_ROWS:
                    raise ImportRefused(
                        f"een werkblad ({info.filename}) heeft meer dan {layout.MAX_SHEET_ROWS} "
                        "rijen, veel meer dan een zelfscan kan hebben",
                        path=path,
                    )
                tail = window[-_OVERLAP:]
    except ImportRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError):
        raise ImportRefused(_DAMAGED, path=path) from None
    except NotImplementedError:
        raise ImportRefused(
            "het bestand gebruikt een compressie die Excel niet gebruikt", path=path
        ) from None


def _check_package(archive: zipfile.ZipFile, names: set[str], path: str) -> None:
    """The workbook part and every part it refers to must exist: openpyxl silently skips a
    sheet whose part is missing, which would lose data instead of refusing the file."""
    office = [
        target
        for kind, target in _relationships(archive, "_rels/.rels", "", path)
        if kind.endswith("/officeDocument")
    ]
    if len(office) != 1 or office[0] not in names:
        raise ImportRefused(_DAMAGED, path=path)
    workbook = office[0]
    folder, _, base = workbook.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    if rels not in names:
        raise ImportRefused(_DAMAGED, path=path)
    targets = _relationships(archive, rels, folder, path)
    for _kind, target in targets:
        if target not in names:
            raise ImportRefused(
                f"het bestand is beschadigd: onderdeel {target} ontbreekt", path=path
            )
    # openpyxl reads each sheet once on load: many sheets, or sheets sharing one part, would
    # multiply the parsing work; a scan workbook has four.
    sheets = [t for kind, t in targets if kind.endswith(("/worksheet", "/chartsheet"))]
    declared = _count_sheets(archive, workbook, path)
    if max(len(sheets), declared) > layout.MAX_SHEETS:
        raise ImportRefused(
            f"de werkmap heeft meer dan {layout.MAX_SHEETS} bladen, veel meer dan een "
            "zelfscanwerkmap",
            path=path,
        )
    if len(set(sheets)) != len(sheets):
        raise ImportRefused(_DAMAGED, path=path)


def _count_sheets(archive: zipfile.ZipFile, workbook: str, path: str) -> int:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(archive.read(workbook))
    except (KeyError, ParseError, DefusedXmlException, ValueError):
        raise ImportRefused(_DAMAGED, path=path) from None
    return sum(1 for element in root.iter() if str(element.tag).endswith("}sheet"))


def _relationships(
    archive: zipfile.ZipFile, member: str, folder: str, path: str
) -> list[tuple[str, str]]:
    """(type, resolved part name) of the internal relationships in one .rels part."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(archive.read(member))
    except (KeyError, ParseError, DefusedXmlException, ValueError):
        raise ImportRefused(_DAMAGED, path=path) from None
    found = []
    for rel in root:
        if not str(rel.tag).endswith("Relationship") or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        joined = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
        found.append((rel.get("Type") or "", posixpath.normpath(joined).lstrip("/")))
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
    lowered = window.lower()
    if any(m in lowered for m in _DTD_MARKERS) or any(m in window for m in _WIDE_MARKERS):
        raise ImportRefused(
            f"onderdeel {member} bevat een XML-DTD met entiteiten (mogelijk een XML-bom); "
            "een Excel-werkmap bevat die nooit",
            path=path,
        )
