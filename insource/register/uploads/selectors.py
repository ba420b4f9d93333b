"""Reads of an authority's uploads: one by its token (404 for another authority's), the
history."""

from __future__ import annotations

from django.http import Http404

from insource.register.uploads.models import RegisterUpload


def upload_or_404(*, authority, token: str) -> RegisterUpload:
    found = RegisterUpload.objects.filter(authority=authority, token=token).first()
    if found is None:
        raise Http404("No such upload for this authority")
    return found


def uploads_of(authority):
    """The authority's uploads, newest first, without their rows (the history page)."""
    return (
        RegisterUpload.objects.filter(authority=authority)
        .defer("checked", "report", "preview", "headings")
        .select_related("import_run")
    )
