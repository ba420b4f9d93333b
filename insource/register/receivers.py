"""Receivers the register connects in `apps.py`: the autocomplete's list of authorities is built
once per data change (ADR 0038). Imports, feed pulls and audited services change its version by
themselves (`selectors/authority_choices.choices_version`); a save or deletion of an authority
(the admin, a seed, a rename) starts a new generation of it here."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from insource.authorities.models import Authority
from insource.register.selectors.authority_choices import choices_changed


def _changed(sender, **kwargs) -> None:
    choices_changed()


def connect() -> None:
    post_save.connect(_changed, sender=Authority, dispatch_uid="authority-choices-saved")
    post_delete.connect(_changed, sender=Authority, dispatch_uid="authority-choices-deleted")
