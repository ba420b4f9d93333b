"""Writes to authorities: seeding the local-authority register, resolving buyer names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils.text import slugify

from insource.authorities.buyer_types import classify_buyer
from insource.authorities.matching import BuyerMatch, BuyerMatcher
from insource.authorities.models import Authority, AuthorityKind, BuyerName, ProcurementCategory
from insource.authorities.reference import (
    LocalAuthorityRef,
    load_local_authorities,
    load_name_variants,
)
from insource.core.audit import Actor, audit_record

CENTRAL_KINDS = {AuthorityKind.CENTRAL_GOVERNMENT, AuthorityKind.NHS}


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


@dataclass(frozen=True)
class ResolvedBuyer:
    """The authority that bought (on the award date) and the one that reviews it now."""

    buyer_id: int
    reviewer_id: int
    needs_confirmation: bool
    match: BuyerMatch
    successor_split: bool = False  # the buyer was split: an officer chooses who reviews


class BuyerResolver:
    """Turns published buyer names into authorities, creating non-council buyers as needed.

    Low-confidence and unmatched names are recorded in BuyerName for an officer to confirm.
    Results are cached per (name, award date) for the life of one import.
    """

    def __init__(self, *, on: date):
        self.on = on
        self.matcher = BuyerMatcher.from_reference(load_local_authorities(), load_name_variants())
        self._la_ids = dict(
            Authority.objects.filter(kind=AuthorityKind.LOCAL_AUTHORITY).values_list("code", "pk")
        )
        if not self._la_ids:
            raise LookupError("no local authorities: run `insource authorities seed` first")
        self._la_codes = {pk: code for code, pk in self._la_ids.items()}
        self._confirmed = dict(
            BuyerName.objects.exclude(confirmed_by="").values_list("name", "authority_id")
        )
        self._cache: dict[tuple[str, date | None], ResolvedBuyer] = {}
        self._authority_ids = dict(Authority.objects.values_list("key", "pk"))
        self._known_names = dict(BuyerName.objects.values_list("name", "method"))
        self._unconfirmed = {
            n.name: n
            for n in BuyerName.objects.filter(confirmed_by="").only(
                "pk", "name", "candidate_id", "method", "confidence", "needs_confirmation"
            )
        }
        self._new_names: list[BuyerName] = []
        self._changed_names: list[BuyerName] = []
        self._la_names: dict[str, str] | None = None

    def resolve(self, name: str, awarded_on: date | None) -> ResolvedBuyer:
        name = name[:500]  # as stored (BuyerName.name): longer names are one name, not two
        key = (name, awarded_on)  # reorganisations take effect on a day (often 1 April)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._resolve(name, awarded_on)
        return found

    def _resolve(self, name: str, awarded_on: date | None) -> ResolvedBuyer:
        match = self.matcher.match(name, awarded_on)
        confirmed = self._confirmed.get(name)
        if confirmed is not None:
            buyer_id, needs = confirmed, False
        elif match.code and not match.needs_confirmation and match.code in self._la_ids:
            buyer_id, needs = self._la_ids[match.code], False
        else:
            buyer_id, needs = self._other_buyer(name, match), match.needs_confirmation
        reviewer_id = self._reviewer(buyer_id)
        code = self._la_codes.get(buyer_id)
        split = code is not None and len(self.matcher.successors(code, self.on)) > 1
        self._note(name, match, buyer_id, awarded_on)
        return ResolvedBuyer(buyer_id, reviewer_id, needs, match, split)

    def _reviewer(self, buyer_id: int) -> int:
        code = self._la_codes.get(buyer_id)
        if code is None:
            return buyer_id
        successor = self.matcher.successor(code, self.on)
        return self._la_ids.get(successor, buyer_id)

    def _other_buyer(self, name: str, match: BuyerMatch) -> int:
        """The authority for a buyer that is not a local authority (created once, by name)."""
        key = f"buyer:{slugify(name)[:100] or 'unnamed'}"
        if key not in self._authority_ids:
            kind = match.buyer_type if match.buyer_type in AuthorityKind.values else ""
            kind = kind or classify_buyer(name)
            if kind not in AuthorityKind.values or kind == AuthorityKind.LOCAL_AUTHORITY:
                kind = AuthorityKind.OTHER
            central = kind in CENTRAL_KINDS
            category = ProcurementCategory.CENTRAL if central else ProcurementCategory.SUB_CENTRAL
            self._authority_ids[key] = Authority.objects.create(
                key=key, name=name[:300], kind=kind, procurement_category=category
            ).pk
        return self._authority_ids[key]

    def _note(self, name: str, match: BuyerMatch, buyer_id: int, on: date | None) -> None:
        """Queue the name (and how it matched) for the officer's list; written by `finish`.

        A name stored by an earlier import and not yet confirmed takes the matcher's new answer
        (a name the old rules left out of the queue enters it); a confirmed one never changes.
        """
        if name in self._known_names:
            self._renote(name, match, on)
            return
        self._known_names[name] = match.method
        self._new_names.append(
            BuyerName(
                name=name[:500],
                authority_id=buyer_id,
                candidate_id=self._la_ids.get(match.code) if match.code else None,
                method=match.method,
                confidence=round(match.confidence, 1),
                needs_confirmation=match.needs_confirmation,
                suggestions=self._suggestions(name, on) if match.needs_confirmation else [],
            )
        )

    def _renote(self, name: str, match: BuyerMatch, on: date | None) -> None:
        stored = self._unconfirmed.pop(name, None)  # once per import
        if stored is None:
            return
        candidate = self._la_ids.get(match.code) if match.code else None
        now = (candidate, match.method, round(match.confidence, 1), match.needs_confirmation)
        was = (stored.candidate_id, stored.method, float(stored.confidence))
        if now == (*was, stored.needs_confirmation):
            return
        stored.candidate_id, stored.method, stored.confidence = now[:3]
        stored.needs_confirmation = match.needs_confirmation
        stored.suggestions = self._suggestions(name, on) if match.needs_confirmation else []
        self._changed_names.append(stored)

    def _suggestions(self, name: str, on: date | None) -> list[dict]:
        """The best authorities an officer might confirm the name as (key, code, name, score,
        why), for the confirmation queue."""
        if self._la_names is None:
            rows = Authority.objects.filter(kind=AuthorityKind.LOCAL_AUTHORITY)
            self._la_names = dict(rows.values_list("code", "name"))
        return [
            {
                "key": f"la:{s.code}",
                "code": s.code,
                "name": self._la_names.get(s.code, s.code),
                "score": s.score,
                "why": s.why,
            }
            for s in self.matcher.suggest(name, on)
            if s.code in self._la_ids
        ]

    def finish(self) -> None:
        """Write the buyer names seen for the first time in this import, and the new answer for
        unconfirmed names the matcher now reads differently."""
        BuyerName.objects.bulk_create(self._new_names, batch_size=500)
        fields = ["candidate", "method", "confidence", "needs_confirmation", "suggestions"]
        BuyerName.objects.bulk_update(self._changed_names, fields, batch_size=500)
        self._new_names, self._changed_names = [], []


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


@transaction.atomic
def membership_grant(*, user, authority: Authority, role: str, by: Actor, at: datetime):
    """Give a person a role for an authority (idempotent); audited."""
    from insource.authorities.models import Membership

    authority_ensure_code(authority)
    membership, created = Membership.objects.get_or_create(
        user=user, authority=authority, role=role
    )
    if created:
        audit_record(
            by=by,
            at=at,
            action="authorities.membership_grant",
            obj=membership,
            authority=authority,
            after={"user": user.get_username(), "role": role},
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership, by: Actor, at: datetime) -> None:
    """Take a role away; audited."""
    audit_record(
        by=by,
        at=at,
        action="authorities.membership_revoke",
        obj=membership,
        authority=membership.authority,
        before={"user": membership.user.get_username(), "role": membership.role},
    )
    membership.delete()
