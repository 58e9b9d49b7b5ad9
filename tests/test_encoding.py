from __future__ import annotations

import codecs
import encodings.aliases

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.encoding import decode_body, sniff_encoding

CAFE = "Café – naïve résumé"
PAGE = f"<html><head><title>Chef</title></head><body><h1>Chef</h1><p>{CAFE}</p></body></html>"
if len(PAGE.encode("utf-8")) % 2:  # an even number of bytes: decodable as UTF-16 at all
    PAGE += " "


@pytest.mark.parametrize(
    ("body", "content_type", "codec"),
    [
        (CAFE.encode("utf-8"), "text/html; charset=utf-8", "utf-8"),
        (CAFE.encode("cp1252"), "text/html; charset=windows-1252", "cp1252"),
        (CAFE.encode("cp1252"), "text/html; charset=ISO-8859-1", "cp1252"),  # WHATWG label
        # Declared Latin-1 but the body is valid UTF-8: the usual misconfiguration.
        (CAFE.encode("utf-8"), "text/html; charset=iso-8859-1", "utf-8"),
        # Declared UTF-8 but the bytes are not: the declaration is skipped, default next.
        (CAFE.encode("cp1252"), "text/html; charset=utf-8", "cp1252"),
        (CAFE.encode("utf-8"), "text/html; charset=bogus-charset", "utf-8"),
        (codecs.BOM_UTF8 + CAFE.encode("utf-8"), "text/html", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + CAFE.encode("utf-16-le"), None, "utf-16"),
        (
            b'<html><head><meta charset="windows-1252"></head>' + CAFE.encode("cp1252"),
            "text/html",
            "cp1252",
        ),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
            + "€".encode("iso-8859-15"),
            None,
            "iso8859-15",
        ),
        (CAFE.encode("utf-8"), None, "utf-8"),  # no charset anywhere: UTF-8 when it decodes
        (CAFE.encode("cp1252"), None, "cp1252"),  # else windows-1252
        # UTF-8 markup labelled UTF-16 "decodes" into CJK text with no "<" left: refused.
        (PAGE.encode("utf-8"), "text/html; charset=utf-16", "utf-8"),
        (PAGE.encode("utf-8"), "text/html; charset=UTF-16LE", "utf-8"),
        (b'<meta charset="utf-16">' + PAGE.encode("utf-8"), None, "utf-8"),
        (PAGE.encode("utf-16-le"), "text/html; charset=utf-16le", "utf-16-le"),  # truly UTF-16
    ],
)
def test_sniff_encoding(body: bytes, content_type: str | None, codec: str) -> None:
    assert sniff_encoding(body, content_type) == codec


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (CAFE.encode("utf-8"), "text/html; charset=iso-8859-1"),
        (CAFE.encode("cp1252"), "text/html; charset=utf-8"),
        (CAFE.encode("cp1252"), None),
        (codecs.BOM_UTF8 + CAFE.encode("utf-8"), None),
        (b"<meta charset='utf-8'>" + CAFE.encode("utf-8"), "text/html"),
    ],
)
def test_decode_body_reads_the_text(body: bytes, content_type: str | None) -> None:
    assert decode_body(body, content_type).endswith(CAFE)


def test_bad_bytes_become_replacement_characters() -> None:
    assert decode_body(b"ok \x81\x8d", "text/html; charset=windows-1252") == "ok \ufffd\ufffd"


@given(st.binary(max_size=300), st.one_of(st.none(), st.text(max_size=40)))
def test_decode_body_never_raises(body: bytes, content_type: str | None) -> None:
    assert isinstance(decode_body(body, content_type), str)


# Every name Python's codec registry answers to, including codecs that have no aliases.
CODEC_NAMES = sorted(
    set(encodings.aliases.aliases)
    | set(encodings.aliases.aliases.values())
    | {"idna", "punycode", "utf-7", "unicode_escape", "raw_unicode_escape", "undefined"}
)


def test_any_python_codec_named_by_a_page_is_survived() -> None:
    """`charset=idna` once raised a bare UnicodeError out of the whole batch."""
    bodies = ["<p>café – ☕</p>".encode() + b"\xff\x00\x80", b"<p>" + b"plain ascii " * 10]
    for name in CODEC_NAMES:
        for body in bodies:
            assert isinstance(decode_body(body, f"text/html; charset={name}"), str), name
            meta = b'<meta charset="' + name.encode() + b'">'
            assert isinstance(decode_body(meta + body, None), str), name


def test_utf8_with_one_stray_byte_stays_utf8() -> None:
    body = CAFE.encode("utf-8") + b" \xff"
    assert decode_body(body, "text/html; charset=utf-8") == CAFE + " \ufffd"
