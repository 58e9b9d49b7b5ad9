"""Load: publish immutable, versioned Parquet datasets and read them back.

    from load import read, versions, diff
    careers = read("careers", data_dir=Path("data"))          # the latest version
    march = read("careers", "20260301T060000Z-ab12cd", data_dir=Path("data"))
    pay = history("careers", data_dir=Path("data"))            # every value over versions
    careers = read("careers", data_dir="s3://bucket/prefix")   # object storage (core.store)
"""

from load.baseline import Baseline, open_baseline
from load.carry import carry_forward
from load.diff import VersionDiff, diff
from load.gc import GcResult, collect
from load.history import history
from load.publish import PublishResult, publish
from load.read import (
    VersionInfo,
    latest,
    latest_fill_rates,
    read,
    read_arrow,
    read_manifest,
    verify,
    versions,
)
from load.runid import new_run_id

__all__ = [
    "Baseline",
    "GcResult",
    "PublishResult",
    "VersionDiff",
    "VersionInfo",
    "carry_forward",
    "collect",
    "diff",
    "history",
    "latest",
    "latest_fill_rates",
    "new_run_id",
    "open_baseline",
    "publish",
    "read",
    "read_arrow",
    "read_manifest",
    "verify",
    "versions",
]
