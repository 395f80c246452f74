"""A slow job for the tests of cancelling and of a killed worker (a task must live in an importable module)."""

import time
from pathlib import Path

from confiance.jobs.runner import job_task


@job_task
def tick(progress, n, seconds=0.0, trace=""):
    """Report n steps, sleeping between them; append one line per start to `trace` (a file) if given."""
    if trace:
        with Path(trace).open("a") as fh:
            fh.write("start\n")
    progress.report(0, total=n)
    for i in range(1, n + 1):
        time.sleep(seconds)
        progress.report(i, force=True)
    return f"/fini/{n}/"
