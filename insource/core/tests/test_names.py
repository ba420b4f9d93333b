"""Every internal code a page may show has a plain name in the catalogue (`core/names.py`):
each system actor the code base names, each job kind, each queue and each feed source; a
person is shown by their name; an unknown automatic actor by a plain phrase, never its code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from insource.core import jobs, names
from insource.register.feeds.find_a_tender import SOURCE
from insource.testing.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def _literals(pattern: str) -> set[str]:
    found = set()
    for path in ROOT.rglob("*.py"):
        if {"tests", "testing"} & set(path.relative_to(ROOT).parts):
            continue
        found |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_every_system_actor_in_the_code_has_a_name():
    actors = _literals(r'Actor\.system\("([^"]+)"\)') | _literals(r'by_label="system:([^"]+)"')
    assert actors and actors <= set(names.SYSTEM_ACTORS), actors - set(names.SYSTEM_ACTORS)


def test_every_job_kind_queue_and_source_has_a_name():
    kinds = _literals(r'(?m)^KIND = "([^"]+)"')
    assert len(kinds) >= 5 and kinds <= set(names.JOB_KINDS), kinds - set(names.JOB_KINDS)
    assert set(jobs.QUEUES) == set(names.QUEUES)
    assert SOURCE in names.FEED_SOURCES


@pytest.mark.django_db
def test_who_did_it_in_words():
    person = UserFactory(username="cjones", first_name="Ceri", last_name="Jones")
    assert names.actor_name("cjones", person) == "Ceri Jones"
    assert names.actor_name("cjones", UserFactory(username="nobody", first_name="")) == "nobody"
    assert names.actor_name("system:feeds") == "Scheduled feed pull"
    assert names.actor_name("system:something-new") == "Insource, automatically"
    assert names.actor_name("requester") == "The requester"
