"""The `insource` console script: every management command, as manage.py would run it.

`insource migrate`, `insource runserver`, `insource import PATH`, `insource policy evaluate F`...
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a Django management command with Insource's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insource.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "insource"
    if len(args) > 2 and args[1] == "import":
        # The file's reader starts now, beside Django's set-up (ADR 0059).
        from insource.register.importers import ocds_process

        ocds_process.prestart(args[2:])
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
