"""Keep Hypothesis's cache files under pytest's temporary directory, not in the repo."""

from __future__ import annotations

import pytest
from hypothesis.configuration import set_hypothesis_home_dir


def pytest_configure(config: pytest.Config) -> None:
    factory = pytest.TempPathFactory.from_config(config, _ispytest=True)
    set_hypothesis_home_dir(factory.mktemp("hypothesis"))
