"""The clause library pages: an authority's clauses, each clause's versions, a legal officer's
edit (a new version, never a change), a new clause. A refused save keeps what was typed and
says what is wrong with each field; nothing is saved."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core import panels
from insource.standards.model_contract import selectors
from insource.standards.model_contract.forms import ClauseForm, NewClauseForm
from insource.standards.model_contract.library import ClauseText
from insource.standards.model_contract.services import ClauseInvalid, clause_save, clause_text


@authority_page()
def clauses(request, page: AuthorityPage):
    """The clauses this authority's model contracts are made from, in document order."""
    context = {
        "access": page.access,
        "clauses": selectors.clauses_current(authority=page.authority),
        "can_edit": page.can(Capability.EDIT_CLAUSES),
        "panels": panels.collect("clauses.page", authority=page.authority, can=_can(page)),
    }
    return render(request, "standards/model_contract/clauses.html", context)


def _can(page: AuthorityPage) -> dict:
    """The viewer's capabilities, as the panels read them (`edit_clauses`...)."""
    return {c.value.replace("-", "_"): page.can(c) for c in Capability}


def _save(request, page: AuthorityPage, form, text: ClauseText, is_new: bool = False):
    """Save the version, or put the refusal's messages on the form's fields."""
    try:
        return clause_save(
            authority=page.authority,
            text=text,
            reason=form.cleaned_data["reason"],
            user=request.user,
            by=page.actor,
            at=page.at,
            is_new=is_new,
        )
    except ClauseInvalid as invalid:
        for name, message in invalid.problems.items():
            form.add_error(name if name in form.fields else None, message)
        return None


@authority_page(Capability.READ, write=Capability.EDIT_CLAUSES)
def clause(request, page: AuthorityPage, key: str):
    """One clause: the text in use, its versions, and (for legal officers) the edit form."""
    current = selectors.clause_current_or_404(authority=page.authority, key=key)
    initial = {"title": current.title, "body": current.body}
    form = ClauseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = {f: form.cleaned_data[f] for f in ("title", "body")}
        saved = _save(request, page, form, clause_text(current, **changes))
        if saved is not None:
            url = reverse("standards:clause", args=[page.code, key])
            return redirect(f"{url}?saved={saved.number}")
    context = {
        "access": page.access,
        "current": current,
        "history": selectors.clause_history(authority=page.authority, key=key),
        "form": form,
        "saved": request.GET.get("saved", "")[:6],
        "can_edit": page.can(Capability.EDIT_CLAUSES),
        "panels": panels.collect("clause.page", version=current, can=_can(page)),
    }
    status = 400 if form.errors else 200
    return render(request, "standards/model_contract/clause.html", context, status=status)


@authority_page(Capability.EDIT_CLAUSES)
def clause_new(request, page: AuthorityPage):
    """A clause the authority adds to its own library (legal officers)."""
    form = NewClauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = ("key", "title", "part", "purpose", "position", "body")
        text = ClauseText(**{f: form.cleaned_data[f] for f in fields})
        saved = _save(request, page, form, text, is_new=True)
        if saved is not None:
            url = reverse("standards:clause", args=[page.code, saved.key])
            return redirect(f"{url}?saved={saved.number}")
    context = {"access": page.access, "form": form}
    status = 400 if form.errors else 200
    return render(request, "standards/model_contract/clause_new.html", context, status=status)


@authority_page()
def clause_version(request, page: AuthorityPage, pk: int):
    """One version of a clause, as it was saved."""
    version = selectors.clause_version_or_404(authority=page.authority, pk=pk)
    return render(
        request,
        "standards/model_contract/clause_version.html",
        {"access": page.access, "version": version},
    )
