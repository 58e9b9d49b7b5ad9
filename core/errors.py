"""The project's exception tree.

    CareersEtlError
    ├── UserError            bad config, bad URL, bad option: one line, exit code 2
    ├── StorageError         a store cannot be written (disk full, read-only): the run stops
    ├── extract.errors.ExtractError
    │   ├── FetchError       (transient or terminal, see `FetchError.transient`)
    │   └── ParseError       a page that does not read as a career page
    ├── transform.errors.TransformError
    └── load.errors.LoadError

Each stage raises its own subclasses and translates third-party errors once,
at its edge (`raise ProjectError(...) from exc`).
"""

from __future__ import annotations


class CareersEtlError(Exception):
    """Base of every error this project raises on purpose."""


class UserError(CareersEtlError):
    """Something the user gave us is wrong; the message says what and where."""


class StorageError(CareersEtlError):
    """A store under the data dir could not be written: a full disk, a read-only folder.

    Never one page's failure: the run stops with this one line and publishes nothing, and
    what was written before is left as the store's own rules leave it (whole or absent).
    """

    @classmethod
    def from_os_error(cls, what: str, exc: OSError) -> StorageError:
        where = f" ({exc.filename})" if exc.filename else ""
        return cls(f"cannot write {what}: {exc.strerror or exc}{where}")
