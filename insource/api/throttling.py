"""Rate limits for the public API: per client address, counted in the shared cache (ADR 0017).

DRF's throttles keep each client's recent request times in Django's default cache: the
database cache (or Redis when REDIS_URL is set), so every worker process shares one count.
The rates are read from settings on every request, so they can be changed (and tests can lower
them) without a restart. `RateLimitHeadersMixin` tells each client where it stands, in the
IETF draft's fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Limit`,
`RateLimit-Remaining`, `RateLimit-Reset` (seconds until a request is free again) and
`RateLimit-Policy`; a 429 also has `Retry-After`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class PublicRateThrottle(AnonRateThrottle):
    """Every public endpoint: `INSOURCE_API_PUBLIC_RATE` requests per client address."""

    scope = "public"
    setting = "INSOURCE_API_PUBLIC_RATE"

    def get_rate(self) -> str:
        return getattr(settings, self.setting)

    def state(self) -> Quota | None:
        """Where the client stands after this request, or None if it was not counted."""
        if getattr(self, "history", None) is None:
            return None
        oldest = self.history[-1] if self.history else self.now
        return Quota(
            limit=self.num_requests,
            remaining=max(self.num_requests - len(self.history), 0),
            reset=max(math.ceil(oldest + self.duration - self.now), 0),
            window=self.duration,
        )


class ExportRateThrottle(PublicRateThrottle):
    """The bulk downloads (whole-register OCDS and CSV), limited separately and more tightly."""

    scope = "public-export"
    setting = "INSOURCE_API_EXPORT_RATE"


@dataclass(frozen=True)
class Quota:
    """One rate limit as a client sees it: its size, what is left, seconds to the next slot."""

    limit: int
    remaining: int
    reset: int
    window: int


def rate_limit_headers(quotas: list[Quota]) -> dict[str, str]:
    """The draft's fields for the quota nearest to running out (all policies are listed)."""
    if not quotas:
        return {}
    nearest = min(quotas, key=lambda q: (q.remaining, -q.reset))
    return {
        "RateLimit-Limit": str(nearest.limit),
        "RateLimit-Remaining": str(nearest.remaining),
        "RateLimit-Reset": str(nearest.reset),
        "RateLimit-Policy": ", ".join(f"{q.limit};w={q.window}" for q in quotas),
    }


class RateLimitHeadersMixin:
    """For an APIView: keeps the throttles it checked and adds the rate-limit fields."""

    def get_throttles(self):
        self._throttles_checked = super().get_throttles()
        return self._throttles_checked

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        quotas = [t.state() for t in getattr(self, "_throttles_checked", [])]
        for name, value in rate_limit_headers([q for q in quotas if q]).items():
            response[name] = value
        if response.status_code == 429 and "Retry-After" in response:
            response["RateLimit-Remaining"] = "0"
        return response
