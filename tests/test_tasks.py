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


def test_a_transient_failure_of_an_async_batch_task_is_retried(prefect_server):
    """The real tasks' retry options on an async task, as discover and fetch-batch are: the
    condition must see the error (not an un-awaited coroutine) for a retry to fire."""
    import asyncio

    from prefect import flow, task

    from flows.tasks import IO_TASK_OPTIONS

    attempts: list[int] = []
    options = {**IO_TASK_OPTIONS, "retry_delay_seconds": 0, "retry_jitter_factor": None}

    @task(**options)
    async def flaky(error: Exception) -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise error
        return "fetched"

    @flow
    async def run(error: Exception) -> str:
        return await flaky(error)

    assert asyncio.run(run(TransientFetchError("dropped", url="http://a.test/"))) == "fetched"
    assert len(attempts) == 2
    attempts.clear()
    with pytest.raises(TerminalFetchError):
        asyncio.run(run(TerminalFetchError("HTTP 404", url="http://a.test/")))
    assert len(attempts) == 1  # a lasting failure is not retried



class _Watched(list):  # type: ignore[type-arg]
    """A batch that counts who iterates it: Prefect walking a task's arguments for
    futures does; the tasks' own callees here do not."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        _Watched.walks += 1
        return super().__iter__()


def test_a_batch_reaches_its_task_without_prefect_walking_it(prefect_server):
    """Every task is `quoted`: a batch of thousands of records costs Prefect nothing
    (the same call to the unquoted task walks the batch)."""
    import asyncio

    from prefect import flow

    from flows.tasks import parse_task

    class Parser:
        async def parse(self, pages):  # type: ignore[no-untyped-def]
            assert type(pages) is _Watched  # the batch itself, unwrapped
            return pages

    class Sink:
        async def take(self, parsed):  # type: ignore[no-untyped-def]
            return ["taken", len(parsed)]

    @flow
    async def run(quoted: bool) -> list[object]:
        called = parse_task if quoted else parse_task.task
        return await called(_Watched([1, 2, 3]), Parser(), Sink())

    assert asyncio.run(run(True)) == ["taken", 3]
    assert _Watched.walks == 0
    assert asyncio.run(run(False)) == ["taken", 3]
    assert _Watched.walks > 0  # the check can tell
