from __future__ import annotations

from pathlib import Path

import pytest

from core.config import load_settings
from core.errors import UserError


def test_defaults_are_polite():
    settings = load_settings()
    assert settings.crawl.obey_robots is True
    assert settings.crawl.per_host_concurrency == 1
    assert settings.crawl.per_host_delay == 1.0
    assert "careers-etl" in settings.crawl.user_agent
    assert "+http" in settings.crawl.user_agent


def test_precedence_defaults_toml_environment_flags(tmp_path: Path):
    config = tmp_path / "etl.toml"
    config.write_text(
        'data_dir = "from-toml"\n'
        "[crawl]\nper_host_delay = 3.0\nmax_retries = 7\nper_host_concurrency = 2\n"
    )
    environ = {
        "CAREERS_ETL_CRAWL__PER_HOST_DELAY": "2.5",
        "CAREERS_ETL_CRAWL__MAX_RETRIES": "6",
        "CAREERS_ETL_SOURCE__START_URLS": '["http://example.org/sitemap.xml"]',
        "UNRELATED": "x",
    }
    settings = load_settings(
        config_file=config, environ=environ, overrides={"crawl.max_retries": 1, "data_dir": None}
    )
    assert settings.data_dir == Path("from-toml")  # a None flag does not override
    assert settings.crawl.per_host_concurrency == 2  # toml
    assert settings.crawl.per_host_delay == 2.5  # environment beats toml
    assert settings.crawl.max_retries == 1  # flag beats environment
    assert [str(u) for u in settings.source.start_urls] == ["http://example.org/sitemap.xml"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[crawl]\nper_host_dely = 1\n", "crawl.per_host_dely: unknown setting"),
        ("[crawl]\nper_host_delay = -1\n", "crawl.per_host_delay: Input should be greater"),
        ("[schedule]\ncron = \"61 * * * *\"\n", "schedule.cron"),
        ("[source]\nstart_urls = [\"not a url\"]\n", "source.start_urls.0"),
        ("[crawl\n", "is not valid TOML"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, toml: str, message: str):
    config = tmp_path / "bad.toml"
    config.write_text(toml)
    with pytest.raises(UserError, match=None) as excinfo:
        load_settings(config_file=config)
    assert message in str(excinfo.value)
    assert "\n" not in str(excinfo.value)


def test_missing_config_file_is_a_user_error(tmp_path: Path):
    with pytest.raises(UserError, match="config file not found"):
        load_settings(config_file=tmp_path / "nope.toml")


def test_bad_environment_value_names_the_variable_key():
    with pytest.raises(UserError, match=r"crawl\.per_host_concurrency"):
        load_settings(environ={"CAREERS_ETL_CRAWL__PER_HOST_CONCURRENCY": "lots"})


def test_site_profiles_from_the_config_file(tmp_path: Path):
    config = tmp_path / "sites.toml"
    config.write_text(
        '[[sites]]\nname = "ooh"\nstart_urls = ["https://www.bls.gov/ooh/sitemap.xml"]\n'
        '[[sites]]\nname = "ncs"\nstart_urls = ["https://nationalcareers.service.gov.uk/"]\n'
        'profile_pattern = "/job-profiles/"\n'
    )
    settings = load_settings(config_file=config)
    assert [s.name for s in settings.sources] == ["ooh", "ncs"]
    assert settings.sources[1].profile_pattern == "/job-profiles/"
    with_flags = load_settings(
        config_file=config, overrides={"source.start_urls": ["http://example.org/"]}
    )
    assert [s.name for s in with_flags.sources] == [None, "ooh", "ncs"]


def test_a_site_profile_names_its_own_currency_but_no_run_wide_keys(tmp_path: Path):
    # Issue 10: a site's "$" is its own dollar; the run's default stays in [source].
    config = tmp_path / "sites.toml"
    config.write_text('[[sites]]\nstart_urls = ["https://a.test/"]\ndefault_currency = "GBP"\n')
    settings = load_settings(config_file=config)
    assert (settings.sites[0].default_currency, settings.source.default_currency) == ("GBP", "USD")
    config.write_text('[[sites]]\nstart_urls = ["https://a.test/"]\ndata_dir = "x"\n')
    with pytest.raises(UserError, match=r"sites\.0\.data_dir: unknown setting"):
        load_settings(config_file=config)
