"""Badge codes: short, signed, and readable through any keyboard layout.

A USB scanner pretends to be a *US* keyboard: it sends key positions, and the laptop
turns them into characters with *its* layout.  On a Swiss (QWERTZ) laptop the US "Y"
key types "z"; on a French or Belgian (AZERTY) one the US "Q" key types "a", "M" types
",", and the digit row types ``&é"'(-è_çà`` unless Shift or Caps Lock is down.  So:

* the alphabet is the ten digits and the 17 letters that sit on the same key in US,
  QWERTZ and AZERTY and cannot be confused with a digit when read by a person:
  ``B C D E F G H J K N P R S T U V X`` (no A Q W Z Y M, no I L O);
* reading folds case (Caps Lock) and maps the AZERTY digit-row symbols, in their
  French, Belgian and Caps-Lock forms, back to digits; a person typing I, L or O gets
  1, 1 or 0.

Layout of the 16 symbols (base 27, most significant first)::

    TT NNNN VV MMMMMMM C
    |  |    |  |       check symbol: catches a single mistyped or swapped symbol
    |  |    |  HMAC-SHA256(event secret, TT NNNN VV) truncated to 7 symbols
    |  |    badge version (a reprint bumps it: the old badge scans as revoked)
    |  delegate number within the event (up to 531,440)
    event tag (derived from the secret: another event's badge reads as wrong_event)

Forgery: without the secret, a made-up code verifies with probability 27**-7 (about
1 in 10 billion, 33 bits) per attempt.  At a desk an attempt is a scan — a person can
try perhaps one a second, each journaled as refused — so a whole day of trying
(36,000 attempts) succeeds with probability about 3.4e-6.  Sixteen symbols fit QR
version 1 at error correction M in alphanumeric mode (capacity 20).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from dataclasses import dataclass

ALPHABET = "0123456789BCDEFGHJKNPRSTUVX"
BASE = len(ALPHABET)  # 27
TAG_LEN, NUMBER_LEN, VERSION_LEN, MAC_LEN = 2, 4, 2, 7
PAYLOAD_LEN = TAG_LEN + NUMBER_LEN + VERSION_LEN
CODE_LENGTH = PAYLOAD_LEN + MAC_LEN + 1
MAX_NUMBER = BASE**NUMBER_LEN - 1
MAX_VERSION = BASE**VERSION_LEN - 1
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_MAC_DOMAIN = b"checkin/badge/v1|"

# What a layout may type for each symbol, folded back.  Upper-casing happens first.
_LAYOUT_FOLD = {
    # AZERTY digit row, unshifted: French & é " ' ( - è _ ç à, Belgian § for 6, ! for 8
    "&": "1", "é": "2", '"': "3", "'": "4", "(": "5", "-": "6", "§": "6", "è": "7",
    "_": "8", "!": "8", "ç": "9", "à": "0",
    # ... and with Caps Lock on (Linux, macOS): accented capitals
    "É": "2", "È": "7", "Ç": "9", "À": "0",
    # A person reading the printed code aloud or typing it
    "I": "1", "L": "1", "O": "0",
}
_SEPARATORS = " \t\r\n"


class Verdict(enum.StrEnum):
    OK = "ok"
    WRONG_EVENT = "wrong_event"
    INVALID = "invalid"


@dataclass(frozen=True)
class Decoded:
    verdict: Verdict
    code: str  # the normalised code ("" if it could not be normalised)
    number: int | None = None
    version: int | None = None


def _encode(value: int, width: int) -> str:
    out = []
    for _ in range(width):
        value, digit = divmod(value, BASE)
        out.append(ALPHABET[digit])
    if value:
        raise ValueError("value too large for the field")
    return "".join(reversed(out))


def _decode(symbols: str) -> int:
    value = 0
    for ch in symbols:
        value = value * BASE + _VALUE[ch]
    return value


def _check_symbol(body: str) -> str:
    # Weights 1, 2 are coprime with 27 and differ by 1: every single substitution and
    # every swap of two neighbouring symbols changes the sum.
    total = sum((1 if i % 2 == 0 else 2) * _VALUE[ch] for i, ch in enumerate(body))
    return ALPHABET[(-total) % BASE]


def _mac(secret: bytes, payload: str) -> str:
    digest = hmac.new(secret, _MAC_DOMAIN + payload.encode("ascii"), hashlib.sha256).digest()
    return _encode(int.from_bytes(digest[:8], "big") % BASE**MAC_LEN, MAC_LEN)


def event_tag(secret: bytes) -> int:
    digest = hmac.new(secret, _MAC_DOMAIN + b"event-tag", hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big") % BASE**TAG_LEN


def make_code(secret: bytes, number: int, version: int) -> str:
    if not 0 <= number <= MAX_NUMBER:
        raise ValueError(f"delegate number {number} out of range 0..{MAX_NUMBER}")
    if not 0 <= version <= MAX_VERSION:
        raise ValueError(f"badge version {version} out of range 0..{MAX_VERSION}")
    payload = (
        _encode(event_tag(secret), TAG_LEN)
        + _encode(number, NUMBER_LEN)
        + _encode(version, VERSION_LEN)
    )
    body = payload + _mac(secret, payload)
    return body + _check_symbol(body)


def normalise(raw: str) -> str | None:
    """Undo what keyboard layouts and Caps Lock did to a scanned code; None if not a code."""
    out = []
    for ch in raw:
        if ch in _SEPARATORS:
            continue
        folded = _LAYOUT_FOLD.get(ch) or _LAYOUT_FOLD.get(ch.upper()) or ch.upper()
        if folded not in _VALUE:
            return None
        out.append(folded)
    code = "".join(out)
    return code if len(code) == CODE_LENGTH else None


def symbol(ch: str) -> str | None:
    """One typed character as a code symbol (layouts, Caps Lock, I/L/O folded), or None.

    The desk's scanner capture asks this of every key of a burst: a burst made only of
    code symbols is (the start of) a badge, never a person's typing to give back."""
    folded = _LAYOUT_FOLD.get(ch) or _LAYOUT_FOLD.get(ch.upper()) or ch.upper()
    return folded if folded in _VALUE else None


def _complete(code: str | None) -> str | None:
    if code is None or len(code) != CODE_LENGTH or _check_symbol(code[:-1]) != code[-1]:
        return None
    return code


def well_formed(raw: str) -> str | None:
    """The normalised code when ``raw`` (a scanner's burst, any layout) is a whole badge
    code with a valid check symbol, else None.  Needs no secret: it tells a complete
    read from a partial one, not a genuine badge from a forgery (``verify`` does that)."""
    return _complete(normalise(raw))


def typed_code(text: str) -> str | None:
    """What a person types from the printed badge ("0bx4-k7rd 9pt2 xcvn"), as a code.

    People copy the groups of four with spaces or hyphens, in lower case, on any layout.
    A hyphen is also what an AZERTY keyboard types for 6, so both readings are tried and
    only one with a valid check symbol is taken; None when neither is a whole code."""
    stripped = "".join(ch for ch in text if ch not in _SEPARATORS + "-")
    for candidate in (normalise(stripped), normalise(text)):
        code = _complete(candidate)
        if code is not None:
            return code
    return None


def pretty(code: str) -> str:
    """Groups of four for people to read and type: ``0BX4 K7RD 9PT2 XCVN``."""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def verify(raw: str, secret: bytes, tag: int | None = None) -> Decoded:
    """Check a scanned string against this event's secret, offline."""
    code = normalise(raw)
    if code is None or _check_symbol(code[:-1]) != code[-1]:
        return Decoded(Verdict.INVALID, code or "")
    tag = event_tag(secret) if tag is None else tag
    if _decode(code[:TAG_LEN]) != tag:
        return Decoded(Verdict.WRONG_EVENT, code)
    payload = code[:PAYLOAD_LEN]
    if not hmac.compare_digest(_mac(secret, payload), code[PAYLOAD_LEN:-1]):
        return Decoded(Verdict.INVALID, code)
    number = _decode(code[TAG_LEN : TAG_LEN + NUMBER_LEN])
    version = _decode(code[TAG_LEN + NUMBER_LEN : PAYLOAD_LEN])
    return Decoded(Verdict.OK, code, number, version)
