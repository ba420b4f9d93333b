"""Resolving published buyer names to authorities as an import meets them, and queueing every
name not matched with confidence for an officer (with its best suggestions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.text import slugify

from insource.authorities.buyer_types import classify_buyer
from insource.authorities.matching.matcher import BuyerMatcher
from insource.authorities.matching.results import BuyerMatch
from insource.authorities.models import Authority, AuthorityKind, BuyerName, ProcurementCategory
from insource.authorities.reference import load_local_authorities, load_name_variants

CENTRAL_KINDS = {AuthorityKind.CENTRAL_GOVERNMENT, AuthorityKind.NHS}


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
