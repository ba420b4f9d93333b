"""Rate limits for the public API: per client address, counted in Django's cache.

DRF's throttles keep their counters in the default cache (local memory unless CACHES says
otherwise), so no Redis is needed; with several worker processes each keeps its own count
(ADR 0010). The rates are read from settings on every request, so they can be changed (and
tests can lower them) without a restart of the throttle classes.
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class PublicRateThrottle(AnonRateThrottle):
    """Every public endpoint: `INSOURCE_API_PUBLIC_RATE` requests per client address."""

    scope = "public"
    setting = "INSOURCE_API_PUBLIC_RATE"

    def get_rate(self) -> str:
        return getattr(settings, self.setting)


class ExportRateThrottle(PublicRateThrottle):
    """The bulk downloads (whole-register OCDS and CSV), limited separately and more tightly."""

    scope = "public-export"
    setting = "INSOURCE_API_EXPORT_RATE"
