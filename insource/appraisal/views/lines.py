"""Officer pages for one cost line: add to an option, change, remove."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.appraisal import selectors
from insource.appraisal.engine import AppraisalInputError
from insource.appraisal.forms.appraisal import RANGES, LineForm
from insource.appraisal.forms.initial import line_initial
from insource.appraisal.models import Option
from insource.appraisal.services import AppraisalRefused, appraisal_line_remove, appraisal_line_save
from insource.appraisal.views.appraisal import problems_of, reached
from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability

EDIT = Capability.EDIT_REVIEW


def _others(appraisal, option: str, exclude=None) -> list[tuple[str, str]]:
    return [
        (ln.key, ln.label)
        for ln in selectors.lines_of(appraisal)
        if ln.option == option and ln.pk != getattr(exclude, "pk", None)
    ]


@authority_page(Capability.READ, write=EDIT)
def line_add(request, page: AuthorityPage, pk: int, option: str):
    if option not in Option.values:
        raise Http404("No such option")
    return _line_page(request, page, pk, option, None)


@authority_page(Capability.READ, write=EDIT)
def line_edit(request, page: AuthorityPage, pk: int, line_pk: int):
    _review, appraisal = reached(page, pk)
    line = selectors.line_or_404(appraisal=appraisal, pk=line_pk)
    return _line_page(request, page, pk, line.option, line)


def _line_page(request, page: AuthorityPage, pk, option, line):
    review, appraisal = reached(page, pk)
    initial = line_initial(line.spec, appraisal.version) if line else {"version": appraisal.version}
    form = LineForm(request.POST or None, initial=initial, others=_others(appraisal, option, line))
    if request.method == "POST" and form.is_valid() and _save(page, form, appraisal, option, line):
        messages.success(request, _("Cost line saved"))
        return redirect("appraisal:page", code=page.code, pk=pk)
    context = {
        "access": page.access,
        "review": review,
        "appraisal": appraisal,
        "form": form,
        "ranges": {p: form.trio(p) for p in RANGES},
        "line": line,
        "option": Option(option),
        "nav_reviews": True,
    }
    return render(request, "appraisal/line.html", context, status=400 if form.errors else 200)


def _save(page: AuthorityPage, form, appraisal, option, line) -> bool:
    taken = {k for k, _label in _others(appraisal, option, line)}
    spec = form.spec(line.key if line else None, taken, keep=line.spec if line else None)
    if spec is None:
        return False
    try:
        appraisal_line_save(
            appraisal=appraisal,
            option=option,
            spec=spec,
            version=form.cleaned_data["version"],
            on=page.on,
            by=page.actor,
            at=page.at,
            line=line,
        )
    except AppraisalRefused as error:
        form.add_error(None, str(error))
        return False
    except AppraisalInputError as error:
        for text in problems_of(error):
            form.add_error(None, text)
        return False
    return True


@authority_page(EDIT, post_only=True)
def line_remove(request, page: AuthorityPage, pk: int, line_pk: int):
    _review, appraisal = reached(page, pk)
    line = selectors.line_or_404(appraisal=appraisal, pk=line_pk)
    try:
        version = int(request.POST.get("version", ""))
        appraisal_line_remove(
            appraisal=appraisal,
            line=line,
            version=version,
            on=page.on,
            by=page.actor,
            at=page.at,
        )
    except ValueError:
        messages.error(request, _("The page was out of date: try again"))
    except AppraisalRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(label)s removed") % {"label": line.label})
    return redirect("appraisal:page", code=page.code, pk=pk)
