"""Every bad setting is one line and exit code 2, before anything runs.

Each case goes through the ingest command line as a user gives it (a TOML file, an
environment variable or a flag) with `--print-config`, which stops right after the
settings are built: a bad value must already be refused there, so nothing (no
server, no crawl, no data dir) is ever started with it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.cli import run_ingest_cli, run_reparse_cli

TOML_CASES: dict[str, tuple[str, str]] = {
    "unknown key": ("[crawl]\nper_host_dely = 1\n", "did you mean 'per_host_delay'"),
    "unknown section": ("[crawler]\nper_host_delay = 1\n", "did you mean 'crawl'"),
    "negative delay": ("[crawl]\nper_host_delay = -1\n", "crawl.per_host_delay"),
    "nan delay": ("[crawl]\nper_host_delay = nan\n", "crawl.per_host_delay"),
    "infinite keep_days": ("[load]\nkeep_days = inf\n", "load.keep_days"),
    "zero keep_last": ("[load]\nkeep_last = 0\n", "load.keep_last"),
    "bad regex": ('[source]\nprofile_pattern = "(["\n', "source.profile_pattern"),
    "empty regex": ('[source]\nprofile_pattern = ""\n', "source.profile_pattern"),
    "site regex": (
        '[[sites]]\nstart_urls = ["https://a.example/"]\nprofile_pattern = "*x"\n',
        "sites.0.profile_pattern",
    ),
    "credentials in url": (
        '[source]\nstart_urls = ["https://user:pw@example.org/"]\n', "credentials"
    ),
    "url without scheme": (
        '[source]\nstart_urls = ["example.org/careers"]\n', "did you mean 'https://example.org"
    ),
    "ftp url": ('[source]\nstart_urls = ["ftp://example.org/"]\n', "source.start_urls.0"),
    "relative url": ('[source]\nstart_urls = ["/careers"]\n', "source.start_urls.0"),
    "bad port": ('[source]\nstart_urls = ["http://example.org:99999/"]\n', "start_urls.0"),
    "newline in user agent": ('[crawl]\nuser_agent = "a\\nb"\n', "crawl.user_agent"),
    "tab in user agent": ('[crawl]\nuser_agent = "a\\tb"\n', "crawl.user_agent"),
    "empty user agent": ('[crawl]\nuser_agent = ""\n', "crawl.user_agent"),
    "accented user agent": ('[crawl]\nuser_agent = "café/1"\n', "crawl.user_agent"),
    "scalar for a table": ("crawl = 5\n", "crawl"),
    "scalar for sites": ('sites = "x"\n', "sites"),
    "table for sites": ('[sites]\nname = "x"\n', "sites"),
    "site without start urls": ('[[sites]]\nname = "x"\n', "has no start_urls"),
    "duplicate site names": (
        '[[sites]]\nname = "a"\nstart_urls = ["https://a.example/"]\n'
        '[[sites]]\nname = "a"\nstart_urls = ["https://b.example/"]\n',
        "unique",
    ),
    "site sets a run-wide key": (
        '[[sites]]\nstart_urls = ["https://a.example/"]\ndata_dir = "elsewhere"\n',
        "sites.0.data_dir",
    ),
    "bad timezone": ('[schedule]\ntimezone = "Mars/Olympus"\n', "schedule.timezone"),
    "bad cron": ('[schedule]\ncron = "61 * * * *"\n', "schedule.cron"),
    "slash in deployment name": ('[schedule]\ndeployment_name = "a/b"\n', "deployment_name"),
    "lower-case currency": ('[source]\ndefault_currency = "usd"\n', "default_currency"),
    "word for a bool": ('[crawl]\nobey_robots = "maybe"\n', "crawl.obey_robots"),
    "zero batch": ("[crawl]\nbatch_size = 0\n", "crawl.batch_size"),
    "tiny body cap": ("[crawl]\nmax_body_bytes = 10\n", "crawl.max_body_bytes"),
    "huge timeout": ("[crawl]\ntotal_timeout = 1e30\n", "crawl.total_timeout"),
    "share above one": ("[quality]\nmax_reject_share = 1.5\n", "quality.max_reject_share"),
    "empty data dir": ('data_dir = ""\n', "data_dir"),
    "NUL in data dir": ('data_dir = "a\\u0000b"\n', "data_dir"),
    "invalid TOML": ("[crawl\n", "not valid TOML"),
    "unknown task runner": ('[crawl]\ntask_runner = "ray"\n', "crawl.task_runner"),
    "dask address without scheme": (
        '[crawl]\ntask_runner = "dask"\ndask_address = "10.0.0.5:8786"\n',
        "not a Dask scheduler address",
    ),
    "dask address without port": (
        '[crawl]\ntask_runner = "dask"\ndask_address = "tcp://10.0.0.5"\n',
        "crawl.dask_address",
    ),
    "dask address for the local runner": (
        '[crawl]\ndask_address = "tcp://10.0.0.5:8786"\n', "set it to 'dask'"
    ),
}
BINARY_CASES: dict[str, bytes] = {
    "binary file": bytes(range(256)),
    "latin-1 text": 'data_dir = "d\xe9j\xe0"\n'.encode("latin-1"),
    "UTF-16 text": 'data_dir = "x"\n'.encode("utf-16"),
}
ENV_CASES: dict[str, tuple[dict[str, str], str]] = {
    "env unknown section": ({"CAREERS_ETL_SORCE__START_URLS": "https://a.example/"}, "source"),
    "env bad int": ({"CAREERS_ETL_CRAWL__PER_HOST_CONCURRENCY": "lots"}, "per_host_concurrency"),
    "env newline user agent": ({"CAREERS_ETL_CRAWL__USER_AGENT": '"a\\nb"'}, "user_agent"),
    "env infinite keep_days": ({"CAREERS_ETL_LOAD__KEEP_DAYS": "inf"}, "load.keep_days"),
    "env table meets value": (
        {"CAREERS_ETL_CRAWL": "5", "CAREERS_ETL_CRAWL__PER_HOST_DELAY": "2"}, "crawl"
    ),
}
FLAG_CASES: dict[str, tuple[list[str], str]] = {
    "flag url without scheme": (["--start-url", "example.org"], "did you mean"),
    "flag credentials": (["--start-url", "https://u:p@example.org/"], "credentials"),
    "flag bad regex": (["--profile-pattern", "(unclosed"], "profile_pattern"),
    "flag nan delay": (["--delay", "nan"], "per_host_delay"),
    "flag infinite delay": (["--delay", "inf"], "per_host_delay"),
    "flag zero concurrency": (["--concurrency", "0"], "per_host_concurrency"),
    "flag bad cron with serve": (["--serve", "--cron", "every day"], "schedule.cron"),
    "flag newline user agent": (["--user-agent", "x\r\nHost: evil"], "user_agent"),
}


def _assert_one_line_refusal(capsys: pytest.CaptureFixture[str], code: int, needle: str) -> None:
    out, err = capsys.readouterr()
    assert code == 2, f"accepted (exit {code}); stdout: {out[:200]!r}"
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    assert needle in lines[0]
    assert out == ""


@pytest.mark.parametrize(("toml", "needle"), TOML_CASES.values(), ids=TOML_CASES.keys())
def test_bad_config_file_value(tmp_path: Path, capsys, monkeypatch, toml: str, needle: str):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "etl.toml"
    config.write_text(toml, encoding="utf-8")
    code = run_ingest_cli(["--config", str(config), "--print-config"])
    _assert_one_line_refusal(capsys, code, needle)


@pytest.mark.parametrize("content", BINARY_CASES.values(), ids=BINARY_CASES.keys())
def test_config_file_that_is_not_utf8_text(tmp_path: Path, capsys, monkeypatch, content: bytes):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "etl.toml"
    config.write_bytes(content)
    code = run_ingest_cli(["--config", str(config), "--print-config"])
    _assert_one_line_refusal(capsys, code, "not UTF-8 text")


@pytest.mark.parametrize(("environ", "needle"), ENV_CASES.values(), ids=ENV_CASES.keys())
def test_bad_environment_value(
    tmp_path: Path, capsys, monkeypatch, environ: dict[str, str], needle: str
):
    monkeypatch.chdir(tmp_path)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    code = run_ingest_cli(["--print-config"])
    _assert_one_line_refusal(capsys, code, needle)


@pytest.mark.parametrize(("args", "needle"), FLAG_CASES.values(), ids=FLAG_CASES.keys())
def test_bad_flag_value(tmp_path: Path, capsys, monkeypatch, args: list[str], needle: str):
    monkeypatch.chdir(tmp_path)
    code = run_ingest_cli([*args, "--print-config"])
    _assert_one_line_refusal(capsys, code, needle)


def test_friendly_forms_are_accepted(tmp_path: Path, capsys, monkeypatch):
    """A single URL in the environment is a list of one; nothing else changes."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CAREERS_ETL_SOURCE__START_URLS", "https://example.org/sitemap.xml")
    assert run_ingest_cli(["--print-config"]) == 0
    out, err = capsys.readouterr()
    assert '"https://example.org/sitemap.xml"' in out
    assert err == ""
    assert not (tmp_path / "data").exists()  # printing the settings created nothing


@pytest.mark.parametrize(("args", "needle"), [
    (["--task-runner", "ray"], "unknown choice for --task-runner 'ray'"),
    (["--dask-address", "localhost:8786"], "not a Dask scheduler address"),
    (["--task-runner", "dask", "--dask-address", "tcp://h:port"], "crawl.dask_address"),
], ids=["unknown runner", "address without scheme", "address without port"])
def test_bad_reparse_runner_flag(tmp_path: Path, capsys, monkeypatch, args: list[str],
                                 needle: str):
    monkeypatch.chdir(tmp_path)
    try:
        code = run_reparse_cli([*args, "--print-config"])
    except SystemExit as exc:  # a usage error, from the argument parser itself
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code == 2, f"accepted (exit {code}); stdout: {out[:200]!r}"
    assert len(err.strip().splitlines()) == 1, err
    assert needle in err


def test_dask_address_flag_implies_the_dask_runner(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_reparse_cli(["--dask-address", "tcp://[::1]:8786", "--print-config"]) == 0
    crawl = json.loads(capsys.readouterr().out)["crawl"]
    assert (crawl["task_runner"], crawl["dask_address"]) == ("dask", "tcp://[::1]:8786")
