"""Officer pages of the review workflow, mounted at /reviews/<authority code>/.

Views parse, call one service or selector, and present. Access is decided once per request by
`access_for` (membership of the authority in the URL): no membership -> 404, a role without the
capability -> 403. Every selector takes the authority, so no view reaches another's data.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from insource.authorities.roles import Capability
from insource.authorities.selectors import access_for, memberships_of
from insource.core.audit import Actor
from insource.reviews import presenters
from insource.reviews.decisions import departure_presenters
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


def access_or_404(request, code: str, capability: Capability = Capability.READ):
    """The signed-in user's access to the authority, or 404 (not a member) / 403 (role)."""
    access = access_for(user=request.user, authority_code=code)
    if access is None:
        raise Http404("No such authority among yours")
    if not access.can(capability):
        raise PermissionDenied(_("Your role does not allow this"))
    return access


def review_or_404(access, pk: int):
    review = selectors.review_get(authority=access.authority, pk=pk)
    if review is None:
        raise Http404("No such review")
    return review


@login_required
def my_authorities(request):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("reviews:authority", code=accesses[0].authority.code)
    return render(request, "reviews/my_authorities.html", {"accesses": accesses})


@login_required
def authority_reviews(request, code: str):
    access = access_or_404(request, code)
    on = timezone.localdate()
    show, query = request.GET.get("show", "open"), request.GET.get("q", "").strip()
    rows = selectors.reviews_filtered(authority=access.authority, on=on, show=show, query=query)
    context = presenters.authority_page(
        access, rows, on=on, show=show, query=query, page=request.GET.get("page")
    )
    return render(request, "reviews/authority.html", context)


@login_required
def review_detail(request, code: str, pk: int):
    access = access_or_404(request, code)
    review = review_or_404(access, pk)
    on = timezone.localdate()
    context = presenters.review_page(access, review, on=on)
    context["comment_form"] = CommentForm()
    context["departure"] = departure = departure_presenters.departure_view(context["decision"])
    if departure and departure["standards"]:  # the decided outcome's, on its proposed terms
        context["rec"] = context["rec"] | {
            "standards": departure["standards"],
            "standards_apply": True,
        }
    return render(request, "reviews/review.html", context)


def _topic_form(request, review, topic, data=None):
    values, disputed = presenters.topic_values(review, topic, on=timezone.localdate())
    return TopicForm(
        data, topic=topic, values=values, disputed=disputed, initial={"version": review.version}
    )


@login_required
def review_topic(request, code: str, pk: int, slug: str):
    access = access_or_404(request, code)
    review = review_or_404(access, pk)
    topic = BY_SLUG.get(slug)
    if topic is None:
        raise Http404("No such topic")
    if request.method == "POST":
        access_or_404(request, code, Capability.EDIT_REVIEW)
        form = _topic_form(request, review, topic, request.POST)
        if form.is_valid() and _save_topic(request, review, topic, form):
            messages.success(request, _("%(topic)s saved") % {"topic": topic.title})
            return redirect("reviews:review", code=code, pk=pk)
    else:
        form = _topic_form(request, review, topic)
    context = presenters.topic_page(access, review, topic, form, on=timezone.localdate())
    context["evidence_form"] = EvidenceForm(
        choices=presenters.evidence_choices(topic), initial={"version": review.version}
    )
    return render(request, "reviews/topic.html", context, status=400 if form.errors else 200)


def _save_topic(request, review, topic, form) -> bool:
    try:
        review_answer(
            review=review,
            topic=topic,
            values=form.answers(),
            disputed=form.disputes(),
            version=form.cleaned_data["version"],
            on=timezone.localdate(),
            by=Actor.for_user(request.user),
            user=request.user,
            at=timezone.now(),
        )
    except (StaleReview, ReviewClosed) as error:
        form.add_error(None, str(error))
        return False
    return True


@login_required
@require_POST
def evidence_upload(request, code: str, pk: int, slug: str):
    access = access_or_404(request, code, Capability.EDIT_REVIEW)
    review = review_or_404(access, pk)
    topic = BY_SLUG.get(slug)
    if topic is None:
        raise Http404("No such topic")
    form = EvidenceForm(request.POST, request.FILES, choices=presenters.evidence_choices(topic))
    if form.is_valid():
        error = _store_evidence(request, review, topic, form)
        if error is None:
            messages.success(request, _("Evidence added"))
            return redirect("reviews:topic", code=code, pk=pk, slug=slug)
        form.add_error("file", error)
    context = presenters.topic_page(
        access, review, topic, _topic_form(request, review, topic), on=timezone.localdate()
    )
    context["evidence_form"] = form
    return render(request, "reviews/topic.html", context, status=400)


def _store_evidence(request, review, topic, form) -> str | None:
    try:
        evidence_attach(
            review=review,
            topic=topic,
            path=form.cleaned_data["path"],
            title=form.cleaned_data["title"],
            upload=form.cleaned_data.get("file"),
            url=form.cleaned_data.get("url") or "",
            version=form.cleaned_data["version"],
            on=timezone.localdate(),
            by=Actor.for_user(request.user),
            user=request.user,
            at=timezone.now(),
        )
    except (EvidenceFileError, StaleReview, ReviewClosed) as error:
        return str(error)
    return None


@login_required
def evidence_download(request, code: str, pk: int, evidence_pk: int):
    access = access_or_404(request, code, Capability.READ_EVIDENCE)
    review = review_or_404(access, pk)
    evidence = selectors.evidence_get(authority=access.authority, pk=evidence_pk)
    if evidence is None or evidence.review_id != review.pk or not evidence.storage_name:
        raise Http404("No such evidence")
    response = FileResponse(
        evidence_open(evidence.storage_name),
        content_type=evidence.content_type,
        as_attachment=True,
        filename=evidence.original_name or f"evidence-{evidence.pk}",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def comment_add(request, code: str, pk: int):
    access = access_or_404(request, code, Capability.COMMENT)
    review = review_or_404(access, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        review_comment(
            review=review,
            text=form.cleaned_data["text"],
            by=Actor.for_user(request.user),
            user=request.user,
            at=timezone.now(),
        )
        messages.success(request, _("Comment added"))
    else:
        messages.error(request, _("Enter a comment"))
    return redirect("reviews:review", code=code, pk=pk)


@login_required
def review_history(request, code: str, pk: int):
    access = access_or_404(request, code)
    review = review_or_404(access, pk)
    events = selectors.review_history(authority=access.authority, review=review)
    context = {"access": access, "review": review, "events": events[:500], "nav_reviews": True}
    return render(request, "reviews/history.html", context)
