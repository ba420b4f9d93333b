"""Welsh (ADR 0035): the catalogues compile without GNU gettext, every page offers the other
language and comes back to itself, the page says which language it is in, dates are in Welsh,
and no translation loses or invents a placeholder."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from insource.core.translations import compile_catalogues

CY_PO = Path(settings.LOCALE_PATHS[0]) / "cy" / "LC_MESSAGES" / "django.po"
# %(name)s, %s, %d, {name}, {0}: what Python and Django fill in
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdfr]|%[sdfr]|\{[a-z_0-9]*\}")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_catalogues_compile_in_pure_python(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "cy"}
    po.append(polib.POEntry(msgid="Contracts", msgstr="Contractau"))
    po.append(polib.POEntry(msgid="Fuzzy", msgstr="Niwlog", flags=["fuzzy"]))
    (tmp_path / "cy" / "LC_MESSAGES").mkdir(parents=True)
    po.save(str(tmp_path / "cy" / "LC_MESSAGES" / "django.po"))

    written = compile_catalogues([tmp_path])

    mo = polib.mofile(str(written[0]))
    assert {e.msgid: e.msgstr for e in mo} == {"Contracts": "Contractau"}
    assert compile_catalogues([tmp_path]) == []  # up to date: nothing rewritten


def test_every_welsh_translation_keeps_its_placeholders():
    wrong = [
        (e.msgid, e.msgstr)
        for e in polib.pofile(str(CY_PO))
        if e.msgstr and _placeholders(e.msgid) != _placeholders(e.msgstr)
    ]
    wrong += [
        (e.msgid_plural, text)
        for e in polib.pofile(str(CY_PO))
        if e.msgid_plural
        for text in e.msgstr_plural.values()
        if text and _placeholders(e.msgid_plural) != _placeholders(text)
    ]
    assert wrong == []


def test_welsh_dates_use_welsh_month_names():
    with translation.override("cy"):
        rendered = Template('{{ d|date:"j F Y" }}').render(Context({"d": date(2026, 12, 6)}))
    assert rendered == "6 Rhagfyr 2026"


@pytest.mark.django_db
def test_the_page_offers_welsh_and_says_it_is_english(client):
    page = client.get("/").content.decode()

    assert '<html lang="en-gb"' in page
    assert re.search(r'<button[^>]*lang="cy"[^>]*>Cymraeg', page)


@pytest.mark.django_db
def test_choosing_welsh_comes_back_to_the_same_page_in_welsh(client):
    answer = client.post(
        "/public/language/", {"language": "cy", "next": "/public/authorities/?q=Cardiff"}
    )

    assert answer.status_code == 302 and answer["Location"] == "/public/authorities/?q=Cardiff"
    page = client.get("/public/authorities/?q=Cardiff").content.decode()
    assert '<html lang="cy"' in page
    assert re.search(r'<button[^>]*lang="en"[^>]*>English', page)
    assert "Awdurdodau" in page  # the navigation, in Welsh


@pytest.mark.django_db
def test_a_welsh_speaking_browser_gets_welsh(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="cy").content.decode()

    assert '<html lang="cy"' in page


def _source_copy(into: Path) -> None:
    """The files `makemessages` reads (Python, templates and text, outside hidden and built
    folders and the catalogues), copied from the project root into `into`."""
    import shutil

    root = Path(settings.BASE_DIR).parent
    skip = {"var", "node_modules", "__pycache__"}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".") and d not in skip and here / d != root / "insource" / "locale"
        ]
        for name in files:
            if name.endswith((".py", ".html", ".txt")):
                target = into / (here / name).relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(here / name, target)


def test_every_message_has_a_welsh_translation(tmp_path, settings, monkeypatch):
    """Extracts every message afresh (GNU gettext's xgettext and msgmerge, through the project's
    `makemessages`) into a copy of the Welsh catalogue: any message of the code or templates
    that the catalogue lacks, leaves empty or marks fuzzy fails here, by name.

    It runs in a copy of the source: `makemessages` writes a `<template>.py` beside every
    template while it works, which tests reading the source tree in another worker (ADR 0049)
    would otherwise meet."""
    import shutil

    from django.core.management import call_command

    if shutil.which("msgmerge") is None or shutil.which("xgettext") is None:
        if os.environ.get("INSOURCE_REQUIRE_GETTEXT"):
            pytest.fail("GNU gettext is required here (INSOURCE_REQUIRE_GETTEXT) but not found")
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed")
    copy = tmp_path / "locale" / "cy" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(CY_PO, copy)
    settings.LOCALE_PATHS = [str(tmp_path / "locale")]
    _source_copy(tmp_path / "source")
    monkeypatch.chdir(tmp_path / "source")

    # ignoring the real locale directory keeps makemessages from writing there (it adopts any
    # `locale` directory it walks past); the copy in LOCALE_PATHS is the one it merges into
    call_command(
        "makemessages",
        locale=["cy"],
        no_obsolete=True,
        ignore_patterns=["insource/locale"],
        verbosity=0,
    )

    extracted = polib.pofile(str(copy))
    missing = [e.msgid for e in extracted.untranslated_entries()]
    fuzzy = [e.msgid for e in extracted.fuzzy_entries()]
    assert (missing, fuzzy) == ([], []), (
        f"{len(missing)} messages have no Welsh translation and {len(fuzzy)} are fuzzy in "
        f"{CY_PO}: run `python manage.py makemessages -l cy --no-obsolete` and translate them"
    )
