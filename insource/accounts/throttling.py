"""How sign-in throttling (django-axes) tells one client from another, and counts failures.

Two counts, both over the last `AXES_COOLOFF_TIME` (ADR 0006):
- per username and address: `AXES_FAILURE_LIMIT` wrong passwords lock that pair out, so an
  attacker cannot lock an officer out of their own office;
- per address, across usernames: `INSOURCE_SIGN_IN_ATTEMPTS_PER_ADDRESS` wrong passwords lock
  the address out, so one address cannot try a common password on every account (password
  spraying). The limit is higher: a council office behind one address shares it.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or behind INSOURCE_PROXY_COUNT trusted reverse proxies
    the address the outermost of them saw (counted from the right of X-Forwarded-For, so a
    client cannot choose it by sending its own header)."""
    count = settings.INSOURCE_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if count and len(hops) >= count:
        return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


class SignInAttempts(AxesDatabaseHandler):
    """django-axes' database handler with the per-address count beside the per-pair one
    (`AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]`, in that order)."""

    def get_failures(self, request, credentials=None) -> int:
        pair, address = self.failure_counts(request, credentials)
        if address >= settings.INSOURCE_SIGN_IN_ATTEMPTS_PER_ADDRESS:
            return max(pair, get_failure_limit(request, credentials))
        return pair

    def failure_counts(self, request, credentials=None) -> tuple[int, int]:
        """(wrong passwords for this username from this address, from this address)."""
        pair, address = self.get_user_attempts(request, credentials)
        return _sum(pair), _sum(address)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A success clears its own username's failures, not the whole address's: an attacker
        with one working account cannot wipe the count of what they sprayed."""
        count, _ = self.filter_user_attempts(request, credentials)[0].delete()
        return count


def address_locked(request, credentials=None) -> bool:
    """Whether the request's address, rather than its username, is what is locked out."""
    if not hasattr(request, "axes_ip_address"):
        return False
    _, address = SignInAttempts().failure_counts(request, credentials)
    return address >= settings.INSOURCE_SIGN_IN_ATTEMPTS_PER_ADDRESS


def _sum(attempts) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
