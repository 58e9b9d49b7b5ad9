"""Run `ingest` on a schedule: a deployment served by this process on a Prefect server.

The temporary server Prefect starts on its own cannot schedule, so this needs
`prefect server start` and PREFECT_API_URL pointing at it (see the README).
"""

from __future__ import annotations

from collections.abc import MutableMapping

from core.errors import UserError
from core.settings import Settings


def serve_ingest(settings: Settings, *, environ: MutableMapping[str, str]) -> None:
    """Create (or update) the scheduled deployment and execute its runs until stopped."""
    if not environ.get("PREFECT_API_URL"):
        raise UserError(
            "serving needs a Prefect server: start one with `python3 run.py prefect server start"
            " --host 127.0.0.1 --port 4200` and set PREFECT_API_URL=http://127.0.0.1:4200/api"
        )
    # Runs execute in child processes that import `flows.ingest_flow` by module path: the
    # package is installed (run.py installs it), so they find it wherever they start.
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from flows.ingest_flow import ingest

    ingest.serve(
        name=settings.schedule.deployment_name,
        schedules=[Cron(settings.schedule.cron, timezone=settings.schedule.timezone)],
        # Only what the user set: defaults (and the sample site's pace) stay decided per run.
        parameters={"settings": settings.model_dump(mode="json", exclude_unset=True)},
        tags=["careers-etl"],
        entrypoint_type=EntrypointType.MODULE_PATH,
        print_starting_message=True,
    )
