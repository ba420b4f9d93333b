"""The route matrix's world (`insource/testing/route_world.py`), shared by the tests that try
every route: the matrix itself and the public header's sections."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import transaction
from django.test import override_settings

from insource.testing.route_world import PDF, build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for the whole module, rolled back at its end (each test in a savepoint).

    PDFs are not drawn (WeasyPrint takes seconds a page and is tested with the packs and the
    model contract): who may see a page is decided before anything is rendered."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            INSOURCE_EVIDENCE_DIR=tmp_path_factory.mktemp("evidence"),
            INSOURCE_UPLOAD_DIR=tmp_path_factory.mktemp("uploads"),
        ),
        mock.patch("insource.core.pdf.html_to_pdf", lambda html, **kwargs: PDF),
        mock.patch("insource.oversight.tasks.html_to_pdf", lambda html, **kwargs: PDF),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
