"""The plain names of Insource's internal codes, in one catalogue: what a page shows a person
where the data holds a code (a feed's source key, a job's kind or queue, a system actor's label).
Codes stay in machine-readable output (JSON, the command line, the audit log); pages show these
names, translated. `core/tests/test_names.py` fails on a code in the code base without a name."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SYSTEM_PREFIX = "system:"

FEED_SOURCES = {
    "find-a-tender": _("Find a Tender"),
    "contracts-finder": _("Contracts Finder"),
}

# Jobs' kinds (core.JobRun.kind) and the queues they run on (core/jobs.py, ADR 0054).
JOB_KINDS = {
    "standards-alerts": _("Monitoring alerts for contracts kept outsourced"),
    "alerts-digest": _("Daily email to followers"),
    "decision-pack": _("Decision pack PDF"),
    "audit-report-pdf": _("Audit committee report PDF"),
    "model-contract": _("Model contract (Word and PDF)"),
}
QUEUES = {
    "default": _("Other work"),
    "imports": _("Imports"),
    "feeds": _("National feeds"),
    "pdf": _("Documents"),
    "alerts": _("Alerts and emails"),
    "exports": _("Open data files"),
}

# Who did something when no person did: `Actor.system(job)` writes "system:<job>".
SYSTEM_ACTORS = {
    "feeds": _("Scheduled feed pull"),
    "import": _("Register import from the command line"),
    "alerts-send-digest": _("Scheduled daily email"),
    "standards alerts": _("Scheduled monitoring alerts"),
    "transition alerts": _("Scheduled transition alerts"),
    "reviews-open-due": _("Scheduled opening of reviews due"),
    "reviews-screen": _("Screening of the register"),
    "comment-windows": _("Scheduled closing of comment periods"),
    "requests-remind": _("Scheduled information request reminders"),
    "request_submit": _("Information request submission"),
    "authorities-seed": _("Loading of the authorities"),
    "authorities-adopt": _("Policy adoption from the command line"),
    "model-contract-seed": _("Loading of the model contract clauses"),
    "api-token": _("API token from the command line"),
    "restore": _("Restore from a backup"),
    "cli": _("Command line"),
    "demo": _("Demonstration data"),
}
# Labels of people who act without an account (their details are never shown).
ANONYMOUS_ACTORS = {
    "commenter": _("A member of the public (a comment)"),
    "requester": _("The requester"),
    "follower": _("A follower (email alerts)"),
}
SOMEONE_AUTOMATIC = _("Insource, automatically")


def feed_source_name(code: str) -> str:
    return str(FEED_SOURCES.get(code, code))


def job_kind_name(code: str) -> str:
    return str(JOB_KINDS.get(code, code))


def queue_name(code: str) -> str:
    return str(QUEUES.get(code, code))


def actor_name(label: str, user=None) -> str:
    """Who did it, as a person reads it: the person's name (their username if they gave no
    name), or the plain name of the scheduled or automatic work."""
    if user is not None:
        return user.get_full_name() or user.get_username()
    if label.startswith(SYSTEM_PREFIX):
        return str(SYSTEM_ACTORS.get(label.removeprefix(SYSTEM_PREFIX), SOMEONE_AUTOMATIC))
    return str(ANONYMOUS_ACTORS.get(label, label))
