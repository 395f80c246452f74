"""The `confiance` command: Django's management commands under the product's name.

`confiance export montpellier-mediterranee-metropole > org.json` is
`manage.py export ...`; the management commands are the CLI (docs/cli.md).
`confiance check answers.json` runs the rules alone, without Django or a
database (confiance/rules/cli.py): Django's own `check` stays `manage.py check`.
"""

import os
import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        from confiance.rules.cli import main as check_main

        return check_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["confiance", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
