"""Officer pages for deciding and publishing, adopting the policy, and opening a review; and
the public pages of a published decision pack."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.models import Role
from insource.authorities.roles import Capability
from insource.authorities.selectors import adoptions_public, members_with_role
from insource.authorities.services.authorities import authority_adopt_policy
from insource.core import nav
from insource.policy.outcomes import OUTCOMES
from insource.policy.presets import preset_names
from insource.register.selectors.contracts import contract_for_reviewer_or_404
from insource.reviews import presenters
from insource.reviews.comments.presenters import say_panel
from insource.reviews.decisions import bilingual, departure_presenters
from insource.reviews.decisions.forms import SignForm
from insource.reviews.decisions.pack import pack_html
from insource.reviews.decisions.pack_jobs import decision_pack_queue, decision_pack_remake
from insource.reviews.forms import AdoptForm, PublishForm, SubmitForm
from insource.reviews.selectors import reviews as selectors
from insource.reviews.services.decisions import (
    SignatureRefused,
    decision_current,
    decision_publish,
    decision_sign,
    sign_options,
)
from insource.reviews.services.departures import DepartureRefused
from insource.reviews.services.editing import StaleReview, drafters_of, review_submit
from insource.reviews.services.opening import ReviewNotDue, review_open


def _decision_makers(review):
    drafters = drafters_of(review)
    makers = members_with_role(review.authority, Role.DECISION_MAKER)
    return [u for u in makers if u.pk not in drafters]


@authority_page(Capability.SUBMIT_FOR_DECISION)
def review_submit_view(request, page: AuthorityPage, pk: int):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    makers = _decision_makers(review)
    form = SubmitForm(
        request.POST or None, decision_makers=makers, initial={"version": review.version}
    )
    if request.method == "POST" and form.is_valid():
        maker = next(u for u in makers if str(u.pk) == form.cleaned_data["decision_maker"])
        try:
            review_submit(
                review=review,
                decision_maker=maker,
                version=form.cleaned_data["version"],
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except (StaleReview, PermissionError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Sent to %(name)s for signature")
                % {"name": maker.get_full_name() or maker.get_username()},
            )
            return redirect("reviews:review", code=page.code, pk=pk)
    context = presenters.review_page(page.access, review, on=page.on)
    context.update(form=form, makers=makers)
    return render(request, "reviews/submit.html", context, status=400 if form.errors else 200)


def _outcome_choices(result: dict) -> list[tuple[str, str]]:
    recommended = result.get("outcome")
    first = (
        [(recommended, _("Accept the recommendation: %(text)s") % {"text": OUTCOMES[recommended]})]
        if recommended
        else []
    )
    others = [
        (k, v)
        for k, v in OUTCOMES.items()
        if k != recommended and k not in ("CONSIDER_INSOURCING", "NOT_IN_SCOPE")
    ]
    return first + others


@authority_page(Capability.SIGN_DECISION)
def decision_sign_view(request, page: AuthorityPage, pk: int):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    result = review.evaluation.get("result", {})
    current = decision_current(review)
    on = page.on
    form = SignForm(
        request.POST or None,
        outcomes=_outcome_choices(result),
        departures=sign_options(review, on=on),
        initial={"version": review.version, "outcome": result.get("outcome")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision_sign(
                review=review,
                signer=request.user,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
                condition_reasons=form.condition_reasons(),
                re_review_on=form.cleaned_data.get("re_review_on"),
                version=form.cleaned_data["version"],
                on=on,
                by=page.actor,
                at=page.at,
                replaces=current,
            )
        except DepartureRefused as refused:
            form.add_departure_errors(refused.errors)
        except SignatureRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Decision signed"))
            return redirect("reviews:review", code=page.code, pk=pk)
    context = presenters.review_page(page.access, review, on=on)
    choices = departure_presenters.sign_choices(form)
    context.update(
        say=say_panel(review, on=on),
        form=form,
        correcting=current,
        choices=choices,
        departures_offered=any(c["departure"] for c in choices),
    )
    return render(request, "reviews/sign.html", context, status=400 if form.errors else 200)


@authority_page(Capability.PUBLISH_DECISION)
def decision_publish_view(request, page: AuthorityPage, pk: int):
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    decision = decision_current(review)
    if decision is None:
        raise Http404("No signed decision to publish")
    form = PublishForm(request.POST or None, authority=page.authority)
    if request.method == "POST" and form.is_valid():
        name = request.user.get_full_name() or request.user.get_username()
        html = pack_html(decision, publisher_name=name, published_on=page.on, texts=form.texts)
        try:
            publication = decision_publish(
                decision=decision,
                user=request.user,
                redaction_note=form.cleaned_data["redaction_note"],
                has_confidential_annex=form.cleaned_data["has_confidential_annex"],
                pack_html=html,
                pack_pdf=None,  # made by the worker (ADR 0054)
                on=page.on,
                by=page.actor,
                at=page.at,
                texts=form.texts,
            )
        except SignatureRefused as error:
            form.add_error(None, str(error))
        else:
            decision_pack_queue(
                publication=publication, by=page.actor, at=page.at, user=request.user
            )
            messages.success(request, _("Decision pack published"))
            return redirect("reviews:review", code=page.code, pk=pk)
    context = presenters.review_page(page.access, review, on=page.on)
    context.update(form=form, decision=decision, text_fields=bilingual.TEXT_FIELDS)
    return render(request, "reviews/publish.html", context, status=400 if form.errors else 200)


@authority_page(Capability.PUBLISH_DECISION, post_only=True)
def decision_pack_remake_view(request, page: AuthorityPage, pk: int):
    """Make the published pack's PDF again when making it failed (ADR 0054)."""
    review = selectors.review_or_404(authority=page.authority, pk=pk)
    decision = decision_current(review)
    if decision_pack_remake(decision=decision, by=page.actor, at=page.at, user=request.user):
        messages.success(request, _("The PDF of the decision pack is being made again"))
    return redirect("reviews:review", code=page.code, pk=pk)


@authority_page(Capability.OPEN_REVIEW, post_only=True)
def review_open_view(request, page: AuthorityPage, contract_pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=contract_pk)
    try:
        review = review_open(contract=contract, on=page.on, by=page.actor, at=page.at)
    except ReviewNotDue as error:
        messages.error(request, str(error))
        return redirect("register:contract-detail", pk=contract_pk)
    return redirect("reviews:review", code=page.code, pk=review.pk)


@authority_page(Capability.READ, write=Capability.ADOPT_POLICY)
def policy_adoption(request, page: AuthorityPage):
    authority = page.authority
    form = AdoptForm(
        request.POST or None,
        presets=preset_names(),
        initial={
            "preset": authority.policy_preset or authority.default_preset or "labour-2019-local",
            "adopted_on": authority.policy_adopted_on,
        },
    )
    if request.method == "POST" and not authority.may_adopt_policy:
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        authority_adopt_policy(
            authority=authority,
            preset=form.cleaned_data["preset"],
            adopted_on=form.cleaned_data["adopted_on"],
            reason=form.cleaned_data["reason"],
            by=page.actor,
            at=page.at,
        )
        messages.success(request, _("Policy adoption saved and published"))
        return redirect("reviews:authority", code=page.code)
    context = {
        "access": page.access,
        "authority": authority,
        "form": form,
        "can_adopt": page.can(Capability.ADOPT_POLICY) and authority.may_adopt_policy,
        "nav_reviews": True,
    }
    return render(request, "reviews/adopt.html", context, status=400 if form.errors else 200)


def published_decision(request, pk: int):
    publication = selectors.publication_get_public(pk)
    if publication is None:
        raise Http404("No published decision")
    return render(
        request,
        "reviews/published.html",
        {"publication": publication, "decision": publication.decision, **nav.CONTRACTS},
    )


def published_decision_pdf(request, pk: int):
    publication = selectors.publication_get_public(pk)
    if publication is None:
        raise Http404("No published decision")
    if not publication.has_pdf:  # being made by the worker: the page says so
        return redirect("public:decision", pk=pk)
    response = HttpResponse(bytes(publication.pack_pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="decision-{pk}.pdf"'
    return response


def published_decision_trace(request, pk: int):
    publication = selectors.publication_get_public(pk)
    if publication is None:
        raise Http404("No published decision")
    decision = publication.decision
    return JsonResponse(
        {
            "decision": decision.pk,
            "outcome": decision.outcome,
            "policy_version": decision.policy_version,
            "trace": decision.result.get("trace", []),
        }
    )


def published_adoptions(request):
    """Public: which authorities adopted the policy, which preset, from when, by what decision."""
    return render(
        request, "reviews/adoptions.html", {"rows": adoptions_public(), **nav.AUTHORITIES}
    )
