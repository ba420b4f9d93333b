"""The national feeds' page for site administrators: each pull, its range, counts and problems;
"Pull the feed now" queues a pull for the worker and the page shows its progress (ADR 0054)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insource.authorities.access import OfficerPage, site_admin_page
from insource.core.progress import progress_json
from insource.register.feeds import presenters, selectors
from insource.register.feeds.find_a_tender import SOURCE
from insource.register.feeds.jobs import feed_pull_queue, feed_pull_running

SHOWN_ISSUES = 20


class PullForm(forms.Form):
    source = forms.ChoiceField(
        label=gettext_lazy("Which feed"),
        choices=[(SOURCE, gettext_lazy("Find a Tender (Procurement Act 2023 notices)"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose the feed to pull"),
            "invalid_choice": gettext_lazy("Choose the feed to pull"),
        },
    )


@site_admin_page()
def feed_pulls(request, page: OfficerPage):
    """Site administrators only: the feeds run for the whole service, not one authority."""
    data = request.POST if request.method == "POST" else None
    form = PullForm(data, initial={"source": SOURCE})
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["source"]
        feed_pull_queue(source_name=source, by=page.actor, at=page.at, user=request.user)
        messages.success(request, _("The pull has started: its progress is below"))
        return redirect("register:feed-pulls")
    running = feed_pull_running()
    context = {
        "form": form,
        "running": running,
        "progress": presenters.pull_progress(running, now=page.at) if running else None,
        "running_row": presenters.pull_row(running, shown=0) if running else None,
        "sources": [presenters.source_row(source) for source in selectors.feed_sources()],
        "pulls": [
            presenters.pull_row(pull, shown=SHOWN_ISSUES) for pull in selectors.feed_pulls_recent()
        ],
        "shown_issues": SHOWN_ISSUES,
    }
    status = 400 if form.errors else 200
    return render(request, "register/feed_pulls.html", context, status=status)


@site_admin_page()
def feed_pull_progress(request, page: OfficerPage, pk: int):
    """The progress of one pull, for the feeds page's script."""
    pull = selectors.feed_pull_or_404(pk)
    return progress_json(presenters.pull_progress(pull, now=page.at))
