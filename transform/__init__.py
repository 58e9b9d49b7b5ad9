"""Transform: raw career records to typed, validated tables (contract v1).

build_tables(pages, run_id=..., default_currency=..., quality=...) -> Tables
check_gates(tables.quality, settings.quality)   # raises QualityGateFailed
"""

from transform.build import build_tables
from transform.errors import QualityGateFailed, TransformError
from transform.quality import QualityReport, check_gates, fill_rate_warnings
from transform.tables import Tables

__all__ = [
    "QualityGateFailed",
    "QualityReport",
    "Tables",
    "TransformError",
    "build_tables",
    "check_gates",
    "fill_rate_warnings",
]
