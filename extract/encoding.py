"""Bytes to text for HTML bodies: header charset, then BOM, then <meta>, then a safe default.

Never raises on bad bytes. Three guards keep a wrong declaration from garbling a
page: a declared charset that cannot decode the body strictly is skipped; so is
one under which the page's own markup does not survive (UTF-8 bytes labelled
UTF-16 decode "cleanly" into CJK text without a single `<`); and a Latin-1
family declaration on a body that is valid, non-ASCII UTF-8 is taken to be UTF-8
(the usual server misconfiguration; valid multi-byte UTF-8 is very unlikely to
be accidental Latin-1 text). Latin-1 labels decode as windows-1252,
as browsers do (WHATWG Encoding). When nothing decodes cleanly, UTF-8 (with
U+FFFD for the bad bytes) if the body has valid multi-byte sequences, else
windows-1252.
"""

from __future__ import annotations

import codecs
import re

DEFAULT_ENCODING = "utf-8"
FALLBACK_ENCODING = "cp1252"
_META_SCAN_BYTES = 4096

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it shares its first two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_LATIN1_FAMILY = {"latin_1", "iso8859_1", "cp1252", "ascii", "iso8859_15"}


# Python codecs that are not web charsets (and some raise plain UnicodeError on any
# input): a page that names one is decoded as if it had named none.
_NOT_CHARSETS = {
    "idna", "punycode", "unicode_escape", "raw_unicode_escape", "undefined", "utf_7",
    "rot_13", "base64", "hex", "quopri", "uu", "zlib", "bz2",
}  # fmt: skip


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None for an unknown one."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name.replace("-", "_") in _NOT_CHARSETS:
        return None
    # WHATWG: these labels mean windows-1252 in practice.
    return "cp1252" if name.replace("-", "_") in {"latin_1", "iso8859_1", "ascii"} else name


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def _strict(body: bytes, codec: str) -> str | None:
    """The body decoded with `codec`, or None when it does not decode, or decodes into text
    in which the markup the bytes plainly carry is gone (the codec cannot be right)."""
    try:
        text = body.decode(codec)
    except (UnicodeError, LookupError):
        return None
    head = body[:_META_SCAN_BYTES]
    if b"<" in head and b"\x00" not in head and "<" not in text[: _META_SCAN_BYTES * 2]:
        return None
    return text


def _looks_utf8(body: bytes) -> bool:
    return not body.isascii() and _strict(body, "utf-8") is not None


def sniff_encoding(body: bytes, content_type: str | None) -> str:
    """The codec `decode_body` uses for this body (exposed for the crawl log and tests)."""
    return _sniff(body, content_type)[0]


def _sniff(body: bytes, content_type: str | None) -> tuple[str, str | None]:
    """The codec, and the body decoded by it when that decoding was strict (so the caller
    need not decode the body a second time)."""
    declared = _codec(charset_from_content_type(content_type))
    text = _strict(body, declared) if declared else None
    if declared and text is not None:
        if declared.replace("-", "_") in _LATIN1_FAMILY and _looks_utf8(body):
            return "utf-8", None
        return declared, text
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec, None
    match = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    meta = _codec(match.group(1).decode("ascii", "replace")) if match else None
    if meta and meta.startswith("utf_16"):
        meta = "utf-8"  # a <meta> readable as ASCII cannot be UTF-16 (WHATWG rule)
    text = _strict(body, meta) if meta else None
    if meta and text is not None:
        if meta.replace("-", "_") in _LATIN1_FAMILY and _looks_utf8(body):
            return "utf-8", None
        return meta, text
    text = _strict(body, DEFAULT_ENCODING)
    if text is not None:
        return DEFAULT_ENCODING, text
    # Nothing decodes cleanly. UTF-8 with a few stray bytes still has valid multi-byte
    # sequences; a single-byte page mislabelled as UTF-8 has none.
    if _UTF8_SEQUENCE.search(body):
        return DEFAULT_ENCODING, None
    return FALLBACK_ENCODING, None


def decode_body(body: bytes, content_type: str | None) -> str:
    """The body as text; undecodable bytes become U+FFFD, never an exception."""
    codec, text = _sniff(body, content_type)
    if text is not None:  # decoded strictly already: the same text errors="replace" gives
        return text
    try:
        return body.decode(codec, errors="replace")
    except (LookupError, UnicodeError):  # a codec that fails even with errors="replace"
        return body.decode(FALLBACK_ENCODING, errors="replace")
