"""What transform hands to load: the five tables of one run, shaped by the contract."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from load.schema import TABLES
from transform.frames import to_arrow_table
from transform.quality import QualityReport


@dataclass(frozen=True, eq=False)  # frames do not compare to one bool
class Tables:
    """One run's tables as pandas frames in the contract's column order and dtypes.

    `growth_category` and `education_level` are ordered Categoricals over the full
    level lists; `quality` is the run's data-quality summary.
    """

    careers: pd.DataFrame
    career_skills: pd.DataFrame
    career_duties: pd.DataFrame
    pages: pd.DataFrame
    rejects: pd.DataFrame
    quality: QualityReport

    def frames(self) -> dict[str, pd.DataFrame]:
        """The frames by table name (the keys of load.schema.TABLES)."""
        return {name: getattr(self, name) for name in TABLES}

    def to_arrow(self, *, pandas_metadata: bool = False) -> dict[str, pa.Table]:
        """Each table converted with its load.schema schema exactly (no inference).

        `pandas_metadata=True` adds pandas' schema metadata (fields and types unchanged)
        so pandas readers get nullable integer/boolean dtypes back.
        """
        return {
            name: to_arrow_table(frame, TABLES[name], pandas_metadata=pandas_metadata)
            for name, frame in self.frames().items()
        }
