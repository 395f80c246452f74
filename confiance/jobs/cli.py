"""The progress line a command prints while it runs a job in its own process (runner.run_here)."""

from confiance.jobs.management.commands.followjob import bar


def progress_printer(stream, verbosity=1):
    """Return an `on_write(job)` that writes the job's progress bar to `stream` when it changes (none at -v 0)."""
    last = [None]

    def on_write(job):
        if verbosity < 1:
            return
        line = bar(job)
        if line != last[0]:
            stream.write(line)
            last[0] = line

    return on_write
