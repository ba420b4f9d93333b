"""One shared world for the route matrix: an authority ("own") with one person per role and
a real object behind every route, another authority with its own team, a signed-in user with
no membership and a site administrator. Everything is made through the services, as an
officer would make it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from insource.accounts.services import otp_device_ensure
from insource.alerts.models import TargetKind
from insource.alerts.selectors import Target
from insource.alerts.services import subscription_create
from insource.alerts.tokens import stop_token
from insource.authorities.models import Authority, BuyerName, Role
from insource.core.audit import Actor
from insource.legal.services import Upload, referral_make
from insource.register.uploads.services import upload_check, upload_stage
from insource.reviews.decisions.pack import pack_render
from insource.reviews.models import Review
from insource.reviews.services.decisions import decision_publish
from insource.reviews.services.editing import evidence_add
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.uploads import check_evidence_file, evidence_store
from insource.reviews.workflow.questions import BY_SLUG
from insource.sharing.services import appraisal_publish
from insource.standards.model_contract.models import ClauseVersion
from insource.standards.payroll.services import payroll_return_upload
from insource.testing import appraisal as builders
from insource.testing import say
from insource.testing.information_requests import OFFICER, confirmed, submit
from insource.testing.inhouse import kpi, live_service
from insource.testing.model_contract import continuing, generate
from insource.testing.workflow import (
    DECIDED_FACTS,
    NOW,
    TODAY,
    council,
    decided_review,
    refuse_contract,
    team,
)
from insource.transparency.requests import services as svc
from insource.transparency.requests.tokens import private_token

SYSTEM = Actor.system("tests")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PAYROLL_SAMPLE = "insource/standards/data/payroll-return-sample.csv"


@dataclass
class World:
    """What the route matrix's rows read to build their URLs (`w.code`, `w.review.pk`...)."""

    own: Authority
    other: Authority
    people: dict  # Role -> user of `own`
    strangers: dict  # Role -> user of `other`
    nobody: object  # signed in, no membership
    site_admin: object  # a Django superuser with no membership
    objects: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.own.code

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world() -> World:
    """The world (files are stored under the test's INSOURCE_EVIDENCE_DIR)."""
    own, people, kept, decision = continuing()
    other = council(name="Otherwhere Council")
    users = get_user_model().objects
    world = World(
        own=own,
        other=other,
        people=people,
        strangers=team(other),
        nobody=users.create_user("no-membership", "nobody@example.org", "x-password-1"),
        site_admin=users.create_superuser("site-admin", "admin@example.org", "x-password-2"),
    )
    objects = world.objects
    objects["device"] = otp_device_ensure(user=world.site_admin, by=SYSTEM, at=NOW)
    objects.update(kept=kept, decision=decision, document=generate(own, kept))
    objects["publication"] = _publish(decision, people)
    objects["payroll"] = _payroll(own, kept, people[Role.CONTRACT_MANAGER])
    objects["clause_version"] = _clause_version()
    review, appraisal, run, line = _appraised_review(own, people)
    objects.update(review=review, appraisal=appraisal, run=run, line=line)
    objects["shared"] = _shared(appraisal, people)
    objects["signed"] = _signed(own, people)
    objects.update(_in_house_service(own, people))
    objects["evidence"] = _evidence(review, people[Role.REVIEW_OFFICER])
    objects.update(say.window_with_comments(review, people[Role.REVIEW_OFFICER]))
    objects.update(_requests(own))
    objects.update(_follows(own))
    objects["upload"] = _register_upload(own, people[Role.REVIEW_OFFICER])
    objects.update(_referral(own, kept, people[Role.CONTRACT_MANAGER]))
    objects["buyer_name"] = BuyerName.objects.create(
        name="Unmatched Buyer Ltd", method="none", confidence=0, needs_confirmation=True
    )
    return world


def _register_upload(authority, officer):
    """A register file uploaded and checked, not yet imported."""
    by = Actor.for_user(officer)
    content = b"Reference,Title,End Date\nR-1,Grounds maintenance,31/03/2028\n"
    upload = upload_stage(
        authority=authority, name="register.csv", content=content, user=officer, by=by, at=NOW
    )
    columns = {"reference": "Reference", "title": "Title", "end": "End Date"}
    return upload_check(upload=upload, columns=columns, by=by, at=NOW, on=TODAY)


def _signed(authority, people):
    """A third contract's review, decided and signed, not yet published."""
    contract = refuse_contract(authority, title="Street cleansing")
    return decided_review(authority, people, contract)


def _in_house_service(authority, people) -> dict:
    """A fourth contract decided in house, its service gone live, with a KPI (the signed
    decision `w.signed` stays awaiting its go-live)."""
    live = decided_review(authority, people, refuse_contract(authority, title="Parks"))
    service = live_service(live)
    return {"service": service, "kpi": kpi(authority, service=service)}


def _publish(decision, people):
    legal = people[Role.LEGAL_OFFICER]
    html, pdf = pack_render(decision, publisher_name="Lee Legal", published_on=TODAY)
    return decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=pdf,
        on=TODAY,
        by=Actor.for_user(legal),
        at=NOW,
    )


def _payroll(authority, contract, manager):
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / PAYROLL_SAMPLE
    return payroll_return_upload(
        contract=contract,
        authority=authority,
        name="return.csv",
        content=path.read_bytes(),
        user=manager,
        by=Actor.for_user(manager),
        at=NOW,
    )


def _clause_version():
    return ClauseVersion.objects.filter(key="fair_wage").order_by("pk").first()


def _appraised_review(authority, people):
    """An open review of a second contract, with its appraisal loaded and run."""
    contract = refuse_contract(authority, title="Grounds maintenance")
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    officer = people[Role.REVIEW_OFFICER]
    for slug, values in DECIDED_FACTS.items():
        builders.answer(review, slug, values, officer)
    review.refresh_from_db()
    appraisal = builders.appraisal_with_sample(review, officer)
    run = builders.run(appraisal, officer, draws=200)
    review.refresh_from_db()
    return review, appraisal, run, appraisal.lines.order_by("pk").first()


def _shared(appraisal, people):
    """The appraisal shared as a template (the notes of its first line confirmed)."""
    officer = people[Role.REVIEW_OFFICER]
    return appraisal_publish(
        appraisal=appraisal,
        title="Grounds maintenance",
        confirmed={appraisal.lines.order_by("pk").first().pk},
        user=officer,
        on=TODAY,
        by=Actor.for_user(officer),
        at=NOW,
    )


def _evidence(review, officer):
    upload = SimpleUploadedFile("survey.pdf", PDF)
    checked = check_evidence_file(upload)
    review.refresh_from_db()
    return evidence_add(
        review=review,
        topic=BY_SLUG["capacity"],
        path="good_reasons.capacity.evidence",
        title="Survey",
        version=review.version,
        on=TODAY,
        by=SYSTEM,
        user=officer,
        at=NOW,
        stored=(evidence_store(checked, upload), checked),
    )


def _requests(authority) -> dict:
    """An answered request with a published document, and one waiting for its confirmation."""
    answered = confirmed(authority)
    svc.request_answer(
        request=answered,
        in_full=True,
        public_text="Here they are.",
        uploads=[svc.AttachmentUpload("KPI report", SimpleUploadedFile("kpi.pdf", PDF))],
        by=OFFICER,
        at=NOW,
    )
    waiting = submit(authority, email="waiting@example.net")
    return {
        "request": answered,
        "attachment": answered.attachments.order_by("pk").first(),
        "private_token": private_token(answered),
        "confirm_token": waiting.token,
    }


def _follows(authority) -> dict:
    """Two people following the authority, unconfirmed: one to confirm, one to unsubscribe."""
    target = Target(TargetKind.AUTHORITY, authority=authority)
    made = {
        name: subscription_create(
            target=target,
            email=f"{name}@example.net",
            frequency="daily",
            language="en-gb",
            ip="",
            at=NOW,
        )
        for name in ("confirm", "stop")
    }
    stop = made["stop"].subscription
    return {
        "follow_token": made["confirm"].token,
        "follow_ref": stop.ref,
        "follow_stop": stop_token(stop),
    }


def _referral(authority, contract, manager) -> dict:
    """A legal support referral about the continuing contract, with a document (issue 19)."""
    referral = referral_make(
        authority=authority,
        contract=contract,
        kind="dispute",
        question="May we withhold payment for missed collections?",
        uploads=[Upload("Default notice", SimpleUploadedFile("notice.pdf", PDF))],
        user=manager,
        by=Actor.for_user(manager),
        at=NOW,
        on=TODAY,
    )
    return {"referral": referral, "referral_document": referral.documents.get()}


def api_token(user) -> str:
    """The internal API's token of `user`."""
    from rest_framework.authtoken.models import Token

    return Token.objects.get_or_create(user=user)[0].key
