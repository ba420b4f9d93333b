"""Step 1, gateway exemptions (SEED), and the relevant-contract test (SEED + DESIGN).

Legal basis: the founding policy's scope (services, and repair/maintenance works, delivering an
authority function; arrangements between public authorities); Procurement Act 2023 Sch. 2 para 2
(vertical arrangements: control, and over 80% of activity for the controllers) and Sch. 1
(threshold amounts).
"""

from __future__ import annotations

from insource.policy.rules.base import rule
from insource.policy.tri import Cond, Finding, conjunction, fact_cond, refused

PATHS = ("contract.counterparty",)
CONTROL = ("the authority controls the company", "the authority does not control the company")
PARTY = {
    "private": "a private company",
    "vcse": "a voluntary or community organisation",
    "mutual": "a mutual",
}


def _prefixed(cpv, prefixes) -> bool:
    return any(code.startswith(p) for code in cpv or () for p in prefixes)


def _works(ctx, cpv) -> Finding:
    if _prefixed(cpv, ctx.param("relevant_contract.repair_works_cpv_prefixes")):
        return Finding(True, held=["its CPV code is repair or maintenance works"])
    repair = ctx.fact("contract.is_repair_or_maintenance")
    return conjunction(
        [
            Cond(
                "the works are repair or maintenance",
                repair,
                ("contract.is_repair_or_maintenance",),
                "the works are not repair or maintenance",
            )
        ]
    )


def _services(ctx, nature, cpv) -> Finding:
    goods = ctx.param("relevant_contract.goods_divisions")
    if nature in ("concession", "framework") and _prefixed(cpv, goods):
        return refused(f"it is a {nature} for goods")
    for_goods = (
        [Cond(f"the {nature} is not for goods", None, ("contract.cpv",))]
        if nature in ("concession", "framework") and not cpv
        else []
    )
    return conjunction(
        for_goods
        + [
            Cond(
                "it delivers an authority function",
                ctx.fact("contract.delivers_authority_function"),
                ("contract.delivers_authority_function",),
                "it does not deliver an authority function",
            )
        ]
    )


def relevance(ctx) -> Finding:
    """Is it a relevant contract? True, False or unknown (POLICY.md §3, in that order)."""
    nature, cpv = ctx.fact("contract.nature"), ctx.fact("contract.cpv")
    if nature == "goods":
        return refused("it is a contract for goods")
    if _prefixed(cpv, ctx.param("relevant_contract.seed_cpv_prefixes")):
        return Finding(True, held=["its CPV code is a service the policy names"])
    if nature is None and not cpv:
        return Finding(
            None, unknown=["it is a relevant contract"], missing=["contract.nature", "contract.cpv"]
        )
    if nature is None:
        div = cpv[0][:2]
        nature = "goods" if div in ctx.param("relevant_contract.goods_divisions") else None
        if nature == "goods":
            return refused("its CPV code is for goods")
        nature = "works" if div == "45" else "services"
    found = _works(ctx, cpv) if nature == "works" else _services(ctx, nature, cpv)
    if found.value is not True and not cpv:
        return Finding(
            None,
            unknown=found.unknown + ["its CPV code is a service the policy names"],
            missing=list(dict.fromkeys(found.missing + ["contract.cpv"])),
        )
    return found


@rule(
    "gateway.not_relevant_contract",
    "Not a relevant contract",
    "Labour 2019 (SEED); POLICY §3",
    "Relevant contract: services, and repair/maintenance works, delivering an authority "
    "function; not goods-only. Not a relevant contract -> EXEMPT_NOT_RELEVANT_CONTRACT",
)
def not_relevant(ctx) -> Finding:
    found = relevance(ctx)
    return Finding(
        {True: False, False: True, None: None}[found.value],
        held=found.failed,
        failed=found.held,
        unknown=found.unknown,
        missing=found.missing,
        note="not a relevant contract" if found.value is False else "",
    )


@rule(
    "gateway.public_public",
    "Public-public arrangement",
    "Labour 2019 (SEED); PA 2023 Sch. 2",
    "The counterparty is another public authority, or a company the authority controls that "
    "meets the Sch. 2 vertical test (control, and over 80% of its activity for its "
    "controllers) -> EXEMPT_PUBLIC_PUBLIC",
    since="2025-02-24",
)
def public_public(ctx) -> Finding:
    party = ctx.fact("contract.counterparty")
    if party == "public-authority":
        return Finding(True, held=["the counterparty is another public authority"])
    if party == "authority-controlled":
        return _vertical(ctx)
    neg = f"the counterparty is {PARTY.get(party, party)}"
    public = Cond("the counterparty is public", None if party is None else False, PATHS, neg)
    return conjunction([public])


def _vertical(ctx) -> Finding:
    share = ctx.fact("contract.controller_activity_share_pct")
    limit = ctx.param("public_public.controller_activity_share_pct")
    over = None if share is None else share > limit
    texts = (
        f"over {limit}% of its activity is for its controllers",
        f"no more than {limit}% of its activity is for its controllers",
    )
    share_cond = Cond(texts[0], over, ("contract.controller_activity_share_pct",), texts[1])
    return conjunction([fact_cond(ctx, "contract.is_vertical_control", CONTROL), share_cond])


def below(ctx, limit_of, strict: bool = True) -> Finding:
    """Value below (or, not strict, at most) the threshold, with VAT-basis and nature doubt."""
    value, limits = ctx.run("value.next_term"), limit_of(ctx)
    if value.value is None:
        return Finding(
            None, unknown=["the value is below the threshold"], missing=list(value.missing)
        )
    v = value.data["value_inc_vat"]
    shown = (
        f"£{v:,} (an estimate: £{value.data['stated']:,} grossed up for VAT)"
        if value.data["estimate"]
        else f"£{v:,}"
    )
    cmp = (lambda a, b: a < b) if strict else (lambda a, b: a <= b)
    word = "below" if strict else "at or below"
    if all(cmp(v, t) for t in limits.values()):
        return Finding(True, held=[f"{shown} is {word} the threshold of {_money(limits)}"])
    if not any(cmp(v, t) for t in limits.values()):
        return refused(f"{shown} is not {word} the threshold of {_money(limits)}")
    return Finding(
        None,
        unknown=["the value is below the threshold for this kind of contract"],
        missing=_nature_missing(ctx),
    )


def _money(limits: dict) -> str:
    return " or ".join(sorted({f"£{t:,}" for t in limits.values()}))


def _nature_missing(ctx) -> list[str]:
    nature, cpv = ctx.fact("contract.nature"), ctx.fact("contract.cpv")
    paths = ["contract.nature"] if nature is None else []
    paths += ["contract.cpv"] if nature is None and not cpv else []
    paths += ["contract.is_light_touch"] if ctx.fact("contract.is_light_touch") is None else []
    unknown_category = ctx.fact("authority.procurement_category") is None
    return paths + (["authority.procurement_category"] if unknown_category else [])


def _basis_doubt(ctx, found: Finding, limit_of, strict: bool = True) -> Finding:
    value = ctx.run("value.next_term")
    if found.value is not False or value.data.get("stated") is None:
        return found
    if ctx.fact("contract.value_vat_basis") == "exc":
        return found
    stated = value.data["stated"]
    ok = all((stated < t) if strict else (stated <= t) for t in limit_of(ctx).values())
    if not ok:
        return found
    return Finding(
        None,
        unknown=["the value, which may or may not include VAT, is below it"],
        missing=["contract.value_vat_basis"],
    )


def _pa_limits(ctx) -> dict:
    return ctx.run("value.threshold").data["options"]


@rule(
    "gateway.below_threshold",
    "Below the threshold",
    "PA 2023 Sch. 1; SI 2025/1200",
    "value_inc_vat < the threshold that applies -> EXEMPT_BELOW_THRESHOLD",
    since="2025-02-24",
)
def below_threshold(ctx) -> Finding:
    return _basis_doubt(ctx, below(ctx, _pa_limits), _pa_limits)
