"""Bytes of a CSV file to text (checkin.core.roster.decode), step by step."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.roster.decode import MIXED, decode, looks_binary, mixed_lines
from checkin.core.roster.report import RosterError

TEXT = "Prénom;Nom\nHélène;Müller\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-32"), "UTF-32"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_each_encoding_is_named(data, encoding):
    assert decode(data, "f.csv") == (TEXT, encoding)


def test_a_byte_order_mark_that_lies_is_refused_naming_the_byte():
    data = codecs.BOM_UTF8 + "Hélène".encode("cp1252")
    with pytest.raises(RosterError) as caught:
        decode(data, "f.csv")
    assert "starts like utf-8-sig text but byte" in str(caught.value)


def test_bytes_cp1252_leaves_undefined_are_read_as_latin1_and_dropped():
    assert decode(b"Ana\x81;H\xe9l\xe8ne\n", "f.csv") == ("Ana;Hélène\n", "latin-1")


def test_a_few_cp1252_lines_in_utf8_are_read_line_by_line_and_found_again():
    data = "Nom\nHélène\n".encode() + "Zoë\n".encode("cp1252")
    text, encoding = decode(data, "f.csv")
    assert (text, encoding) == ("Nom\nHélène\nZoë\n", MIXED)
    assert mixed_lines(data) == [3]


def test_cp1252_only_is_not_mixed():
    data = "Nom\nZoë\n".encode("cp1252")
    assert decode(data, "f.csv")[1] == "cp1252"


def test_nul_bytes_that_are_not_utf16_are_binary():
    with pytest.raises(RosterError, match="binary content"):
        decode(b"\x00\x01\x02\x03" * 100, "f.bin")


def test_control_characters_make_text_binary():
    assert looks_binary("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3)
    assert not looks_binary(TEXT * 10)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_utf8_text_decodes_to_itself(text):
    assert decode(text.encode("utf-8"), "f.csv")[0] == text or "\x00" in text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_in_words(data):
    try:
        text, encoding = decode(data, "f.csv")
    except RosterError:
        return
    assert isinstance(text, str) and encoding
