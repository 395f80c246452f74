"""The `confiance` command: Django's management commands under the product's name.

`confiance export montpellier-metropole > org.json` is `manage.py export ...`;
the management commands are the CLI (docs/cli.md lists them).
"""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["confiance", *sys.argv[1:]])


if __name__ == "__main__":
    main()
