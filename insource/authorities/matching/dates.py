"""The date stage of matching: of the authorities sharing a name, the one that existed on the
award date; and the successors that hold an authority's contracts on a date."""

from __future__ import annotations

from datetime import date

from insource.authorities.matching.results import BuyerMatch, Hit
from insource.authorities.reference import LocalAuthorityRef


class DatedAuthorities:
    """Mixed into `BuyerMatcher`: needs `by_code`, the authorities by code."""

    by_code: dict[str, LocalAuthorityRef]

    def _overlap(self, one: str, other: str) -> bool:
        """True if the two authorities existed at the same time."""
        a, b = self.by_code[one], self.by_code[other]
        return (a.end_on or date.max) >= _start_key(b) and (b.end_on or date.max) >= _start_key(a)

    def _on_date(self, hit: Hit | BuyerMatch, on: date | None) -> BuyerMatch:
        if isinstance(hit, BuyerMatch):
            return hit
        ref = self._pick(hit.codes, on)
        reason, needs = hit.reason, hit.needs_confirmation
        if len(hit.codes) > 1:
            reason += f" Of {', '.join(hit.codes)}, {ref.code} " + _date_phrase(on)
        if on is not None and ref.start_on is not None and on < ref.start_on:
            reason += f" {ref.code} was only formed on {ref.start_on}: an officer must confirm."
            needs = True
        elif on is not None and ref.end_on is not None and on > ref.end_on:
            reason += f" {ref.code} had ended on {ref.end_on}; its successor reviews the contract."
        kind = "combined-authority" if ref.la_type == "COMB" else "local-authority"
        return BuyerMatch(ref.code, hit.confidence, hit.method, needs, kind, reason)

    def _pick(self, codes: tuple[str, ...], on: date | None) -> LocalAuthorityRef:
        """Of authorities sharing a name, the one that existed on `on` (the newer on a tie)."""
        refs = sorted((self.by_code[c] for c in codes), key=_start_key)
        if on is None:
            current = [r for r in refs if r.end_on is None]
            return (current or refs)[-1]
        alive = [r for r in refs if r.exists_on(on)]
        if alive:
            return alive[-1]
        started = [r for r in refs if _start_key(r) <= on]
        return started[-1] if started else refs[0]

    # -- successors ---------------------------------------------------------------------------

    def successors(self, code: str, on: date) -> tuple[str, ...]:
        """The authorities that hold `code`'s contracts on `on`, following `replaced-by`.

        An authority is followed to its successors once they have all started by `on`; a split
        authority (Cumbria, Northamptonshire) gives several codes.
        """
        ref = self.by_code.get(code)
        if ref is None or not ref.replaced_by:
            return (code,)
        nexts = [self.by_code[c] for c in ref.replaced_by if c in self.by_code]
        if not nexts or any(_start_key(n) > on for n in nexts):
            return (code,)
        found: list[str] = []
        for successor in nexts:
            found += [c for c in self.successors(successor.code, on) if c not in found]
        return tuple(found)

    def successor(self, code: str, on: date) -> str | None:
        """The one authority that reviews `code`'s contracts on `on`; None if it was split."""
        found = self.successors(code, on)
        return found[0] if len(found) == 1 else None


def _start_key(ref: LocalAuthorityRef) -> date:
    return ref.start_on or date.min


def _date_phrase(on: date | None) -> str:
    return f"existed on {on}." if on else "is the current one (no award date)."
