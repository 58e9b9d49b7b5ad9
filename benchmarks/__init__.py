"""Scripts that print throughput figures: run them from the repository root as modules,
`.venv/bin/python -m benchmarks.<name>`, so they import the installed packages (and the
tests' page helpers) with no sys.path edits."""
