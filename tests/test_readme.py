"""The README's promises that code can check: the two commands, CI, the config example."""

from __future__ import annotations

import re
from pathlib import Path

from core.config import load_settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_first_code_block_holds_exactly_the_two_commands():
    first = re.search(r"```[a-z]*\n(.*?)```", README, flags=re.DOTALL)
    assert first is not None
    assert first.group(1).strip().splitlines() == ["python3 run.py ingest", "python3 run.py test"]


def test_ci_runs_the_readme_test_command():
    assert "exec python3 run.py test" in (ROOT / ".ci" / "run").read_text()


def test_the_configuration_example_is_valid(tmp_path: Path):
    example = re.search(r"```toml\n(.*?)```", README, flags=re.DOTALL)
    assert example is not None
    config = tmp_path / "etl.toml"
    config.write_text(example.group(1))
    settings = load_settings(config_file=config)
    assert settings.crawl.per_host_delay == 2.0
    assert settings.load.keep_last == 30
    assert settings.source.profile_pattern is not None
    assert [site.name for site in settings.sources] == [None, "ncs"]
