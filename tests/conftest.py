"""Shared test setup: Prefect runs offline with its home under pytest's temp dir."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    # Prefect reads its settings on first import, which may happen while test
    # modules are collected: point it at the session's temp dir before that.
    from flows.prefect_env import apply_prefect_defaults

    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    # Libraries' own temp files (Prefect's test database) stay under pytest's temp dir too.
    scratch = base / "tmp"
    scratch.mkdir(exist_ok=True)
    tempfile.tempdir = str(scratch)
    os.environ["TMPDIR"] = str(scratch)
    os.environ["PREFECT_HOME"] = str(base / "prefect-home")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.pop("PREFECT_API_URL", None)  # never talk to a developer's own server
    apply_prefect_defaults()


@pytest.fixture(scope="session")
def prefect_home() -> Path:
    return Path(os.environ["PREFECT_HOME"])


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """One temporary Prefect server for the whole session (it takes ~20 s to start)."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        api = urlsplit(PREFECT_API_URL.value())
        previous_hook = sys.unraisablehook

        def hook(unraisable: Any) -> None:
            # Prefect 3.9's results module reads the server's default storage with a sync
            # client it never closes; that one socket, to Prefect's own API, is not ours.
            leaked = f"raddr=('{api.hostname}', {api.port})"
            if isinstance(unraisable.exc_value, ResourceWarning) and leaked in str(
                unraisable.exc_value
            ):
                return
            previous_hook(unraisable)

        sys.unraisablehook = hook
        try:
            yield
        finally:
            gc.collect()  # that socket is closed now, under the hook, not at exit without it
            sys.unraisablehook = previous_hook


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """`prefect server start` on 127.0.0.1 (a free port), as the README tells users to run
    it, for the whole session: its URL and an environment whose processes talk to it."""
    from tests.prefect_server import real_prefect_server

    with real_prefect_server(tmp_path_factory.mktemp("prefect-api")) as found:
        yield found


@pytest.fixture(scope="session")
def s3_server() -> Iterator[Any]:
    """One `moto_server` (a real S3 API on 127.0.0.1) for the session."""
    from tests.s3server import MotoServer

    with MotoServer() as server:
        yield server


@pytest.fixture
def s3_url(s3_server: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """`s3://<a new bucket>/data`, with the AWS variables pointing at the test server
    (set in os.environ, so subprocesses see them too)."""
    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    return f"s3://{s3_server.bucket()}/data"
