"""Writes of the model contract, each atomic and audited: loading the shipped clause defaults,
saving a new version of a clause, generating a contract's model contract.

A clause is never changed: `clause_save` adds a version (who, when, why) after the library's
checks, or refuses with a message per field and saves nothing. `model_contract_generate`
refuses a contract without a signed decision that keeps it outsourced; otherwise it fills the
authority's current clauses from the contract, the decision and the parameters in force on the
decision date, and stores both files with the clause versions, the data and their checksums.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max

from insource.authorities.models import Authority
from insource.core.audit import Actor, audit_record
from insource.policy.outcomes import OUTCOMES
from insource.register.models import Contract
from insource.standards.model_contract import library, selectors
from insource.standards.model_contract.context import model_contract_data
from insource.standards.model_contract.document import ClauseRefused
from insource.standards.model_contract.generation import data_sha256, render_files, sha256
from insource.standards.model_contract.layout import layout_of
from insource.standards.model_contract.models import ClauseVersion, ModelContractDocument

SEED_ACTOR = Actor.system("model-contract-seed")


class ClauseInvalid(ValueError):
    """A clause version that cannot be saved: `problems` maps each field to its message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


class ModelContractRefused(ValueError):
    """The model contract cannot be generated for this contract: the message says why."""


def _next_number(*, authority, key: str) -> int:
    found = ClauseVersion.objects.filter(authority=authority, key=key).aggregate(n=Max("number"))
    return (found["n"] or 0) + 1


def _summary(version: ClauseVersion | None) -> dict | None:
    if version is None:
        return None
    return {
        "id": version.pk,
        "key": version.key,
        "number": version.number,
        "sha256": version.body_sha256,
    }


@transaction.atomic
def clause_library_seed(*, at: datetime, by: Actor = SEED_ACTOR) -> int:
    """Load the shipped national clauses: a new national version only for a clause whose
    shipped text differs from its latest national version. Idempotent; returns how many."""
    created = 0
    for text in library.shipped():
        latest = (
            ClauseVersion.objects.filter(authority__isnull=True, key=text.key)
            .order_by("-number")
            .first()
        )
        if latest is not None and _same(latest, text):
            continue
        version = _create(None, text, "Shipped national default", None, by.label, at)
        audit_record(
            by=by,
            at=at,
            action="standards.clause_seed",
            obj=version,
            before=_summary(latest),
            after=_summary(version),
        )
        created += 1
    return created


def _same(version: ClauseVersion, text: library.ClauseText) -> bool:
    return all(getattr(version, f) == getattr(text, f) for f in library.FIELDS)


def _create(authority, text, reason: str, user, by_name: str, at) -> ClauseVersion:
    return ClauseVersion.objects.create(
        authority=authority,
        number=_next_number(authority=authority, key=text.key),
        source=ClauseVersion.Source.SHIPPED
        if user is None and authority is None
        else ClauseVersion.Source.EDITED,
        body_sha256=text.sha256,
        reason=reason,
        created_by=user,
        created_by_name=by_name,
        created_at=at,
        **{f: getattr(text, f) for f in library.FIELDS},
    )


@transaction.atomic
def clause_save(
    *,
    authority: Authority,
    text: library.ClauseText,
    reason: str,
    user,
    by: Actor,
    at: datetime,
    is_new: bool = False,
) -> ClauseVersion:
    """Save a new version of one of the authority's clauses (its own version of a national one,
    or a new clause), after every check; refuses with `ClauseInvalid` and saves nothing."""
    Authority.objects.select_for_update().get(pk=authority.pk)
    current = selectors.clauses_current(authority=authority)
    before = next((c for c in current if c.key == text.key), None)
    problems = library.problems(text, current)
    if is_new and before is not None and "key" not in problems:
        problems["key"] = f"The library already has a clause “{text.key}”: edit that clause instead"
    if not reason.strip():
        problems["reason"] = "Enter why the clause is changed: the reason is kept with the version"
    if before is not None and not problems and _same(before, text):
        problems["body"] = f"This is the same as version {before.number}: nothing was saved"
    if problems:
        raise ClauseInvalid(problems)
    version = _create(
        authority, text, reason.strip(), user, user.get_full_name() or user.get_username(), at
    )
    audit_record(
        by=by,
        at=at,
        action="standards.clause_save",
        obj=version,
        authority=authority,
        before=_summary(before),
        after=_summary(version),
        reason=reason.strip(),
    )
    return version


def model_contract_check(*, authority: Authority, contract: Contract) -> None:
    """Refuse (ModelContractRefused) a contract no signed decision keeps outsourced."""
    _decision_or_refuse(authority, contract)


def _decision_or_refuse(authority, contract):
    decision = selectors.decision_outsourcing(authority=authority, contract=contract)
    if decision is not None:
        return decision
    latest = selectors.decision_in_force(authority=authority, contract=contract)
    reason = (
        "it has no signed decision yet."
        if latest is None
        else f"its decision in force says: {OUTCOMES.get(latest.outcome, latest.outcome)}"
    )
    raise ModelContractRefused(
        "The model contract is only for contracts that stay outsourced after a review, and "
        f"{reason} Generate it once a signed decision allows outsourcing to continue."
    )


def _store(*, authority, contract, decision, number, clauses, data, files, user, by_name, at):
    docx, pdf = files
    try:
        with transaction.atomic():
            return ModelContractDocument.objects.create(
                authority=authority,
                contract=contract,
                decision=decision,
                number=number,
                clause_versions=[_summary(c) for c in clauses],
                data=data,
                data_sha256=data_sha256(data),
                layout=layout_of(),
                docx=docx,
                docx_sha256=sha256(docx),
                pdf=pdf,
                pdf_sha256=sha256(pdf),
                generated_by=user,
                generated_by_name=by_name,
                generated_at=at,
            )
    except IntegrityError:
        raise ModelContractRefused(
            "Another version was generated at the same moment: try again"
        ) from None


def _render(clauses, data):
    try:
        return render_files(clauses, data)
    except ClauseRefused as error:
        raise ModelContractRefused(f"{error} Nothing was generated.") from None


@transaction.atomic
def model_contract_generate(
    *, authority: Authority, contract: Contract, user, by: Actor, at: datetime
) -> ModelContractDocument:
    """Generate and store the next version of the contract's model contract (Word and PDF)."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    decision = _decision_or_refuse(authority, contract)
    clause_library_seed(at=at)
    clauses = selectors.clauses_current(authority=authority)
    found = ModelContractDocument.objects.filter(contract=contract).aggregate(n=Max("number"))
    number = (found["n"] or 0) + 1
    by_name = (user.get_full_name() or user.get_username()) if user is not None else by.label
    data = model_contract_data(
        contract=contract, decision=decision, number=number, at=at, by_name=by_name
    )
    document = _store(
        authority=authority,
        contract=contract,
        decision=decision,
        number=number,
        clauses=clauses,
        data=data,
        files=_render(clauses, data),
        user=user,
        by_name=by_name,
        at=at,
    )
    audit_record(
        by=by,
        at=at,
        action="standards.model_contract_generate",
        obj=document,
        authority=authority,
        after={
            "number": number,
            "decision": decision.pk,
            "docx_sha256": document.docx_sha256,
            "pdf_sha256": document.pdf_sha256,
            "clause_versions": document.clause_versions,
        },
    )
    return document


def clause_text(version: ClauseVersion, **changes) -> library.ClauseText:
    """A version's content as a candidate, with `changes` applied (what an edit starts from)."""
    text = library.ClauseText(**{f: getattr(version, f) for f in library.FIELDS})
    return replace(text, **changes)
