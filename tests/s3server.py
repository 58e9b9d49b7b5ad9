"""A real S3 API on 127.0.0.1: moto's `moto_server`, started as a subprocess.

    with MotoServer() as server:
        server.env          # AWS_ENDPOINT_URL, keys and region for clients and subprocesses
        server.bucket()     # a new empty bucket's name

Nothing is mocked in the client: s3fs and botocore talk HTTP to the server as
they would to AWS, MinIO or R2, conditional writes included.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

_STARTUP_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class MotoServer:
    """`moto_server` on a free port of 127.0.0.1, stopped on exit."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            "AWS_ENDPOINT_URL": self.url,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> MotoServer:
        executable = Path(sys.executable).with_name("moto_server")
        command = [str(executable) if executable.exists() else shutil.which("moto_server")
                   or "moto_server", "-H", "127.0.0.1", "-p", str(self.port)]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + _STARTUP_SECONDS
        while True:  # poll until it answers: a bounded wait for a real socket
            try:
                httpx.get(f"{self.url}/moto-api/", timeout=1.0)
                return self
            except httpx.TransportError:
                if self._process.poll() is not None or time.monotonic() > deadline:
                    self.__exit__(None, None, None)
                    raise RuntimeError(f"moto_server did not start on {self.url}") from None
                time.sleep(0.1)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None

    def bucket(self) -> str:
        """A new, empty bucket (a fresh name per call, so tests never see each other)."""
        name = f"careers-{secrets.token_hex(6)}"
        response = httpx.put(f"{self.url}/{name}", timeout=10.0)
        response.raise_for_status()
        return name

