"""A notice draft as an officer reads it before filing: what it says, in rows, from the same
package the download holds (so the readable form and the JSON cannot disagree)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from insource.standards.notices.drafts import NoticeDraft


@dataclass(frozen=True)
class Row:
    label: str
    value: str


def _day(text: str | None) -> str:
    if not text:
        return "–"
    return date_format(date.fromisoformat(text[:10]), "j F Y")


def _money(value: dict | None) -> str:
    if not value:
        return "–"
    if value.get("amountGross") is not None:
        return _("£%(v)s including VAT") % {"v": f"{value['amountGross']:,.0f}"}
    return _("£%(v)s") % {"v": f"{value['amount']:,.0f}"}


def contract_rows(draft: NoticeDraft) -> list[Row]:
    """The contract notice's facts, in the order the Central Digital Platform asks for them."""
    release = draft.package["releases"][0]
    item = release["contracts"][0]
    suppliers = [p["name"] for p in release["parties"] if "supplier" in p["roles"]]
    period = item.get("period", {})
    rows = [
        Row(_("Notice"), f"{draft.kind.title} ({draft.kind.notice_type})"),
        Row(_("Law"), draft.kind.citation),
        Row(_("Buyer"), release["buyer"]["name"]),
        Row(_("Suppliers"), "; ".join(suppliers) or "–"),
        Row(_("Value"), _money(item.get("value"))),
        Row(_("Starts"), _day(period.get("startDate"))),
        Row(_("Ends"), _day(period.get("endDate"))),
    ]
    if metrics := item.get("agreedMetrics"):
        rows.append(Row(_("Key performance indicators"), "; ".join(m["title"] for m in metrics)))
    for metric in item.get("implementation", {}).get("metrics", []):
        seen = metric["observations"][0]
        rows.append(
            Row(
                metric["title"],
                f"{seen['measure']}: {seen['measureClassification']['description']}",
            )
        )
    for amendment in item.get("amendments", []):
        rows.append(Row(_("Change"), amendment["description"]))
        rows.append(Row(_("Why it changed"), amendment.get("rationale", "–")))
    if item.get("status") == "terminated":
        rows.append(Row(_("Terminated on"), _day(item.get("implementation", {}).get("endDate"))))
        reasons = [c["id"] for c in item.get("terminationRationaleClassifications", [])]
        rows.append(Row(_("Why"), item.get("statusDetails") or ", ".join(reasons) or "–"))
    return rows


def pipeline_rows(draft: NoticeDraft) -> list[Row]:
    """The pipeline notice's window, the spend test and what was left out."""
    facts = draft.pipeline
    return [
        Row(_("Notice"), f"{draft.kind.title} ({draft.kind.notice_type})"),
        Row(_("Law"), draft.kind.citation),
        Row(
            _("Window"),
            _("%(from)s to %(to)s")
            % {
                "from": date_format(facts.year_start, "j F Y"),
                "to": date_format(facts.until, "j F Y"),
            },
        ),
        Row(
            _("Spend this financial year (estimate from the register)"),
            _("£%(spend)s: a pipeline notice is required above £%(threshold)s")
            % {
                "spend": f"{facts.estimated_spend:,.0f}",
                "threshold": f"{facts.spend_threshold:,.0f}",
            },
        ),
        Row(_("Contracts listed"), str(len(facts.entries))),
        Row(_("Left out: decided to bring in house"), str(facts.brought_home)),
        Row(_("Left out: no value in the register"), str(facts.unvalued)),
    ]
