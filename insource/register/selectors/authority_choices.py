"""Choosing an authority by typing its name (ADR 0038): the list the autocomplete offers, built
once per data change and kept in the shared cache, and the server's reading of what was typed
(the no-JavaScript path and every submitted form go through `authority_find`).

The list is every authority that reviews a contract in the register, by name; a name two
authorities share is told apart by the authority's code, "Name (CODE)", which `authority_find`
reads back. The list is kept (in the shared cache and in the process) under its version: the
latest audit event, import run, feed pull and authority, and a generation that `choices_changed`
renews when an authority is saved or deleted (`register/receivers.py`).
Contracts change only through imports, feeds and audited services, so a new or renamed authority
appears on the next request, and no request builds the list while nothing has changed.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Max, Q, QuerySet

from insource.authorities.models import Authority, Membership
from insource.core.models import AuditEvent
from insource.register.models import FeedPull, ImportRun
from insource.register.selectors.contracts import authorities_with_contracts

GENERATION_KEY = "register:authority-choices:generation"
BODY_KEY = "register:authority-choices:{}"
MAX_CANDIDATES = 5
_LABELLED = re.compile(r"^(?P<name>.+?)\s*\((?P<code>[^()]{1,120})\)$")
_memo: dict[str, bytes] = {}


def choices_changed() -> None:
    """End the generation (one cache write): the next request starts a new one and builds the
    list again."""
    cache.delete(GENERATION_KEY)


def choices_generation() -> str:
    """The current generation (one cache read)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _label(authority: Authority, *, shared: bool) -> str:
    name = authority.display_name
    return f"{name} ({authority.code or authority.key})" if shared else name


def authority_labels(authorities) -> list[tuple[str, Authority]]:
    """(label, authority) by name: the display name, with the code when two share it."""
    rows = list(authorities)
    seen = Counter(a.display_name.casefold() for a in rows)
    labelled = [(_label(a, shared=seen[a.display_name.casefold()] > 1), a) for a in rows]
    return sorted(labelled, key=lambda pair: (pair[0].casefold(), pair[1].pk))


def choices_version() -> str:
    """What the list depends on, cheaply: four indexed maxima and the generation."""
    latest = [
        model.objects.aggregate(n=Max("id"))["n"]
        for model in (AuditEvent, ImportRun, FeedPull, Authority)
    ]
    return ".".join(str(n or 0) for n in latest) + "." + choices_generation()


def authority_choices_json() -> tuple[str, bytes]:
    """(version, the JSON list of labels) — built at most once per version."""
    version = choices_version()
    body = _memo.get(version)
    if body is None:
        body = cache.get(BODY_KEY.format(version))
        if body is None:
            labels = [label for label, _ in authority_labels(authorities_with_contracts())]
            body = json.dumps(labels, ensure_ascii=False, separators=(",", ":")).encode()
            cache.set(BODY_KEY.format(version), body, timeout=60 * 60 * 24)
        _memo.clear()
        _memo[version] = body
    return version, body


@dataclass(frozen=True)
class Found:
    """What typed text names: one authority, or none and the nearest candidates' labels."""

    authority: Authority | None
    candidates: list[str] = field(default_factory=list)


def _by_name(authorities: QuerySet[Authority], name: str) -> QuerySet[Authority]:
    return authorities.filter(Q(nice_name__iexact=name) | Q(name__iexact=name))


def authority_find(text: str) -> Found:
    """The authority with contracts that `text` names: its key, its code, its label ("Name" or
    "Name (CODE)"), its name, or the only one whose name contains the text."""
    text = " ".join(text.split())[:300]
    if not text or "\x00" in text:
        return Found(None)
    authorities = authorities_with_contracts()
    exact = authorities.filter(Q(key=text) | Q(code__iexact=text)).order_by("-code", "id")
    labelled = _LABELLED.match(text)
    if labelled:
        code = labelled["code"].strip()
        exact = exact | _by_name(authorities, labelled["name"]).filter(
            Q(key=code) | Q(code__iexact=code)
        )
    found = list(exact[:2])
    if len(found) == 1:
        return Found(found[0])
    named = list(_by_name(authorities, text)[: MAX_CANDIDATES + 1])
    if len(named) == 1:
        return Found(named[0])
    containing = named or list(
        authorities.filter(Q(nice_name__icontains=text) | Q(name__icontains=text)).order_by(
            "name", "id"
        )[: MAX_CANDIDATES + 1]
    )
    if len(containing) == 1:
        return Found(containing[0])
    return Found(None, [label for label, _ in authority_labels(containing)][:MAX_CANDIDATES])


def authority_label(text: str) -> str:
    """What the field shows for a submitted value: an authority's label for its key (links
    carry `?authority=la:sts`), else the text as typed."""
    if ":" not in text:
        return text
    authorities = authorities_with_contracts()
    authority = authorities.filter(key=text.strip()).first()
    if authority is None:
        return text
    return _label(authority, shared=_by_name(authorities, authority.display_name).count() > 1)


def own_authority_with_contracts(user) -> Authority | None:
    """The one authority the person belongs to, when it reviews contracts (the default of the
    lists they open); None for a member of several authorities or of none."""
    memberships = Membership.objects.filter(user=user).values_list("authority_id", flat=True)
    ids = set(memberships)
    if len(ids) != 1:
        return None
    return authorities_with_contracts().filter(pk__in=ids).first()


def query_with_own_authority(query, user):
    """A list's filters, where an officer of exactly one authority sees its contracts unless
    they choose otherwise (an empty `authority` means every authority): the register list and
    the pipeline both open this way."""
    if "authority" in query:
        return query
    own = own_authority_with_contracts(user)
    if own is None:
        return query
    query = query.copy()
    query["authority"] = own.key
    return query
