"""`insource makemessages -l cy`: Django's command, made to skip what no one reads in Welsh
(tests, test support, benchmarks, built files) and to note each message's file without line
numbers, so a catalogue does not change when a line moves (ADR 0035). Needs GNU gettext."""

from django.core.management.commands import makemessages

from insource.core.translations import EXTRACT_IGNORE


class Command(makemessages.Command):
    # No guessed ("fuzzy") translations: a new message is simply untranslated until it is.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *EXTRACT_IGNORE]
        options["add_location"] = options.get("add_location") or "file"
        return super().handle(*args, **options)
