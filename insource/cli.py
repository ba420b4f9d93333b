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
        if argv is None:  # the console script itself, not a caller in this process
            _run_then_leave(execute_from_command_line, args, ocds_process.stop_prestarted)
            return
    execute_from_command_line(args)


def _run_then_leave(run, args: list[str], stop_helpers) -> None:
    """Run the command, then end the process at once (ADR 0059): output flushed, logs and
    database connections closed, but no teardown of the interpreter, which after a large import
    freed every object one by one and ran the collector once more (a fifth of a second, with
    nothing left to do). An unexpected exception ends the process as usual, with its traceback."""
    try:
        run(args)
        code = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    stop_helpers()  # nothing the command started outlives it
    import logging

    from django.db import connections

    connections.close_all()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":
    main()
