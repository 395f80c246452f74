"""Tasks the runner's tests start (a task must live in an importable module)."""

from confiance.jobs.runner import JobFailed, job_task


@job_task
def count_to(progress, n, fail_at=None, crash=False):
    progress.report(0, total=n, message="Comptage…")
    for i in range(1, n + 1):
        if i == fail_at:
            raise JobFailed(f"Arrêt demandé à {i}.")
        if crash and i == 2:
            raise ValueError("boom")
        progress.report(i)
    return f"/resultat/{n}/"


@job_task
def write_file(progress, name, text):
    progress.report(0, total=1, message="Écriture…")
    progress.save_file(name, text.encode("utf-8"))
    progress.report(1)
