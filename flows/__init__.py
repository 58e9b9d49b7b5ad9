"""Prefect flows: ingest (crawl to published version) and reparse (raw store to version)."""
