"""The options appraisal's panel in the decision pack (registered in `AppraisalConfig.ready()`;
see `insource.core.panels`): the in-house comparator the signed decision relied on."""

from __future__ import annotations

from insource.appraisal.presenters import appraisal_for_pack
from insource.core import panels


def pack_section(*, decision, for_pdf: bool) -> dict | None:
    """The run the decision relied on, with criterion T4 as the trace has it (None: no run)."""
    appraisal = appraisal_for_pack(decision)
    if appraisal is None:
        return None
    return {"appraisal": appraisal, "decision": decision, "for_pdf": for_pdf}


def register_panels() -> None:
    panels.register(
        "decision.pack",
        name="appraisal.pack",
        template="appraisal/includes/pack_section.html",
        context=pack_section,
        order=10,
    )
