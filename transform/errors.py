"""Errors of the transform stage.

CareersEtlError
└── TransformError          a batch could not be turned into tables
    └── QualityGateFailed   the run's data is too broken to publish; `reason` says why
"""

from __future__ import annotations

from core.errors import CareersEtlError


class TransformError(CareersEtlError):
    """Base of every error the transform stage raises on purpose."""


class QualityGateFailed(TransformError):
    """A quality threshold was exceeded: the run must not publish."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
