from pathlib import Path

from flows.prefect_env import apply_prefect_defaults


def test_offline_defaults_fill_in_what_the_user_did_not_set(tmp_path: Path):
    environ = {"PREFECT_API_URL": "http://prefect.internal:4200/api", "DO_NOT_TRACK": "0"}
    apply_prefect_defaults(environ, home=tmp_path / "prefect")
    assert environ["PREFECT_API_URL"] == "http://prefect.internal:4200/api"  # theirs wins
    assert environ["DO_NOT_TRACK"] == "0"
    assert environ["PREFECT_HOME"] == str(tmp_path / "prefect")
    assert environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert int(environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]) >= 120
