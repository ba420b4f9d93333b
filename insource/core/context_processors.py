"""Values every page needs: service name, the demonstration-data notice, and whether the
person is a signed-in officer past two-factor (only then are officer links shown)."""

from django.conf import settings


def is_officer(user) -> bool:
    """Whether the person is signed in, past two-factor where it is required."""
    if not getattr(user, "is_authenticated", False):
        return False
    verified = getattr(user, "is_verified", None)
    return not settings.INSOURCE_REQUIRE_2FA or bool(verified and verified())


def site(request):
    return {
        "service_name": settings.INSOURCE_SERVICE_NAME,
        "is_demo": settings.INSOURCE_DEMO,
        "is_officer": is_officer(getattr(request, "user", None)),
    }
