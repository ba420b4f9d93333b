"""Evaluate the minimum standards MS1-MS13 (POLICY.md §4) for an outsourcing outcome."""

from __future__ import annotations

from insource.policy.rules import REGISTRY

IDS = {
    f"MS{n}": rid
    for rid in REGISTRY
    if rid.startswith("standards.ms")
    for n in [rid.split(".ms")[1].split("_")[0]]
}
ORDER = sorted(IDS, key=lambda k: int(k[2:]))


def mandatory_set(ctx) -> list[str]:
    mandatory = list(ctx.param("standards.mandatory"))
    if ctx.param("two_tier.commenced"):
        mandatory.append("MS8")
    return mandatory


def evaluate_standards(ctx, outsourcing: bool) -> tuple[dict, list[str]]:
    """Each standard's status and reason; not applicable when the service comes in house."""
    if not outsourcing:
        return {
            k: {
                "status": "not_applicable",
                "reason": "the service is not to be outsourced",
                "mandatory": False,
            }
            for k in ORDER
        }, []
    mandatory = mandatory_set(ctx)
    out = {}
    for key in ORDER:
        found = ctx.run(IDS[key], "4")
        out[key] = {
            "status": found.data["status"],
            "reason": found.data["reason"],
            "mandatory": key in mandatory,
        }
    return out, mandatory


def standards_missing(ctx, standards: dict, mandatory: list[str]) -> list[str]:
    """Unknown facts of mandatory standards, and the capacity elements when MS5 depends on them."""
    missing = [
        m
        for key in mandatory
        if standards[key]["status"] == "unknown"
        for m in ctx.findings[IDS[key]].missing
    ]
    ms5 = ctx.findings.get(IDS["MS5"])
    capacity = ctx.findings.get("track.capacity")
    if ms5 and ms5.data.get("capacity_sensitive") and capacity and capacity.value is None:
        missing += capacity.missing
    return missing
