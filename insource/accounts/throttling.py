"""How sign-in throttling (django-axes) tells one client from another."""

from django.conf import settings


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
