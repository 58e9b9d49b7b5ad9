import pytest
from prefect.states import Completed, Failed

from extract.errors import TerminalFetchError, TransientFetchError
from flows.tasks import retry_only_transient


@pytest.mark.parametrize(
    ("error", "retry"),
    [
        (TransientFetchError("HTTP 503", url="http://a.test/"), True),
        (ConnectionResetError("reset by peer"), True),
        (TimeoutError("slow"), True),
        (TerminalFetchError("HTTP 404", url="http://a.test/"), False),
        (ValueError("a bug"), False),
        (OSError(28, "No space left on device"), False),
    ],
)
def test_only_transient_errors_retry_a_task(error: Exception, retry: bool):
    assert retry_only_transient(None, None, Failed(data=error)) is retry  # type: ignore[arg-type]


def test_a_completed_task_is_not_retried():
    assert retry_only_transient(None, None, Completed(data=1)) is False  # type: ignore[arg-type]
