"""Build the run's `Settings` from defaults, a TOML file, the environment and CLI flags.

Later sources win: defaults < TOML < environment < CLI. The environment uses
`CAREERS_ETL_<SECTION>__<KEY>` (e.g. `CAREERS_ETL_CRAWL__PER_HOST_DELAY=2`);
values are parsed as TOML scalars/arrays so `true`, `2.5` and `["a", "b"]` work.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from core.errors import UserError
from core.settings import ENV_PREFIX, Settings


def load_settings(
    *,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge every source into one validated `Settings`, or raise `UserError` naming the key."""
    merged: dict[str, Any] = {}
    if config_file is not None:
        _deep_update(merged, _read_toml(config_file))
    if environ is not None:
        _deep_update(merged, _from_environment(environ))
    if overrides:
        _deep_update(merged, _nest(overrides))
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise UserError(_describe(exc, config_file)) from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise UserError(f"config file not found: {path}") from exc
    except OSError as exc:
        raise UserError(f"cannot read config file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"config file {path} is not valid TOML: {exc}") from exc


def _from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        key = name.removeprefix(ENV_PREFIX).lower().replace("__", ".")
        values[key] = _parse_scalar(raw)
    return _nest(values)


def _parse_scalar(raw: str) -> Any:
    """Read an environment value as a TOML value when it is one, else as a string."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """{"crawl.per_host_delay": 2} -> {"crawl": {"per_host_delay": 2}}; None values are skipped."""
    nested: dict[str, Any] = {}
    for dotted, value in flat.items():
        if value is None:
            continue
        *parents, leaf = dotted.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return nested


def _deep_update(target: dict[str, Any], updates: Mapping[str, Any]) -> None:
    for key, value in updates.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _deep_update(target[key], value)
        else:
            target[key] = value


def _describe(exc: ValidationError, config_file: Path | None) -> str:
    """One line per bad key: 'crawl.per_host_delay: Input should be ...'."""
    problems = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"]) or "(settings)"
        message = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
        problems.append(f"{key}: {message}")
    origin = f" (from {config_file}, environment or flags)" if config_file else ""
    return "invalid settings" + origin + ": " + "; ".join(problems)
