"""`confiance serve`: the production server (gunicorn, static files by WhiteNoise) and the task worker, together.

`make run` ends with it. On a real server, run gunicorn and `runworker` as two systemd
units instead (docs/deploy.md); this command is the one-machine form of the same two.
"""

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from confiance.accounts.models import Person


def demo_accounts():
    """Return the lines that present the demo accounts present in the database (none on a real instance)."""
    from confiance.demo.accounts import DEMO_PASSWORD, DEMO_PEOPLE, ROLE_LABELS

    present = set(Person.objects.filter(username__in=[p[0] for p in DEMO_PEOPLE], is_active=True)
                  .values_list("username", flat=True))
    rows = [p for p in DEMO_PEOPLE if p[0] in present]
    if not rows:
        return []
    lines = [f"Comptes de démonstration (mot de passe : {DEMO_PASSWORD}) :"]
    for username, _, _, org_slugs, roles, _, _ in rows:
        lines.append(f"  {username:<10} {', '.join(ROLE_LABELS[r] for r in roles)} — {', '.join(org_slugs)}")
    return lines


class Command(BaseCommand):
    help = "Serve the site with gunicorn (static files by WhiteNoise) and run the background task worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on (default 8000).")
        parser.add_argument("--workers", type=int, default=2, help="Gunicorn worker processes (default 2).")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start the task worker (one runs elsewhere).")

    def handle(self, host, port, workers, no_worker=False, **options):
        url = f"http://{host}:{port}/"
        self.stdout.write(f"Confiance est servi sur {url}  (API : {url}api/docs ; santé : {url}sante/)")
        for line in demo_accounts():
            self.stdout.write(line)
        self.stdout.write("Arrêt : Ctrl+C.")
        self.stdout.flush()
        python = sys.executable
        commands = [[python, "-m", "gunicorn", "confiance.wsgi:application", "--bind", f"{host}:{port}",
                     "--workers", str(workers), "--log-level", "warning", "--graceful-timeout", "10",
                     "--chdir", str(settings.BASE_DIR)]]
        if not no_worker:
            commands.append([python, str(settings.BASE_DIR / "manage.py"), "runworker", "--queue-name", "*",
                             "--no-reload", "-v", "0"])
        processes = [subprocess.Popen(c) for c in commands]
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        code = 0
        while not stopping:
            exited = [p for p in processes if p.poll() is not None]
            if exited:
                code = exited[0].returncode or 1
                self.stderr.write(f"Un processus s'est arrêté (code {exited[0].returncode}) : arrêt de Confiance.")
                break
            time.sleep(0.5)
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if code:
            sys.exit(code)
