"""The project's exception tree.

    CareersEtlError
    ├── UserError            bad config, bad URL, bad option: one line, exit code 2
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
