"""The bytes of a CSV file as text: which encoding, when nobody says.

Lists arrive from Excel on Windows (cp1252, or UTF-8 with a BOM), from web exports
(UTF-8), from older tools (UTF-16), and now and then pasted together from two of those.
``decode`` tries, in order: a byte-order mark, UTF-8, UTF-8 with a few cp1252 lines,
UTF-16/32 without a mark (a guesser, only when NUL bytes say so), cp1252, Latin-1.
"""

from __future__ import annotations

import codecs
import re

from checkin.core.roster.report import RosterError

MIXED = "utf-8, some lines cp1252"

_C0 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x80-\x9f]")
_BOMS_16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BOMS_32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes of a CSV file -> (text, encoding name)."""
    marked = _decode_marked(data, name)
    if marked is not None:
        return marked
    nuls = data.count(b"\x00")
    if nuls > max(8, len(data) // 100):  # UTF-16 without a BOM, or not text at all
        return _decode_wide(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    if b"\x00" in data:  # UTF-16 without a BOM, or not text at all
        return _decode_wide(data, name)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Latin-1 decodes every
        # byte and agrees with cp1252 on all the accented letters.  (charset-normalizer
        # guesses Baltic or Central European code pages here and garbles "Hélène".)
        # The undefined bytes themselves become C1 control characters: dropped.
        return _C1.sub("", data.decode("latin-1")), "latin-1"


def _decode_marked(data: bytes, name: str) -> tuple[str, str] | None:
    """Text that starts with a byte-order mark is in that encoding, or refused."""

    def strict(encoding: str, label: str) -> tuple[str, str]:
        try:
            return data.decode(encoding), label
        except UnicodeDecodeError as exc:
            raise RosterError(
                "%1: starts like %2 text but byte %3 is not %2; save it again as CSV UTF-8.",
                name,
                label,
                exc.start,
            ) from exc

    if data.startswith(_BOMS_32):
        return strict("utf-32", "UTF-32")
    if data.startswith(codecs.BOM_UTF8):
        return strict("utf-8-sig", "utf-8-sig")
    if data.startswith(_BOMS_16):
        return strict("utf-16", "utf-16")
    return None


def _decode_wide(data: bytes, name: str) -> tuple[str, str]:
    """NUL bytes: UTF-16 or UTF-32 without a mark, or not text at all."""
    guess = _guess_encoding(data)
    if guess and guess[1].replace("-", "_").startswith(("utf_16", "utf_32")):
        return guess
    raise RosterError("%1: not a CSV or Excel file (binary content).", name)


def _decode_mixed(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few Windows-1252 lines (a list pasted together from two sources):
    each line in the encoding it is valid in, rather than the whole file garbled.

    Only when some line really is UTF-8 beyond ASCII; the lines read as cp1252 are
    found again by ``mixed_lines`` and reported, so nobody is surprised."""
    lines = data.split(b"\n")
    decoded: list[str] = []
    utf8_beyond_ascii = False
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8_beyond_ascii |= not line.isascii()
        except UnicodeDecodeError:
            text = _C1.sub("", line.decode("cp1252", errors="replace"))
        decoded.append(text)
    if not utf8_beyond_ascii:
        return None
    return "\n".join(decoded), MIXED


def mixed_lines(data: bytes) -> list[int]:
    """The 1-based lines of ``data`` that are not UTF-8."""
    bad = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
    return bad


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    try:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            return None
        return str(best), best.encoding
    except Exception:  # a guesser must never turn a bad file into a traceback
        return None


def looks_binary(text: str) -> bool:
    """Decoded text that is mostly control characters was never a list."""
    sample = text[:65536]
    return len(_C0.findall(sample)) > max(8, len(sample) // 100)
