"""The data dir's run lock: one ingest or reparse at a time per data dir.

A lease of the data dir's store (`Store.lease`): on a local folder an flock,
which the kernel drops when its process dies (even by SIGKILL), so a killed run
never blocks the next one; on S3 an object created only if absent that carries
its expiry and is renewed while the run lives, so a killed run blocks the next
one for at most the lease's time to live.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager

from core.errors import StorageError
from core.store import Busy, Store, Where, open_store
from load.errors import RunInProgress

RUN_LOCK_NAME = ".careers-etl-run.lock"


@contextmanager
def run_lock(data_dir: Where | Store, holder: Mapping[str, object]) -> Iterator[None]:
    """Hold the data dir for one run (ingest or reparse); refuse if another run holds it.

    The lease is `<data_dir>/.careers-etl-run.lock`; it names the holder (`holder`:
    kind, run id, pid, start time) so the refusal can say who is running.
    """
    store = open_store(data_dir)
    with ExitStack() as held:
        try:
            held.enter_context(store.lease(RUN_LOCK_NAME, holder))
        except Busy as exc:
            raise RunInProgress(f"another run is using {store.url}: {exc};"
                                " wait for it to finish, or use another --data-dir") from None
        except OSError as exc:
            raise StorageError.from_os_error(f"the run lock {store.url}/{RUN_LOCK_NAME}",
                                             exc) from exc
        yield
