"""Officer pages for one cost line: add to an option, change, remove."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from insource.appraisal import selectors
from insource.appraisal.engine import AppraisalInputError
from insource.appraisal.form_initial import line_initial
from insource.appraisal.forms import RANGES, LineForm
from insource.appraisal.models import Option
from insource.appraisal.services import AppraisalRefused, appraisal_line_remove, appraisal_line_save
from insource.appraisal.views import appraisal_or_404, problems_of
from insource.authorities.roles import Capability
from insource.core.audit import Actor
from insource.reviews.views import access_or_404


def _others(appraisal, option: str, exclude=None) -> list[tuple[str, str]]:
    return [
        (ln.key, ln.label)
        for ln in selectors.lines_of(appraisal)
        if ln.option == option and ln.pk != getattr(exclude, "pk", None)
    ]


def _line_or_404(appraisal, pk: int):
    line = selectors.line_get(appraisal=appraisal, pk=pk)
    if line is None:
        raise Http404("No such cost line")
    return line


@login_required
def line_add(request, code: str, pk: int, option: str):
    if option not in Option.values:
        raise Http404("No such option")
    return _line_page(request, code, pk, option, None)


@login_required
def line_edit(request, code: str, pk: int, line_pk: int):
    _access, _review, appraisal = appraisal_or_404(request, code, pk)
    line = _line_or_404(appraisal, line_pk)
    return _line_page(request, code, pk, line.option, line)


def _line_page(request, code, pk, option, line):
    access, review, appraisal = appraisal_or_404(request, code, pk)
    initial = line_initial(line.spec, appraisal.version) if line else {"version": appraisal.version}
    form = LineForm(request.POST or None, initial=initial, others=_others(appraisal, option, line))
    if request.method == "POST":
        access_or_404(request, code, Capability.EDIT_REVIEW)
        if form.is_valid() and _save(request, form, appraisal, option, line):
            messages.success(request, _("Cost line saved"))
            return redirect("appraisal:page", code=code, pk=pk)
    context = {
        "access": access,
        "review": review,
        "appraisal": appraisal,
        "form": form,
        "ranges": {p: form.trio(p) for p in RANGES},
        "line": line,
        "option": Option(option),
        "nav_reviews": True,
    }
    return render(request, "appraisal/line.html", context, status=400 if form.errors else 200)


def _save(request, form, appraisal, option, line) -> bool:
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
            on=timezone.localdate(),
            by=Actor.for_user(request.user),
            at=timezone.now(),
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


@login_required
@require_POST
def line_remove(request, code: str, pk: int, line_pk: int):
    _access, _review, appraisal = appraisal_or_404(request, code, pk, Capability.EDIT_REVIEW)
    line = _line_or_404(appraisal, line_pk)
    try:
        version = int(request.POST.get("version", ""))
        appraisal_line_remove(
            appraisal=appraisal,
            line=line,
            version=version,
            on=timezone.localdate(),
            by=Actor.for_user(request.user),
            at=timezone.now(),
        )
    except ValueError:
        messages.error(request, _("The page was out of date: try again"))
    except AppraisalRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(label)s removed") % {"label": line.label})
    return redirect("appraisal:page", code=code, pk=pk)
