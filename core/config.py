"""Build the run's `Settings` from defaults, a TOML file, the environment and CLI flags.

Later sources win: defaults < TOML < environment < CLI. The environment uses
`CAREERS_ETL_<SECTION>__<KEY>` (e.g. `CAREERS_ETL_CRAWL__PER_HOST_DELAY=2`);
values are parsed as TOML scalars/arrays so `true`, `2.5` and `["a", "b"]` work.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

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
        _deep_update(merged, _read_toml(config_file), origin=str(config_file))
    if environ is not None:
        _deep_update(merged, _from_environment(environ), origin="the environment")
    if overrides:
        flags = "the command line"
        _deep_update(merged, _nest(overrides, origin=flags), origin=flags)
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
    except UnicodeDecodeError as exc:
        raise UserError(
            f"config file {path} is not UTF-8 text (byte {exc.object[exc.start]:#04x}"
            f" at offset {exc.start})"
        ) from exc


def _from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        key = name.removeprefix(ENV_PREFIX).lower().replace("__", ".")
        values[key] = _parse_scalar(raw)
    return _nest(values, origin="the environment")


def _parse_scalar(raw: str) -> Any:
    """Read an environment value as a TOML value when it is one, else as a string."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _nest(flat: Mapping[str, Any], *, origin: str) -> dict[str, Any]:
    """{"crawl.per_host_delay": 2} -> {"crawl": {"per_host_delay": 2}}; None values are skipped."""
    nested: dict[str, Any] = {}
    for dotted, value in flat.items():
        if value is None:
            continue
        *parents, leaf = dotted.split(".")
        single: dict[str, Any] = {leaf: value}
        for part in reversed(parents):
            single = {part: single}
        _deep_update(nested, single, origin=origin)
    return nested


def _deep_update(
    target: dict[str, Any], updates: Mapping[str, Any], *, origin: str, path: str = ""
) -> None:
    """Merge `updates` into `target`; a table meeting a plain value is an error, not a
    silent replacement (`crawl = 5` in the file and `..._CRAWL__PER_HOST_DELAY` set)."""
    for key, value in updates.items():
        dotted = f"{path}{key}"
        before = target.get(key)
        if isinstance(value, Mapping) and isinstance(before, dict):
            _deep_update(before, value, origin=origin, path=dotted + ".")
        elif before is not None and isinstance(value, Mapping) != isinstance(before, dict):
            wanted = "a table" if isinstance(value, Mapping) else "a value"
            raise UserError(
                f"invalid settings: {dotted}: {origin} gives {wanted} where an earlier "
                f"source gives {'a value' if isinstance(value, Mapping) else 'a table'}"
            )
        else:
            target[key] = value


def _model_at(loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The settings model a location (minus its last part) points into, if any."""
    model: type[BaseModel] | None = Settings
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        inner = getattr(annotation, "__args__", (annotation,))
        model = next((t for t in inner if isinstance(t, type) and issubclass(t, BaseModel)), None)
        if model is None and isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
    return model


def _unknown(loc: Sequence[int | str]) -> str:
    """'unknown setting', with the closest real key when one is close."""
    model = _model_at(loc[:-1])
    if model is None or not isinstance(loc[-1], str):
        return "unknown setting"
    close = difflib.get_close_matches(loc[-1], list(model.model_fields), n=1, cutoff=0.6)
    return f"unknown setting (did you mean {close[0]!r}?)" if close else "unknown setting"


def _describe(exc: ValidationError, config_file: Path | None) -> str:
    """One line per bad key: 'crawl.per_host_delay: Input should be ...'."""
    problems = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"]) or "(settings)"
        if error["type"] == "extra_forbidden":
            message = _unknown(error["loc"])
        else:
            message = error["msg"].removeprefix("Value error, ")
        problems.append(f"{key}: {message}")
    origin = f" (from {config_file}, environment or flags)" if config_file else ""
    return "invalid settings" + origin + ": " + "; ".join(problems)
