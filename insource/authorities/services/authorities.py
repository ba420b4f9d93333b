"""Seeding the local-authority register, a public body's code, and adopting the policy."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.db import transaction

from insource.authorities.models import Authority, AuthorityKind
from insource.authorities.reference import LocalAuthorityRef, load_local_authorities
from insource.core.audit import Actor, audit_record


def _la_fields(ref: LocalAuthorityRef) -> dict:
    return {
        "code": ref.code,
        "gss_code": ref.gss_code or "",
        "name": ref.official_name,
        "nice_name": ref.nice_name,
        "kind": AuthorityKind.LOCAL_AUTHORITY,
        "la_type": ref.la_type,
        "la_type_name": ref.la_type_name,
        "nation": ref.nation,
        "population": ref.population,
        "start_on": ref.start_on,
        "end_on": ref.end_on,
    }


@transaction.atomic
def authorities_seed(*, by: Actor, at: datetime) -> dict:
    """Create or update every UK local authority from the shipped register; idempotent."""
    refs = load_local_authorities()
    existing = {a.key: a for a in Authority.objects.filter(kind=AuthorityKind.LOCAL_AUTHORITY)}
    created = updated = 0
    for ref in refs:
        fields = _la_fields(ref)
        authority = existing.get(f"la:{ref.code}")
        if authority is None:
            existing[f"la:{ref.code}"] = Authority.objects.create(key=f"la:{ref.code}", **fields)
            created += 1
        elif any(getattr(authority, k) != v for k, v in fields.items()):
            Authority.objects.filter(pk=authority.pk).update(**fields)
            updated += 1
    _link_successors(refs, existing)
    summary = {"created": created, "updated": updated, "total": len(refs)}
    audit_record(
        by=by, at=at, action="authorities.seed", object_type="authorities.Authority", after=summary
    )
    return summary


def _link_successors(refs: list[LocalAuthorityRef], by_key: dict[str, Authority]) -> None:
    Through = Authority.successors.through
    wanted = {
        (by_key[f"la:{r.code}"].pk, by_key[f"la:{s}"].pk)
        for r in refs
        for s in r.replaced_by
        if f"la:{s}" in by_key
    }
    have = set(Through.objects.values_list("from_authority_id", "to_authority_id"))
    Through.objects.bulk_create(
        [Through(from_authority_id=a, to_authority_id=b) for a, b in wanted - have]
    )


_NOT_INITIALS = frozenset({"and", "the", "&"})


def authority_ensure_code(authority: Authority) -> str:
    """Give a public body without one a code for its officers' URLs (`/reviews/<code>/`):
    councils have the register's three-letter code; another body gets its initials
    ('Ministry of Justice' -> MOJ), numbered when another authority or a council in the shipped
    register has them already. Called when a body adopts the policy or gains a member."""
    if not authority.code and authority.pk:  # another instance may have given it one
        stored = Authority.objects.filter(pk=authority.pk).values_list("code", flat=True)
        authority.code = stored.first() or ""
    if authority.code:
        return authority.code
    words = [w for w in re.findall(r"[A-Za-z]+", authority.name) if w.lower() not in _NOT_INITIALS]
    initials = "".join(w[0] for w in words).upper()[:8] or "PB"
    initials = initials if len(initials) >= 2 else (words[0][:4].upper() if words else "PB")
    taken = {
        c.casefold() for c in Authority.objects.exclude(code="").values_list("code", flat=True)
    }
    taken |= {ref.code.casefold() for ref in load_local_authorities()}
    code, n = initials, 2
    while code.casefold() in taken:
        code, n = f"{initials[:8]}{n}", n + 1
    authority.code = code
    Authority.objects.filter(pk=authority.pk).update(code=code)
    return code


@transaction.atomic
def authority_adopt_policy(
    *,
    authority: Authority,
    preset: str,
    adopted_on: date,
    by: Actor,
    at: datetime,
    reason: str = "",
) -> Authority:
    """Record that an authority adopts a policy preset from a date (published on its page)."""
    before = {"preset": authority.policy_preset, "adopted_on": str(authority.policy_adopted_on)}
    authority_ensure_code(authority)
    authority.policy_preset, authority.policy_adopted_on = preset, adopted_on
    authority.save(update_fields=["policy_preset", "policy_adopted_on"])
    audit_record(
        by=by,
        at=at,
        action="authorities.adopt_policy",
        obj=authority,
        authority=authority,
        before=before,
        after={"preset": preset, "adopted_on": str(adopted_on)},
        reason=reason,
    )
    return authority
