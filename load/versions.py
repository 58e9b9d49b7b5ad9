"""The registry of versions as it is on disk: manifests and the `_LATEST` pointer, read only.

Nothing here trusts the disk. `_LATEST` may hold garbage, name a version whose
manifest is gone, or name one from the future; a manifest may be truncated, of
the wrong shape or not UTF-8. `resolve_latest` says which version readers and
the next run should use (the newest intact one when the pointer is broken) and,
in one line, why that differs from what `_LATEST` says.
"""

from __future__ import annotations

from dataclasses import dataclass

from load.errors import CorruptVersion, VersionNotFound
from load.layout import LATEST_KEY, Layout
from load.manifest import Manifest
from load.runid import RUN_ID_PATTERN, check_run_id

LATEST = "latest"
_MAX_POINTER_BYTES = 256


def read_pointer(layout: Layout) -> tuple[str | None, str | None]:
    """(the run id `_LATEST` names, or None; why it names none although it exists)."""
    where = f"{layout.where}/{LATEST_KEY}"
    try:
        raw = layout.store.read(LATEST_KEY).data[:_MAX_POINTER_BYTES]
    except FileNotFoundError:
        return None, None
    except IsADirectoryError:
        return None, f"{where} is a directory"
    text = raw.decode("ascii", errors="replace").strip()
    if RUN_ID_PATTERN.fullmatch(text):
        return text, None
    shown = text[:40] + ("..." if len(text) > 40 else "")
    return None, f"{where} holds no run id ({shown!r})"


def load_manifest(layout: Layout, version: str) -> Manifest:
    """The manifest of `version` ("latest" or a run id); `VersionNotFound` if it has none,
    `CorruptVersion` if it cannot be trusted."""
    if version == LATEST:
        latest = resolve_latest(layout)
        if latest.manifest is None:
            raise VersionNotFound(f"nothing published yet in {layout.where}")
        return latest.manifest
    run_id = check_run_id(version)
    key = layout.manifest_key(run_id)
    path = f"{layout.where}/{key}"
    try:
        data = layout.store.read(key).data
    except FileNotFoundError:
        raise VersionNotFound(f"no version {run_id} in {layout.where}") from None
    manifest = Manifest.from_json(data, source=path)
    if manifest.run_id != run_id:
        raise CorruptVersion(f"{path} describes version {manifest.run_id}, not {run_id}")
    return manifest


@dataclass(frozen=True, slots=True)
class Latest:
    """The version to read as the latest, and why it is not what `_LATEST` says (if so)."""

    run_id: str | None
    manifest: Manifest | None
    problem: str | None = None  # one line, for a warning


def resolve_latest(layout: Layout) -> Latest:
    """The version `_LATEST` names if its manifest is intact, else the newest one that is."""
    named, problem = read_pointer(layout)
    if named is not None:
        try:
            return Latest(named, load_manifest(layout, named))
        except VersionNotFound:
            problem = f"_LATEST names {named}, which has no manifest"
        except CorruptVersion as exc:
            problem = f"_LATEST names a damaged version: {exc}"
    elif problem is None and not layout.committed_ids():
        return Latest(None, None)
    for run_id in reversed(layout.committed_ids()):
        try:
            manifest = load_manifest(layout, run_id)
        except (VersionNotFound, CorruptVersion):
            continue
        if named is None and problem is None:
            return Latest(run_id, manifest, f"_LATEST is missing; the newest version is {run_id}")
        return Latest(run_id, manifest, f"{problem}; using {run_id}, the newest intact version")
    return Latest(None, None, problem and f"{problem}; no intact version is left")
