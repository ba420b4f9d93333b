"""The background jobs pages (site administrators): the list with "Run now", one job with its
progress while it runs, and that progress as JSON for the page's script (ADR 0054)."""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy

from insource.authorities.access import OfficerPage, site_admin_page
from insource.core.jobs import job_or_404, job_progress_of, jobs_recent
from insource.core.names import JOB_KINDS
from insource.core.progress import progress_json
from insource.home.jobs import presenters, services


class StartForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Which job"),
        choices=[(k, JOB_KINDS[k]) for k in presenters.STARTABLE],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose the job to run"),
            "invalid_choice": gettext_lazy("Choose the job to run"),
        },
    )


@site_admin_page()
def job_list(request, page: OfficerPage):
    form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        job = services.job_start(
            kind=form.cleaned_data["kind"], by=page.actor, at=page.at, user=request.user
        )
        return redirect("job", pk=job.pk)
    rows = [presenters.job_row(job, now=page.at) for job in jobs_recent()]
    status = 400 if form.errors else 200
    return render(request, "home/jobs.html", {"form": form, "rows": rows}, status=status)


@site_admin_page()
def job_detail(request, page: OfficerPage, pk: int):
    job = job_or_404(pk)
    context = {
        "row": presenters.job_row(job, now=page.at),
        "progress": job_progress_of(job, now=page.at),
    }
    return render(request, "home/job.html", context)


@site_admin_page()
def job_progress(request, page: OfficerPage, pk: int):
    return progress_json(job_progress_of(job_or_404(pk), now=page.at))
