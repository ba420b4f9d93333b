"""Schemathesis against the public OpenAPI document, in process (WSGI), on a small register
with a published decision: no server error, and every response (status, content type, body,
headers) is one the document declares. Valid and invalid requests are both generated.

Operations are driven one by one with hypothesis (schemathesis's `from_fixture` pytest
integration does not work with pytest 9), all inside the test's database transaction.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
EXAMPLES = {GenerationMode.POSITIVE: 40, GenerationMode.NEGATIVE: 25}


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go through Django's real WSGI handler, which closes database connections at the
    end of each request (fatal to the test's transaction on PostgreSQL); Django's own test
    client switches that off in the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def operations():
    api = schemathesis.openapi.from_wsgi(
        "/api/public/v1/schema/?format=json", get_wsgi_application()
    )
    return [result.ok() for result in api.get_all_operations()]


def exercise(operation, mode: GenerationMode) -> bool:
    """Run the generated cases; False when the mode has nothing to generate for it."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(checks=CHECKS)

    try:
        check()
    except Unsatisfiable:
        return False
    return True


def test_the_document_covers_every_public_endpoint(world):
    labels = {op.label for op in operations()}
    assert len(labels) == 18
    assert "GET /api/public/v1/services/{id}/" in labels
    assert "GET /api/public/v1/outcome-kpis/" in labels
    assert "GET /api/public/v1/exports/ocds/records.json" in labels
    assert "GET /api/public/v1/decisions/{id}/verification/" in labels


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_public_api_conforms_to_its_openapi(world, mode):
    exercised = [op.label for op in operations() if exercise(op, mode)]
    print(mode.value, exercised)
    assert len(exercised) >= 5
