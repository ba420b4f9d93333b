"""The parameters an appraisal reads, as in force on its date, each with its citation.

They live with the policy's parameters (insource/policy/parameters/appraisal/, and the VAT rate
in vat/), loaded by the policy's strict loader: one place for every dated, cited number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from insource.appraisal.engine.discounting import Band, parse_schedule
from insource.appraisal.engine.errors import AppraisalInputError, InputProblem
from insource.policy.errors import PolicyError
from insource.policy.params import Parameters

NAMES = (
    "appraisal.discount_rate",
    "appraisal.optimism_bias.upper",
    "appraisal.optimism_bias.lower",
    "appraisal.charitable_rate_relief",
    "appraisal.council_vat_refund",
    "vat.standard_rate",
    "appraisal.corporation_tax_rate",
)


@dataclass(frozen=True)
class AppraisalParameters:
    """Everything the engine reads besides the document."""

    on: date
    bands: tuple[Band, ...]
    optimism_upper: dict[str, float]
    optimism_lower: dict[str, float]
    charitable_relief: float
    vat_rate: float
    corporation_tax_rate: float
    reads: tuple[dict, ...]


def _by_category(name: str, items) -> dict[str, float]:
    try:
        return {k: float(v) for k, v in (str(i).split(":") for i in items)}
    except ValueError:
        raise AppraisalInputError(
            [InputProblem(name, f"{items!r} is not a list of CATEGORY:RATE", "fix the YAML file")]
        ) from None


def appraisal_parameters(on: date, parameters: Parameters | None = None) -> AppraisalParameters:
    """The parameters in force on `on` (overrides included when `parameters` carries them)."""
    parameters = parameters or Parameters()
    try:
        reads = {name: parameters.read(name, on) for name in NAMES}
    except PolicyError as error:
        raise AppraisalInputError([InputProblem("appraisal_on", str(error))]) from None
    value = {name: read.value for name, read in reads.items()}
    return AppraisalParameters(
        on=on,
        bands=parse_schedule(value["appraisal.discount_rate"]),
        optimism_upper=_by_category(NAMES[1], value[NAMES[1]]),
        optimism_lower=_by_category(NAMES[2], value[NAMES[2]]),
        charitable_relief=float(value["appraisal.charitable_rate_relief"]),
        vat_rate=float(value["vat.standard_rate"]),
        corporation_tax_rate=float(value["appraisal.corporation_tax_rate"]),
        reads=tuple(_cited(read) for read in reads.values()),
    )


def _cited(read) -> dict:
    value = list(read.value) if isinstance(read.value, tuple) else read.value
    return {
        "name": read.name,
        "value": str(value) if not isinstance(value, list) else value,
        "from": read.start.isoformat(),
        "citation": read.citation,
    }
