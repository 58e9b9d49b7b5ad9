"""What every stage shares: the project's base errors and the run settings."""
