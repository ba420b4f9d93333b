"""The clause library pages: an authority's clauses, each clause's versions, a legal officer's
edit (a new version, never a change), a new clause. A refused save keeps what was typed and
says what is wrong with each field; nothing is saved."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from insource.authorities.roles import Capability
from insource.core.views import who_and_when
from insource.reviews.views import access_or_404
from insource.standards.model_contract import selectors
from insource.standards.model_contract.forms import ClauseForm, NewClauseForm
from insource.standards.model_contract.library import ClauseText
from insource.standards.model_contract.services import ClauseInvalid, clause_save, clause_text


@login_required
def clauses(request, code: str):
    """The clauses this authority's model contracts are made from, in document order."""
    access = access_or_404(request, code)
    context = {
        "access": access,
        "clauses": selectors.clauses_current(authority=access.authority),
        "can_edit": access.can(Capability.EDIT_CLAUSES),
    }
    return render(request, "standards/model_contract/clauses.html", context)


def _save(request, access, form, text: ClauseText, is_new: bool = False):
    """Save the version, or put the refusal's messages on the form's fields."""
    by, at = who_and_when(request)
    try:
        return clause_save(
            authority=access.authority,
            text=text,
            reason=form.cleaned_data["reason"],
            user=request.user,
            by=by,
            at=at,
            is_new=is_new,
        )
    except ClauseInvalid as invalid:
        for name, message in invalid.problems.items():
            form.add_error(name if name in form.fields else None, message)
        return None


@login_required
def clause(request, code: str, key: str):
    """One clause: the text in use, its versions, and (for legal officers) the edit form."""
    access = access_or_404(request, code)
    current = selectors.clause_current(authority=access.authority, key=key)
    if current is None:
        raise Http404("No such clause in this authority's library")
    initial = {"title": current.title, "body": current.body}
    form = ClauseForm(request.POST or None, initial=initial)
    if request.method == "POST":
        access_or_404(request, code, Capability.EDIT_CLAUSES)
        if form.is_valid():
            changes = {f: form.cleaned_data[f] for f in ("title", "body")}
            saved = _save(request, access, form, clause_text(current, **changes))
            if saved is not None:
                url = reverse("standards:clause", args=[code, key])
                return redirect(f"{url}?saved={saved.number}")
    context = {
        "access": access,
        "current": current,
        "history": selectors.clause_history(authority=access.authority, key=key),
        "form": form,
        "saved": request.GET.get("saved", "")[:6],
        "can_edit": access.can(Capability.EDIT_CLAUSES),
    }
    status = 400 if form.errors else 200
    return render(request, "standards/model_contract/clause.html", context, status=status)


@login_required
def clause_new(request, code: str):
    """A clause the authority adds to its own library (legal officers)."""
    access = access_or_404(request, code, Capability.EDIT_CLAUSES)
    form = NewClauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = ("key", "title", "part", "purpose", "position", "body")
        text = ClauseText(**{f: form.cleaned_data[f] for f in fields})
        saved = _save(request, access, form, text, is_new=True)
        if saved is not None:
            url = reverse("standards:clause", args=[code, saved.key])
            return redirect(f"{url}?saved={saved.number}")
    context = {"access": access, "form": form}
    status = 400 if form.errors else 200
    return render(request, "standards/model_contract/clause_new.html", context, status=status)


@login_required
def clause_version(request, code: str, pk: int):
    """One version of a clause, as it was saved."""
    access = access_or_404(request, code)
    version = selectors.clause_version_get(authority=access.authority, pk=pk)
    if version is None:
        raise Http404("No such clause version")
    return render(
        request,
        "standards/model_contract/clause_version.html",
        {"access": access, "version": version},
    )
