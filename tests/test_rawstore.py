from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zstandard

from extract.rawstore import LogEntry, RawStore, RawStoreError, sha256_hex
from extract.records import Outcome

URL = "http://127.0.0.1:8080/careers/nurse"
T0 = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)


def entry(run_id: str, url: str = URL, **kw: object) -> LogEntry:
    values: dict[str, object] = {"outcome": Outcome.PARSED, "fetched_at": T0, "status": 200}
    values.update(kw)
    return LogEntry(run_id=run_id, url=url, **values)  # type: ignore[arg-type]


def test_bodies_are_content_addressed_compressed_and_stored_once(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    body = b"<html>nurse</html>"
    sha = store.put(URL, body)
    assert store.put(URL, body) == sha == sha256_hex(body)
    path = tmp_path / "127.0.0.1_8080" / sha[:2] / f"{sha}.html.zst"
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [path]  # no temp files left
    assert zstandard.ZstdDecompressor().decompress(path.read_bytes()) == body
    assert store.get(sha) == body
    assert store.get(sha, host=URL) == body
    assert store.get(sha, host="127.0.0.1:8080") == body


def test_bodies_stored_as_gzip_by_earlier_versions_are_read_and_reused(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    body = b"<html>stored before zstd</html>"
    sha = sha256_hex(body)
    legacy = tmp_path / "127.0.0.1_8080" / sha[:2] / f"{sha}.html.gz"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(gzip.compress(body, mtime=0))
    assert store.has(URL, sha)
    assert store.intact(URL, sha)
    assert store.get(sha, host=URL) == body
    assert store.get(sha) == body
    assert store.put(URL, body) == sha
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [legacy]  # not stored twice


def test_damaged_or_missing_bodies_are_errors(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    sha = store.put(URL, b"one")
    store.body_path(URL, sha).write_bytes(zstandard.ZstdCompressor().compress(b"two"))
    with pytest.raises(RawStoreError, match="does not match its sha256"):
        store.get(sha)
    with pytest.raises(RawStoreError, match="no raw body with sha256 00"):
        store.get("00" * 32)


def test_log_round_trip_and_latest_by_url(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    sha1 = store.put(URL, b"v1")
    sha2 = store.put(URL, b"v2")
    other = "http://127.0.0.1:8080/careers/chef"
    first = [
        entry("r1", sha256=sha1, etag='"1"', bytes=2, content_type="text/html"),
        entry(
            "r1", other, outcome=Outcome.FAILED_FETCH, fetched_at=None, status=503, error="HTTP 503"
        ),
    ]
    second = [
        entry("r2", sha256=sha2, etag='"2"', last_modified="Sat, 28 Nov 2026 06:00:00 GMT"),
        entry("r2", other, outcome=Outcome.FAILED_FETCH, fetched_at=None, status=404),
    ]
    store.append_log(second)  # written out of order: runs still sort by id
    store.append_log(first)
    assert store.run_ids() == ["r1", "r2"]
    assert list(store.entries()) == first + second
    assert store.latest_by_url() == {URL: second[0]}
    assert store.latest_by_url(with_body=False) == {URL: second[0], other: second[1]}
    assert store.latest_by_url(exclude_run="r2") == {URL: first[0]}


def test_log_entries_without_a_stored_body_are_not_offered_for_revalidation(
    tmp_path: Path,
) -> None:
    store = RawStore(tmp_path)
    store.append_log([entry("r1", sha256="ab" * 32)])
    assert store.latest_by_url() == {}


def test_a_torn_last_line_is_ignored(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    sha = store.put(URL, b"v1")
    good = entry("r1", sha256=sha)
    store.append_log([good])
    with store.log_path("r1").open("a", encoding="utf-8") as fh:
        fh.write('{"url": "http://127.0.0.1:8080/half')
    assert list(store.entries()) == [good]


def test_bodies_stored_from_many_threads_at_once_read_back_whole(tmp_path: Path) -> None:
    """Fetches store bodies from worker threads; a shared compressor would garble them."""
    from concurrent.futures import ThreadPoolExecutor

    store = RawStore(tmp_path)
    bodies = [(f"<html>{i}</html>" * (500 + i)).encode() for i in range(200)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        shas = list(pool.map(lambda b: store.put(URL, b), bodies))
    assert [store.get(sha, host=URL) for sha in shas] == bodies
