"""Sign-in pages: password, then the authenticator code (or setting an authenticator up), and
the pages shown when a request is refused (too many sign-in attempts, a stale form).

Views only parse the request, call one service or selector and present the result.
"""

from __future__ import annotations

from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from insource.accounts.forms import CodeForm, SignInForm
from insource.accounts.selectors import demo_code_for, otp_device_for, otp_enrolment
from insource.accounts.services import CodeResult, otp_device_enrol, otp_verify
from insource.accounts.throttling import address_locked
from insource.core.views import request_time, who_and_when

NEXT = "next"
ENROL_KEY = "accounts_otp_enrol_key"
CODE_ERRORS = {
    CodeResult.WRONG: _(
        "The code is not correct or has expired: enter the code your app shows now"
    ),
}
TOO_MANY_CODES = _(
    "You have entered too many wrong codes: wait %(minutes)s minutes, then enter the code your "
    "app shows now"
)


class SignInView(LoginView):
    """Step 1: username and password. django-axes counts the failures and locks out."""

    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm

    def get_success_url(self) -> str:
        target = super().get_success_url()
        if not settings.INSOURCE_REQUIRE_2FA:
            return target
        return _with_next("otp-verify", target)


@login_required
def otp_verify_view(request):
    """Step 2: the 6-digit code from the officer's authenticator app."""
    device, target = otp_device_for(request.user), _next(request)
    if device is None:
        return redirect(_with_next("otp-enrol", target))
    if request.user.is_verified():
        return redirect(target)
    form = _bound(request, CodeForm)
    if form.is_valid():
        result = otp_verify(device=device, code=form.cleaned_data["code"], at=request_time(request))
        if result is CodeResult.ACCEPTED:
            return _verified(request, device, target)
        form.add_error("code", _code_error(result))
    context = {"form": form, "next": target, "demo_code": demo_code_for(request.user, device)}
    return render(request, "accounts/otp_verify.html", context)


@login_required
def otp_enrol_view(request):
    """First sign-in: add Insource to an authenticator app, then confirm it with a code."""
    target = _next(request)
    if otp_device_for(request.user) is not None:
        return redirect(_with_next("otp-verify", target))
    key_hex = request.session.setdefault(ENROL_KEY, random_hex(20))
    form = _bound(request, CodeForm)
    if form.is_valid():
        device = _enrol(request, key_hex, form.cleaned_data["code"])
        if device is None and otp_device_for(request.user) is not None:
            return redirect(_with_next("otp-verify", target))
        if device is not None:
            del request.session[ENROL_KEY]
            return _verified(request, device, target)
        form.add_error("code", CODE_ERRORS[CodeResult.WRONG])
    return render(request, "accounts/otp_enrol.html", _enrol_context(request, key_hex, form))


def locked_out(request, response=None, credentials=None):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): HTTP 429, GOV.UK wording; it says
    whether the account or the whole address (too many usernames tried) is locked."""
    context = {
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "is_address": address_locked(request, credentials),
    }
    return render(request, "accounts/locked_out.html", context, status=429)


def _code_error(result: CodeResult) -> str:
    if result is CodeResult.TOO_MANY:
        return TOO_MANY_CODES % {"minutes": settings.INSOURCE_CODE_LOCKOUT_MINUTES}
    return CODE_ERRORS[result]


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: a form sent without a valid security token (HTTP 403)."""
    return render(request, "accounts/csrf_failure.html", status=403)


def _enrol(request, key_hex: str, code: str) -> TOTPDevice | None:
    by, at = who_and_when(request)
    try:
        return otp_device_enrol(user=request.user, key_hex=key_hex, code=code, by=by, at=at)
    except ValueError:  # another tab set up an authenticator meanwhile: use that one
        return None


def _enrol_context(request, key_hex: str, form) -> dict:
    pending = TOTPDevice(user=request.user, key=key_hex)
    return {
        "form": form,
        "next": _next(request),
        "enrolment": otp_enrolment(request.user, key_hex),
        "demo_code": demo_code_for(request.user, pending),
    }


def _verified(request, device: TOTPDevice, target: str):
    request.session.cycle_key()
    django_otp.login(request, device)
    return redirect(target)


def _bound(request, form_class):
    return form_class(request.POST) if request.method == "POST" else form_class()


def _with_next(name: str, target: str) -> str:
    return f"{reverse(name)}?{urlencode({NEXT: target})}"


def _next(request) -> str:
    target = request.POST.get(NEXT) or request.GET.get(NEXT, "")
    hosts = {request.get_host()}
    if url_has_allowed_host_and_scheme(target, hosts, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)
