"""Load: publish immutable, versioned Parquet datasets and read them back."""
