"""Headless Chromium driven over the DevTools protocol: load a page, collect console errors
and outside requests, measure elements, take screenshots. For tests of what people look at.

`python3 run.py test` (and so `.ci/run`) installs Debian's `chromium` when it is missing;
`CAREERS_ETL_CHROMIUM` names another binary. Without one, browser tests skip, except under
CI (CI=true), where they fail.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from tests.png import Image, decode

# Without these Chromium stalls on a closed network (first-run, sync, component updates).
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--mute-audio",
)
STARTUP_LIMIT = 90.0  # seconds for Chromium to open its DevTools port (a bound, not a test)


def chromium() -> str:
    """The Chromium binary, or skip (fail under CI) when there is none."""
    found = os.environ.get("CAREERS_ETL_CHROMIUM") or shutil.which("chromium") \
        or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("no chromium on this machine: run.py test installs it with apt-get")
    pytest.skip("no chromium (apt-get install chromium, or set CAREERS_ETL_CHROMIUM)")


class Page:
    """One browser tab over a DevTools websocket; events are kept as they arrive."""

    def __init__(self, url: str) -> None:
        self._socket = connect(url, max_size=None, open_timeout=30)
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        self._socket.close()

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._next += 1
        ident = self._next
        self._socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=60))
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, event: str) -> dict[str, Any]:
        for seen in self.events:
            if seen.get("method") == event:
                return seen
        while True:
            message = json.loads(self._socket.recv(timeout=60))
            self.events.append(message)
            if message.get("method") == event:
                return message

    def open(self, url: str, width: int = 1100, height: int = 900) -> None:
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def screenshot(self, x: float, y: float, width: float, height: float) -> Image:
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": x, "y": y, "width": width, "height": height, "scale": 1})
        return decode(base64.b64decode(shot["data"]))

    def console_errors(self) -> list[str]:
        errors = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(str(params.get("exceptionDetails", {}).get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in {"error",
                                                                                "assert"}:
                errors.append(str(params.get("args")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                errors.append(str(params["entry"].get("text")))
        return errors

    def requested(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]


@contextmanager
def browser(profile: Path) -> Iterator[Page]:
    """A fresh headless Chromium with its profile under `profile`, and one tab."""
    profile.mkdir(parents=True, exist_ok=True)
    log = profile.parent / f"{profile.name}-chromium.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
             "about:blank"],
            stdout=output, stderr=output,
        )
    try:
        port = _devtools_port(process, profile / "DevToolsActivePort", log)
        targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=30).json()
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        try:
            yield page
        finally:
            page.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _devtools_port(process: subprocess.Popen[bytes], port_file: Path, log: Path) -> int:
    """The port Chromium writes to <profile>/DevToolsActivePort once it listens."""
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline and process.poll() is None:
        lines = port_file.read_text().splitlines() if port_file.is_file() else []
        if lines and lines[0].isdigit():
            return int(lines[0])
        time.sleep(0.1)  # polling for a file another process writes; no result depends on it
    tail = log.read_text(errors="replace")[-800:] if log.is_file() else ""
    raise RuntimeError(f"chromium did not open its DevTools port: {tail}")


def colored_pixels(image: Image, saturation: int = 40) -> int:
    """Pixels whose channels differ by more than `saturation`: the colored marks a chart drew
    (bars, points, boxes), as opposed to the white page and its grey text and grid."""
    count = 0
    for y in range(image.height):
        for x in range(image.width):
            r, g, b = image.rgb(x, y)
            if max(r, g, b) - min(r, g, b) > saturation:
                count += 1
    return count
