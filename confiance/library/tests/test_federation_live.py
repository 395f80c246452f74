"""Two real instances on loopback: a project shared on one appears on the other in the right tiers, then disappears.

Each instance is `manage.py runserver --noreload` with its own SQLite database
(CONFIANCE_VAR_DIR); instance B harvests instance A with `manage.py library harvest`.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SETUP_A = """
from confiance.accounts.models import Organisation
from confiance.library.models import FeedToken, LibraryMember
from confiance.library.sharing import share_system
from confiance.register.models import AISystem
org = Organisation.objects.create(name="Ville A", slug="ville-a", kind="commune", region="Bretagne", population=30000)
hub = Organisation.objects.create(name="Hub", slug="hub", kind="epci")
LibraryMember.objects.create(organisation=hub)
system = AISystem.objects.create(organisation=org, name="Tournées", public_summary="s", purpose="p",
                                 domain="waste", technique="optimisation")
share_system(system, {"name": "Tournées de collecte optimisées", "summary": "Calcule les tournées des bennes.",
                      "domain": "waste", "technique": "optimisation", "contacts": "secret-contact@a.example",
                      "repository_url": "https://code.example/secret-depot"}, None)
print(FeedToken.issue(hub, "hub B")[1])
"""
WITHDRAW_A = """
from confiance.library.models import SharedProject
from confiance.library.sharing import withdraw
withdraw(SharedProject.objects.get())
"""
STATE_B = """
import json
from confiance.library.models import SharedProject
print(json.dumps([{"origin": p.origin_instance, "name": p.name, "contacts": p.contacts,
                   "repository_url": p.repository_url, "withdrawn": p.withdrawn, "pk": p.pk}
                  for p in SharedProject.objects.all()]))
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    def __init__(self, var_dir, port):
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        self.env.update(CONFIANCE_VAR_DIR=str(var_dir), SITE_URL=self.url, LIBRARY_EMBEDDINGS="False",
                        DJANGO_SETTINGS_MODULE="confiance.settings", DJANGO_ALLOW_ASYNC_UNSAFE="",
                        OUTBOUND_ALLOWED_NETWORKS="127.0.0.0/8,::1/128")  # tests allow loopback
        self.process = None

    def manage(self, *args, check=True):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=120, check=check)

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/bibliotheque/flux.json", timeout=2).read()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"instance {self.url} did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def get(self, path):
        try:
            with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()


@pytest.fixture
def instances(tmp_path):
    a, b = Instance(tmp_path / "a", _free_port()), Instance(tmp_path / "b", _free_port())
    a.manage("migrate", "--no-input", "-v", "0")
    shutil.copytree(tmp_path / "a", tmp_path / "b")  # same schema, no second migration run
    yield a, b
    a.stop()
    b.stop()


def test_it_federates_a_shared_project_between_two_instances(instances):
    a, b = instances
    token = a.manage("shell", "-c", SETUP_A).stdout.strip().splitlines()[-1]
    a.start()
    b.start()
    feed = f"{a.url}/bibliotheque/flux.json"
    result = b.manage("library", "harvest", "--source", feed, "--token", token)
    assert "1 ajouté(s)" in result.stdout

    [copy] = json.loads(b.manage("shell", "-c", STATE_B).stdout.strip().splitlines()[-1])
    assert copy["origin"] == a.url and copy["contacts"] == "secret-contact@a.example"  # tier 2 came with the token
    assert copy["repository_url"] == ""  # tier 3 did not
    status, page = b.get(f"/bibliotheque/projets/{copy['pk']}/")
    assert status == 200 and "Tournées de collecte optimisées" in page and "secret-contact" not in page
    status, found = b.get("/bibliotheque/api/projets?q=bennes")
    assert json.loads(found)["count"] == 1

    # A source that fails keeps what was harvested, and the command says so.
    a.stop()
    failed = b.manage("library", "harvest", "--source", feed, check=False)
    assert failed.returncode != 0 and "ÉCHEC" in failed.stderr
    assert b.get(f"/bibliotheque/projets/{copy['pk']}/")[0] == 200

    a.start()
    a.manage("shell", "-c", WITHDRAW_A)
    result = b.manage("library", "harvest", "--source", feed)
    assert "1 retiré(s)" in result.stdout
    assert b.get(f"/bibliotheque/projets/{copy['pk']}/")[0] == 404
    assert json.loads(b.get("/bibliotheque/api/projets?q=bennes")[1])["count"] == 0
