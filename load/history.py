"""`load.history`: how each value of a table changed over the published versions."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pandas as pd

from load.catalog import HISTORY_SUFFIX, connect_memory, quote
from load.errors import UnknownTable
from load.layout import Layout
from load.schema import DATA_TABLES


def history(table: str = "careers", *, data_dir: Path = Path("data")) -> pd.DataFrame:
    """One row per career, field and value over the published versions of `table`.

    Columns: career_id, field, value (as text; null when the version had none),
    valid_from_version (the first version with the value) and valid_to_version (the
    first without it, null while the latest has it). The same rows as the catalog's
    `<table>_history` view, computed by the same SQL in memory.

        pay = history("careers").query("field == 'salary_median'")
    """
    if table not in DATA_TABLES:
        known = ", ".join(DATA_TABLES)
        raise UnknownTable(f"no history for {table!r} (there is one for: {known})")
    with closing(connect_memory(Layout.for_reading(data_dir))) as con:
        frame: pd.DataFrame = con.sql(f"SELECT * FROM {quote(table + HISTORY_SUFFIX)}").df()
    return frame
