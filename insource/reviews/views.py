"""Officer pages of the review workflow, mounted at /reviews/<authority code>/.

Views parse, call one service or selector, and present. Access is decided once per request by
`authorities.access.authority_page` (membership of the authority in the URL): no membership ->
404, a role without the capability -> 403. Every selector takes the authority, so no view
reaches another's data.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.reviews import presenters
from insource.reviews.comments.presenters import say_panel
from insource.reviews.decisions import departure_presenters
from insource.reviews.decisions.pack_jobs import decision_pack_state
from insource.reviews.forms import CommentForm, EvidenceForm, TopicForm
from insource.reviews.selectors import reviews as selectors
from insource.reviews.services.editing import (
    ReviewClosed,
    StaleReview,
    review_answer,
    review_comment,
)
from insource.reviews.services.evidence import evidence_attach
from insource.reviews.uploads import EvidenceFileError, evidence_open
from insource.reviews.workflow.questions import BY_SLUG


@officer_page()
def my_authorities(request, page: OfficerPage):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("reviews:authority", code=accesses[0].authority.code)
    return render(request, "reviews/my_authorities.html", {"accesses": accesses})


@authority_page()
def authority_reviews(request, page: AuthorityPage):
    show, query = request.GET.get("show", "open"), request.GET.get("q", "").strip()
    rows = selectors.reviews_filtered(authority=page.authority, on=page.on, show=show, query=query)
    context = presenters.authority_page(
        page.access, rows, on=page.on, show=show, query=query, page=request.GET.get("page")
    )
    return render(request, "reviews/authority.html", context)


@authority_page()
def review_detail(request, page: AuthorityPage, pk: int):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    context = presenters.review_page(page.access, review, on=page.on)
    context["comment_form"] = CommentForm()
    context["say"] = say_panel(review, on=page.on)
    context["pack_state"] = decision_pack_state(context["decision"], now=page.at)
    context["departure"] = departure = departure_presenters.departure_view(context["decision"])
    if departure and departure["standards"]:  # the decided outcome's, on its proposed terms
        context["rec"] = context["rec"] | {
            "standards": departure["standards"],
            "standards_apply": True,
        }
    return render(request, "reviews/review.html", context)


def _topic_form(page: AuthorityPage, review, topic, data=None):
    values, disputed = presenters.topic_values(review, topic, on=page.on)
    return TopicForm(
        data, topic=topic, values=values, disputed=disputed, initial={"version": review.version}
    )


def _topic_or_404(slug: str):
    topic = BY_SLUG.get(slug)
    if topic is None:
        raise Http404("No such topic")
    return topic


@authority_page(Capability.READ, write=Capability.EDIT_REVIEW)
def review_topic(request, page: AuthorityPage, pk: int, slug: str):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    topic = _topic_or_404(slug)
    if request.method == "POST":
        form = _topic_form(page, review, topic, request.POST)
        if form.is_valid() and _save_topic(request, page, review, topic, form):
            messages.success(request, _("%(topic)s saved") % {"topic": topic.title})
            return redirect("reviews:review", code=page.code, pk=pk)
    else:
        form = _topic_form(page, review, topic)
    context = presenters.topic_page(page.access, review, topic, form, on=page.on)
    context["evidence_form"] = EvidenceForm(
        choices=presenters.evidence_choices(topic), initial={"version": review.version}
    )
    return render(request, "reviews/topic.html", context, status=400 if form.errors else 200)


def _save_topic(request, page: AuthorityPage, review, topic, form) -> bool:
    try:
        review_answer(
            review=review,
            topic=topic,
            values=form.answers(),
            disputed=form.disputes(),
            version=form.cleaned_data["version"],
            on=page.on,
            by=page.actor,
            user=request.user,
            at=page.at,
        )
    except (StaleReview, ReviewClosed) as error:
        form.add_error(None, str(error))
        return False
    return True


@authority_page(Capability.EDIT_REVIEW, post_only=True)
def evidence_upload(request, page: AuthorityPage, pk: int, slug: str):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    topic = _topic_or_404(slug)
    form = EvidenceForm(request.POST, request.FILES, choices=presenters.evidence_choices(topic))
    if form.is_valid():
        error = _store_evidence(request, page, review, topic, form)
        if error is None:
            messages.success(request, _("Evidence added"))
            return redirect("reviews:topic", code=page.code, pk=pk, slug=slug)
        form.add_error("file", error)
    context = presenters.topic_page(
        page.access, review, topic, _topic_form(page, review, topic), on=page.on
    )
    context["evidence_form"] = form
    return render(request, "reviews/topic.html", context, status=400)


def _store_evidence(request, page: AuthorityPage, review, topic, form) -> str | None:
    try:
        evidence_attach(
            review=review,
            topic=topic,
            path=form.cleaned_data["path"],
            title=form.cleaned_data["title"],
            upload=form.cleaned_data.get("file"),
            url=form.cleaned_data.get("url") or "",
            version=form.cleaned_data["version"],
            on=page.on,
            by=page.actor,
            user=request.user,
            at=page.at,
        )
    except (EvidenceFileError, StaleReview, ReviewClosed) as error:
        return str(error)
    return None


@authority_page(Capability.READ_EVIDENCE)
def evidence_download(request, page: AuthorityPage, pk: int, evidence_pk: int):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    evidence = selectors.evidence_file_or_404(
        authority=page.authority, review=review, pk=evidence_pk
    )
    response = FileResponse(
        evidence_open(evidence.storage_name),
        content_type=evidence.content_type,
        as_attachment=True,
        filename=evidence.original_name or f"evidence-{evidence.pk}",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@authority_page(Capability.COMMENT, post_only=True)
def comment_add(request, page: AuthorityPage, pk: int):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        review_comment(
            review=review,
            text=form.cleaned_data["text"],
            by=page.actor,
            user=request.user,
            at=page.at,
        )
        messages.success(request, _("Comment added"))
    else:
        messages.error(request, _("Enter a comment"))
    return redirect("reviews:review", code=page.code, pk=pk)


@authority_page()
def review_history(request, page: AuthorityPage, pk: int):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    events = selectors.review_history(authority=page.authority, review=review)
    context = {"access": page.access, "review": review, "events": events[:500], "nav_reviews": True}
    return render(request, "reviews/history.html", context)
