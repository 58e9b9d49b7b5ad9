"""Prefect flows: ingest (crawl to published version) and reparse (raw store to version).

Prefect reads its settings when it is first imported, so the offline defaults
are applied here, before any flow module imports it (user values still win).
"""

from flows.prefect_env import apply_prefect_defaults

apply_prefect_defaults()
