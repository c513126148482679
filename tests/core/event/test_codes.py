"""Badge codes: round trip through real keyboard layouts, forgery refused, QR-friendly."""

from __future__ import annotations

import pytest
import qrcode
import qrcode.util
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checkin.core.event import codes

SECRET = bytes.fromhex("11" * 32)
OTHER = bytes.fromhex("22" * 32)

# ---------------------------------------------------------------- keyboard model
# A USB scanner sends US key positions: digits unshifted, capitals with Shift.  What
# appears on the laptop depends on its layout and Caps Lock.  Only the keys our
# alphabet can use are modelled; each layout maps (US key) -> (unshifted, shifted).

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _letters(swaps: dict[str, str]) -> dict[str, tuple[str, str]]:
    out = {}
    for k in _LETTERS:
        ch = swaps.get(k, k)
        out[k] = (ch, ch.upper()) if ch.isalpha() else (ch, ch)
    return out


US = {**_letters({}), **{d: (d, "!@#$%^&*()"["1234567890".index(d)]) for d in "1234567890"}}
QWERTZ_CH = {**_letters({"y": "z", "z": "y"}), **{d: (d, d) for d in "1234567890"}}
AZERTY_FR_ROW = dict(zip("1234567890", "&é\"'(-è_çà", strict=True))
AZERTY_BE_ROW = dict(zip("1234567890", "&é\"'(§è!çà", strict=True))
AZERTY_SWAPS = {"a": "q", "q": "a", "w": "z", "z": "w", "m": ","}
AZERTY_FR = {**_letters(AZERTY_SWAPS), **{d: (AZERTY_FR_ROW[d], d) for d in "1234567890"}}
AZERTY_BE = {**_letters(AZERTY_SWAPS), **{d: (AZERTY_BE_ROW[d], d) for d in "1234567890"}}
LAYOUTS = {"us": US, "qwertz-ch": QWERTZ_CH, "azerty-fr": AZERTY_FR, "azerty-be": AZERTY_BE}


def type_on(layout: str, text: str, *, caps_lock: bool, caps_digits: str = "none") -> str:
    """What the laptop receives when a US-emulating scanner 'types' text.

    ``caps_digits`` models what Caps Lock does to AZERTY's digit row: "none" (Linux for
    & " ' ( - _), "digits" (Windows: Caps Lock gives the digits), "accents" (Linux and
    macOS: é è ç à become É È Ç À).
    """
    keys = LAYOUTS[layout]
    out = []
    for ch in text:
        if ch.isdigit():
            plain, shifted = keys[ch]
            if caps_lock and plain != ch:
                if caps_digits == "digits":
                    plain = shifted
                elif caps_digits == "accents":
                    plain = plain.upper()
            out.append(plain)
        else:
            plain, _ = keys[ch.lower()]
            shift = True  # capitals are typed with Shift
            upper = shift != caps_lock  # Caps Lock inverts Shift for letters
            out.append(plain.upper() if upper else plain.lower())
    return "".join(out)


numbers = st.integers(min_value=0, max_value=codes.MAX_NUMBER)
versions = st.integers(min_value=1, max_value=codes.MAX_VERSION)
secrets_ = st.binary(min_size=32, max_size=32)


@settings(max_examples=200)
@given(
    secret=secrets_,
    number=numbers,
    version=versions,
    layout=st.sampled_from(sorted(LAYOUTS)),
    caps=st.booleans(),
    caps_digits=st.sampled_from(["none", "digits", "accents"]),
)
def test_code_survives_every_layout_and_caps_lock(secret, number, version, layout, caps,
                                                  caps_digits):
    code = codes.make_code(secret, number, version)
    typed = type_on(layout, code, caps_lock=caps, caps_digits=caps_digits)
    decoded = codes.verify(typed, secret)
    assert decoded.verdict is codes.Verdict.OK, (layout, caps, caps_digits, code, typed)
    assert (decoded.number, decoded.version) == (number, version)
    assert decoded.code == code


def test_layouts_really_garble_codes():
    # Guard against a model that types everything unchanged.
    code = codes.make_code(SECRET, 1234, 1)
    assert type_on("azerty-fr", code, caps_lock=False) != code
    assert type_on("us", code, caps_lock=True) == code.lower()
    assert "a" not in type_on("azerty-fr", codes.ALPHABET, caps_lock=False).lower()


def test_alphabet_avoids_keys_that_move_between_layouts():
    assert not set("AQWZYMILO") & set(codes.ALPHABET)
    assert len(set(codes.ALPHABET)) == codes.BASE == 27


@given(number=numbers, version=versions)
def test_code_is_short_uppercase_and_fits_a_small_qr(number, version):
    code = codes.make_code(SECRET, number, version)
    assert len(code) == codes.CODE_LENGTH == 16
    assert code == code.upper() and code.isalnum()
    assert qrcode.util.QRData(code).mode == qrcode.util.MODE_ALPHA_NUM
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(code)
    qr.make(fit=True)
    assert qr.version <= 3


def test_people_typing_the_printed_code():
    code = codes.make_code(SECRET, 42, 1)
    typed = codes.pretty(code).lower().replace("1", "l").replace("0", "o")
    assert codes.verify(typed, SECRET).verdict is codes.Verdict.OK


@given(text=st.text(max_size=40))
def test_random_strings_are_refused(text):
    decoded = codes.verify(text, SECRET)
    assert decoded.verdict is not codes.Verdict.OK


@given(rest=st.text(alphabet=codes.ALPHABET, min_size=13, max_size=13))
def test_made_up_codes_with_the_right_event_and_check_symbol_are_refused(rest):
    # The event tag and check symbol are public; the signature is not.
    body = codes.make_code(SECRET, 0, 1)[: codes.TAG_LEN] + rest
    forged = body + codes._check_symbol(body)
    assert codes.verify(forged, SECRET).verdict is codes.Verdict.INVALID


@given(
    number=numbers,
    version=versions,
    position=st.integers(min_value=0, max_value=codes.CODE_LENGTH - 1),
    replacement=st.sampled_from(codes.ALPHABET),
)
def test_editing_any_symbol_of_a_real_code_is_refused(number, version, position, replacement):
    code = codes.make_code(SECRET, number, version)
    assume(code[position] != replacement)
    edited = code[:position] + replacement + code[position + 1 :]
    assert codes.verify(edited, SECRET).verdict is not codes.Verdict.OK


@given(number=numbers, version=versions, position=st.integers(0, codes.CODE_LENGTH - 2))
def test_swapping_neighbours_is_refused(number, version, position):
    code = codes.make_code(SECRET, number, version)
    assume(code[position] != code[position + 1])
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert codes.verify(swapped, SECRET).verdict is codes.Verdict.INVALID


@given(number=numbers, version=versions, cut=st.integers(0, codes.CODE_LENGTH - 1))
def test_truncated_codes_are_refused(number, version, cut):
    code = codes.make_code(SECRET, number, version)
    assert codes.verify(code[:cut], SECRET).verdict is codes.Verdict.INVALID


@given(number=numbers, version=versions)
def test_another_events_code_is_wrong_event(number, version):
    assert codes.event_tag(SECRET) != codes.event_tag(OTHER)
    code = codes.make_code(OTHER, number, version)
    assert codes.verify(code, SECRET).verdict is codes.Verdict.WRONG_EVENT


def test_version_and_number_change_the_code():
    assert codes.make_code(SECRET, 7, 1) != codes.make_code(SECRET, 7, 2)
    assert codes.make_code(SECRET, 7, 1) != codes.make_code(SECRET, 8, 1)
    assert codes.make_code(SECRET, 7, 1) == codes.make_code(SECRET, 7, 1)


def test_scanner_suffixes_and_spaces_are_ignored():
    code = codes.make_code(SECRET, 99, 3)
    assert codes.verify(f" {code}\r\n", SECRET).verdict is codes.Verdict.OK
    assert codes.verify(codes.pretty(code), SECRET).verdict is codes.Verdict.OK


FORGERIES = 200_000


@pytest.mark.slow
def test_two_hundred_thousand_well_formed_forgeries_none_admitted():
    """A forger who knows the format, the event tag and the check symbol, guessing.

    Each guess verifies with probability 27^-7 (about 1e-10); 200,000 guesses — more
    than a desk sees in a week, one a second — are all refused.  Seeded: the same run."""
    import random

    rng = random.Random(2026)
    head = codes.make_code(SECRET, 0, 1)[: codes.TAG_LEN]
    rest_len = codes.CODE_LENGTH - codes.TAG_LEN - 1
    admitted = 0
    for _ in range(FORGERIES):
        body = head + "".join(rng.choices(codes.ALPHABET, k=rest_len))
        if codes.verify(body + codes._check_symbol(body), SECRET).verdict is codes.Verdict.OK:
            admitted += 1
    assert admitted == 0


# ------------------------------------------------------------ partial reads and typed codes


@settings(max_examples=200)
@given(
    secret=secrets_, number=numbers, version=versions,
    layout=st.sampled_from(sorted(LAYOUTS)), caps=st.booleans(),
    caps_digits=st.sampled_from(["none", "digits", "accents"]),
)
def test_a_whole_scan_is_well_formed_in_every_layout_and_a_part_never(
    secret, number, version, layout, caps, caps_digits
):
    code = codes.make_code(secret, number, version)
    typed = type_on(layout, code, caps_lock=caps, caps_digits=caps_digits)
    assert codes.well_formed(typed) == code
    assert all(codes.symbol(ch) is not None for ch in typed)
    for cut in range(1, len(typed)):
        assert codes.well_formed(typed[:cut]) is None


@given(secret=secrets_, number=numbers, position=st.integers(0, codes.CODE_LENGTH - 1),
       replacement=st.sampled_from(codes.ALPHABET))
def test_one_wrong_symbol_is_not_well_formed(secret, number, position, replacement):
    code = codes.make_code(secret, number, 1)
    assume(code[position] != replacement)
    assert codes.well_formed(code[:position] + replacement + code[position + 1:]) is None


@given(
    secret=secrets_, number=numbers,
    separators=st.lists(st.sampled_from(["", " ", "-", " - ", "  "]), min_size=3, max_size=3),
    lower=st.booleans(),
)
def test_the_printed_code_typed_with_spaces_or_hyphens_in_any_case_is_read(
    secret, number, separators, lower
):
    code = codes.make_code(secret, number, 1)
    groups = codes.pretty(code).split(" ")
    typed = groups[0] + "".join(sep + g for sep, g in zip(separators, groups[1:], strict=True))
    typed = typed.lower() if lower else typed
    assert codes.typed_code(typed) == code
    assert codes.typed_code(" " + typed + " ") == code


def test_a_typed_azerty_code_with_unshifted_digits_is_read_too():
    code = codes.make_code(b"k" * 32, 5006, 1)
    assert codes.typed_code(type_on("azerty-fr", code, caps_lock=False)) == code


@pytest.mark.parametrize("text", ["", "Łukasz", "anna müller", "0BX4", "hello world 1234",
                                  "CR00-0501-S9SH-679"])
def test_names_and_parts_are_not_typed_codes(text):
    assert codes.typed_code(text) is None


def test_symbols_are_the_alphabet_in_any_layout_and_nothing_else():
    assert [codes.symbol(ch) for ch in "b0&éi l"] == ["B", "0", "1", "2", "1", None, "1"]
    assert codes.symbol("a") is None and codes.symbol("Q") is None and codes.symbol("ł") is None
