from __future__ import annotations

import pytest

from core.errors import UserError
from extract.urls import BadUrl, canonicalize, origin, resolve_link, validate_start_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM/Path?b=2&a=1#frag", "http://example.com/Path?a=1&b=2"),
        ("https://example.com:443/x", "https://example.com/x"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com:80/x", "https://example.com:80/x"),
        ("http://127.0.0.1:5000/a/?z&y=1&y=0", "http://127.0.0.1:5000/a/?y=1&y=0&z"),
        ("http://example.com/a%2Fb?q=a%20b", "http://example.com/a%2Fb?q=a%20b"),
        ("http://example.com/?", "http://example.com/"),
        ("  http://example.com/x  ", "http://example.com/x"),
        ("http://[::1]:8000/x", "http://[::1]:8000/x"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/x", "not an http(s) URL: 'ftp://example.com/x'"),
        ("example.com/x", "not an http(s) URL: 'example.com/x'"),
        ("http:///x", "URL has no host: 'http:///x'"),
        ("http://example.com:99999/", "not a valid URL: 'http://example.com:99999/'"),
        ("http://exa mple.com/", "URL contains whitespace: 'http://exa mple.com/'"),
        ("http://example.com/a\u2003b", "URL contains whitespace"),  # an em space
        ("http://example.com/a\tb", "URL contains whitespace"),
        ("http://user:pw@example.com/", "URL with credentials is not allowed"),
    ],
)
def test_bad_urls_have_one_line_reasons(url: str, message: str) -> None:
    with pytest.raises(BadUrl) as info:
        canonicalize(url)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_bad_start_url_is_a_user_error() -> None:
    with pytest.raises(UserError, match=r"^bad --start-url: not an http\(s\) URL: 'nope'$"):
        validate_start_url("nope")
    assert validate_start_url("HTTP://A.org") == "http://a.org/"


def test_origin_and_links() -> None:
    assert origin("http://example.com:8080/x") == "example.com:8080"
    base = "http://example.com/careers/index.html"
    assert resolve_link(base, "nurse.html#top") == "http://example.com/careers/nurse.html"
    assert resolve_link(base, "//Other.org/x") == "http://other.org/x"
    assert [resolve_link(base, h) for h in ("#x", "mailto:a@b", "javascript:void(0)", "")] == [
        None
    ] * 4
