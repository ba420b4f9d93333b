"""Generating a model contract in the background (ADR 0054): Generate refuses at once a
contract that may not have one; otherwise the job waits on the "pdf" queue, the page shows its
progress, and the worker makes the next version with the time Generate was pressed."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from insource.authorities.models import Role
from insource.core.models import JobRun
from insource.standards.model_contract.models import ModelContractDocument
from insource.testing.model_contract import continuing, draw_files_quickly
from insource.testing.tasks import DATABASE_QUEUE, run_worker
from insource.testing.workflow import refuse_contract


@pytest.mark.django_db(transaction=True)
def test_generate_waits_for_the_worker_with_its_progress_shown(
    client, officer_login, settings, monkeypatch
):
    draw_files_quickly(monkeypatch)
    settings.TASKS = DATABASE_QUEUE
    authority, people, contract, _ = continuing()
    officer_login(client, people[Role.CONTRACT_MANAGER])
    url = reverse("standards:model-contract", args=[authority.code, contract.pk])
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].endswith("#progress")
    job = JobRun.objects.get(kind="model-contract")
    assert job.status == "queued" and DBTaskResult.objects.get(pk=job.task_id).queue_name == "pdf"
    assert not ModelContractDocument.objects.exists()
    page = client.get(url).text
    assert "A new version is being made" in page and 'id="generate"' not in page
    progress = reverse("standards:model-contract-progress", args=[authority.code, contract.pk])
    assert client.get(progress).json()["finished"] is False

    run_worker()
    document = ModelContractDocument.objects.get()
    assert document.number == 1 and document.generated_at == job.at
    assert JobRun.objects.get().counts == {"number": 1}
    assert client.get(progress).json()["finished"] is True
    page = client.get(url).text
    assert "A new version is being made" not in page and document.docx_sha256[:14] in page


@pytest.mark.django_db
def test_a_contract_that_may_not_have_one_is_refused_at_once(client, officer_login):
    authority, people, _, _ = continuing()
    other = refuse_contract(authority, title="Grounds maintenance")
    officer_login(client, people[Role.CONTRACT_MANAGER])
    url = reverse("standards:model-contract", args=[authority.code, other.pk])
    response = client.post(url)
    assert response.status_code == 400 and "no signed decision yet" in response.text
    assert not JobRun.objects.exists()
