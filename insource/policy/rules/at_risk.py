"""Step 2, the at-risk assessment (SEED: Labour 2019 'at risk' guidelines).

Legal basis: the founding policy's guidance that services involving significant contact with
people at risk, the exercise of coercive powers, or a risk to people's rights are brought in
house; the precautionary treatment of an incomplete assessment is our DESIGN choice.
"""

from insource.policy.rules.base import rule
from insource.policy.tri import Finding, any3

LIMBS = (
    (
        "at_risk.significant_contact",
        "the service involves significant contact with people at risk",
        "it involves no significant contact with people at risk",
    ),
    (
        "at_risk.coercive_powers",
        "the service involves the exercise of coercive powers",
        "it involves no coercive powers",
    ),
    (
        "at_risk.rights_risk",
        "the service poses a risk to people's rights",
        "it poses no risk to people's rights",
    ),
)

NOTES = {
    True: "at risk",
    False: "not at risk",
    None: "treated as at risk until the assessment is complete",
}


@rule(
    "at_risk.assessment",
    "At-risk assessment",
    "Labour 2019 'at risk' guidelines (SEED)",
    "Any limb true -> at risk; all three false -> not at risk; otherwise (none true, some "
    "unknown) -> treated as at risk, and the decision is incomplete until the limbs are known",
)
def assessment(ctx) -> Finding:
    values = {path: ctx.fact(path) for path, _, _ in LIMBS}
    found = Finding(any3(values.values()))
    for path, text, neg in LIMBS:
        bucket = {True: found.held, False: found.failed, None: found.unknown}[values[path]]
        bucket.append(neg if values[path] is False else text)
    if found.value is not True:
        found.missing = [p for p, v in values.items() if v is None]
    found.data["precautionary"] = found.value is None
    found.note = NOTES[found.value]
    return found
