"""The open-data files follow the data (ADR 0047): every audited change that alters a download
queues its rebuild once the change commits (`schedule.exports_wanted`, debounced). Connected in
`TransparencyConfig.ready()`; off when `INSOURCE_EXPORTS_AFTER_CHANGES` is false (the tests'
default, so a test's import does not build four files)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from insource.core.models import AuditEvent
from insource.transparency.exports.schedule import exports_wanted, kinds_changed_by


def _audited(sender, instance: AuditEvent, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw or not settings.INSOURCE_EXPORTS_AFTER_CHANGES:
        return
    kinds = kinds_changed_by(instance.action)
    if kinds:
        at = instance.at
        transaction.on_commit(lambda: exports_wanted(kinds, now=at), robust=True)


def connect() -> None:
    post_save.connect(_audited, sender=AuditEvent, dispatch_uid="open-data-exports-rebuild")
