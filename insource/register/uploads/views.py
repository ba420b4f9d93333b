"""Officers' pages for uploading their register: the file, its columns, the dry run, the
import's progress, the history and each run's report (ADR 0032). Thin: the work is in
`services`, the reads in `selectors`, the shaping in `presenters`."""

from __future__ import annotations

from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core.progress import progress_json
from insource.register.uploads import presenters, selectors, services
from insource.register.uploads.columns import FIELDS, REQUIRED
from insource.register.uploads.files import UploadFileError
from insource.register.uploads.forms import ColumnsForm, UploadForm
from insource.register.uploads.models import RegisterUpload

EDIT = Capability.EDIT_REGISTER
Status = RegisterUpload.Status


def _context(page: AuthorityPage, **more) -> dict:
    return {"page": page, "nav_register": True, **more}


@authority_page(EDIT, write=EDIT)
def upload_view(request, page: AuthorityPage):
    posted = request.method == "POST"
    form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            upload = services.upload_stage(
                authority=page.authority,
                name=file.name,
                content=file.read(),
                user=request.user,
                by=page.actor,
                at=page.at,
            )
        except UploadFileError as error:
            form.add_error("file", str(error))
        else:
            if upload.format == RegisterUpload.Format.TABULAR:
                return redirect("register:upload-columns", code=page.code, token=upload.token)
            services.upload_check(
                upload=upload, columns=None, by=page.actor, at=page.at, on=page.on
            )
            return redirect("register:upload-check", code=page.code, token=upload.token)
    context = _context(page, form=form)
    return render(request, "register/upload.html", context, status=400 if form.errors else 200)


@authority_page(EDIT, write=EDIT)
def upload_columns_view(request, page: AuthorityPage, token: str):
    upload = selectors.upload_or_404(authority=page.authority, token=token)
    if upload.format != RegisterUpload.Format.TABULAR or upload.status not in (
        Status.STAGED,
        Status.CHECKED,
    ):
        return redirect("register:upload-check", code=page.code, token=token)
    data = request.POST if request.method == "POST" else None
    form = ColumnsForm(data, headings=upload.headings, initial=upload.columns)
    if request.method == "POST" and form.is_valid():
        services.upload_check(
            upload=upload, columns=form.columns(), by=page.actor, at=page.at, on=page.on
        )
        return redirect("register:upload-check", code=page.code, token=token)
    context = _context(
        page,
        upload=upload,
        form=form,
        columns=presenters.columns_preview(upload),
        required=[f.label for f in FIELDS if f.name in REQUIRED],
    )
    status = 400 if form.errors else 200
    return render(request, "register/upload_columns.html", context, status=status)


@authority_page(EDIT, write=EDIT)
def upload_check_view(request, page: AuthorityPage, token: str):
    upload = selectors.upload_or_404(authority=page.authority, token=token)
    if upload.status == Status.STAGED:
        return redirect("register:upload-columns", code=page.code, token=token)
    if request.method == "POST":
        services.upload_start(upload=upload, by=page.actor, at=page.at)
        return redirect("register:upload-progress", code=page.code, token=token)
    only = request.GET.get("only", "")
    only = only if only in presenters.OUTCOME_WORDS else ""
    context = _context(
        page,
        upload=upload,
        counts=upload.checked.get("counts", {}),
        rows=presenters.outcome_page(upload.checked, request.GET.get("page"), only=only),
        only=only,
        mapped=presenters.mapped_fields(upload),
    )
    return render(request, "register/upload_check.html", context)


@authority_page(EDIT)
def upload_progress_view(request, page: AuthorityPage, token: str):
    upload = selectors.upload_or_404(authority=page.authority, token=token)
    progress = presenters.progress_of(upload, now=page.at)
    context = _context(
        page,
        upload=upload,
        progress=progress,
        lost=presenters.is_lost(upload, now=page.at),
        counts=upload.report.get("counts", {}),
        rows=presenters.outcome_page(upload.report, request.GET.get("page"), only="refused"),
    )
    return render(request, "register/upload_progress.html", context)


@authority_page(EDIT)
def upload_progress_json(request, page: AuthorityPage, token: str):
    """The progress for the page's script: percent, done, total, finished."""
    upload = selectors.upload_or_404(authority=page.authority, token=token)
    progress = presenters.progress_of(upload, now=page.at)
    return progress_json(progress)


@authority_page(EDIT)
def upload_history_view(request, page: AuthorityPage):
    uploads = selectors.uploads_of(page.authority)
    return render(request, "register/upload_history.html", _context(page, uploads=uploads))


@authority_page(EDIT)
def upload_report_view(request, page: AuthorityPage, token: str):
    upload = selectors.upload_or_404(authority=page.authority, token=token)
    response = StreamingHttpResponse(
        presenters.report_csv(upload), content_type="text/csv; charset=utf-8"
    )
    filename = presenters.report_filename(upload)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
