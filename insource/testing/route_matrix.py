"""The role × route matrix: one row per URL pattern of the project, saying who may do what.

`test_route_matrix.py` enumerates every URL pattern from the resolver and fails naming each
route without a row here (and each row without a route); then it tries every row's GET and
POST as anonymous, a signed-in user with no membership, every Role of the authority that owns
the objects ("own"), every Role of another authority, and a site administrator (a superuser
with no membership), and checks each answer against the row.

Adding a row
------------
Key: the pattern's name with its namespaces (`"reviews:topic"`), or, for an unnamed pattern,
its full route string as the resolver joins it (`"api/^"`). Value: a `Row`:

    "reviews:topic": Row(C.READ, C.EDIT_REVIEW, args=lambda w: [w.code, w.review.pk, "capacity"]),

- `get`, `post`: the rule for that method, one of
    - a `Capability` (`C.EDIT_REVIEW`): own-authority roles carrying it are allowed, other
      roles get 403; another authority's people, the no-membership user and the site
      administrator get 404 (the object's existence is not revealed); anonymous visitors are
      sent to sign in;
    - `PUBLIC`: everyone is allowed, signed in or not;
    - `SIGNED_IN`: every signed-in user is allowed (with or without a membership); anonymous
      visitors are sent to sign in;
    - `STAFF`: Django's admin: the site administrator is allowed; everyone else, signed in or
      not, is sent to the admin's sign-in page;
    - `GONE`: 404 for everyone;
    - `GET_ONLY` (for `post` only): the page does not write: a POST gets the GET rule's
      answer, or 405;
    - `POST_ONLY` (for `get` only): the route only takes POST: a GET gets 405, or the 403 or
      404 its POST rule gives, or (anonymous) the sign-in page when its POST rule says so;
    - `NOT_ALLOWED`: 405 for everyone;
    - a `Rule(...)` spelling out each population's outcome, for the odd route.
  "Allowed" means the view does its work: 200, 302 or 400 (a form error; posts are empty
  unless `data` is given), plus any status in `also`.
- `args`: a function of the world (`route_world.World`: `w.code`, `w.review`, `w.decision`,
  `w.evidence`, `w.request`...) returning the `reverse()` arguments; `url` instead returns the
  whole path (unnamed routes).
- `data`: a function of the world returning the POST data (default: empty).
- `token`: the route authenticates with the internal API's token, not the session.
- `excluded="because ..."`: the row is listed but not tried; say why in plain words.

Outcomes: `None` = allowed; an int = that status; `SIGN_IN` = a redirect to /sign-in/;
`ADMIN_SIGN_IN` = a redirect to the admin's sign-in page; `API_SIGN_IN` = 401 or 403 (DRF).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from insource.authorities.roles import Capability as C
from insource.core.models import JobRun
from insource.oversight.models import AuditRecommendation, AuditReport
from insource.oversight.reports import report_content
from insource.places.models import Place
from insource.register.feeds.pull import feed_source
from insource.register.models import FeedPull
from insource.testing.factories import SupplierFactory
from insource.transition.models import Milestone
from insource.transition.selectors import transition_plan_for_review

SIGN_IN = "sign-in"
ADMIN_SIGN_IN = "admin-sign-in"
API_SIGN_IN = "api-sign-in"


@dataclass(frozen=True)
class Rule:
    """Each population's outcome. `own` is a Capability (own roles with it allowed, others
    403), True (every own role allowed) or an outcome for every own role."""

    own: object = True
    other: object = 404
    no_membership: object = 404
    anonymous: object = SIGN_IN
    site_admin: object = 404


PUBLIC = Rule(own=True, other=None, no_membership=None, anonymous=None, site_admin=None)
SIGNED_IN = Rule(own=True, other=None, no_membership=None, site_admin=None)
STAFF = Rule(
    own=ADMIN_SIGN_IN,
    other=ADMIN_SIGN_IN,
    no_membership=ADMIN_SIGN_IN,
    anonymous=ADMIN_SIGN_IN,
    site_admin=None,
)
# The site's administrators only (superusers): the work of the whole service (ADR 0054).
SITE_ADMIN = Rule(own=403, other=403, no_membership=403, site_admin=None)
GONE = Rule(own=404, other=404, no_membership=404, anonymous=404, site_admin=404)
NOT_ALLOWED = Rule(own=405, other=405, no_membership=405, anonymous=405, site_admin=405)
GET_ONLY = "get-only"
POST_ONLY = "post-only"


@dataclass(frozen=True)
class Row:
    get: object = None
    post: object = None
    args: Callable | None = None
    url: Callable | None = None
    data: Callable | None = None
    token: bool = False
    also: tuple = ()
    excluded: str = ""


def _code(w):
    return [w.code]


def _upload(w):
    return [w.code, w.upload.token]


def _feed_pull(w):
    """A finished pull of the national feed."""
    source = feed_source("find-a-tender")
    at = datetime(2026, 10, 1, 6, 0, tzinfo=UTC)
    return [FeedPull.objects.create(source=source, started_at=at, by="cron", status="succeeded").pk]


def _job(w):
    """A finished background job (an alert run)."""
    at = datetime(2026, 10, 1, 6, 0, tzinfo=UTC)
    job = JobRun.objects.create(kind="alerts-digest", queue="alerts", by="cron", at=at)
    return [job.pk]


def _review(w):
    return [w.code, w.review.pk]


def _signed(w):
    return [w.code, w.signed.review_id]


def _kept(w):
    return [w.code, w.kept.pk]


def _recommendation(w):
    """A recommendation of the committee to the authority (made when the row is built)."""
    owner = w.people[next(iter(w.people))]
    made = AuditRecommendation.objects.create(
        authority=w.own,
        made_on=date(2026, 10, 1),
        text="Clear the backlog",
        owner="Head of waste",
        due_on=date(2027, 3, 31),
        recorded_by=owner,
        recorded_at=datetime(2026, 10, 1, 9, 0, tzinfo=UTC),
    )
    return [w.code, made.pk]


def _audit_report(w):
    """A published quarterly report of the authority."""
    owner = w.people[next(iter(w.people))]
    report, _created = AuditReport.objects.get_or_create(
        authority=w.own,
        quarter="2026-Q2",
        defaults={
            "content": report_content(w.own, "2026-Q2", on=date(2026, 11, 23)),
            "published_by": owner,
            "published_at": datetime(2026, 7, 1, 9, 0, tzinfo=UTC),
        },
    )
    return [report.pk]


def _supplier(w):
    """The kept contract's supplier's identity (one is added when it has none)."""
    supplier = w.kept.suppliers.first() or SupplierFactory(name="Route Matrix Ltd")
    w.kept.suppliers.add(supplier)
    return [f"s{supplier.pk}"]


def _appraisal(w):
    return [w.code, w.review.pk]


def _run(w):
    return [w.code, w.review.pk, w.run.pk]


def _plan(w):
    """The transition plan the signed in-house decision made (`w.signed`)."""
    return [w.code, transition_plan_for_review(w.signed.review).pk]


def _milestone(w):
    code, pk = _plan(w)

    return [code, pk, Milestone.objects.filter(plan_id=pk).order_by("pk").first().pk]


def _request(w):
    return [w.code, w.request.reference]


def _referral(w):
    return [w.code, w.referral.pk]


def _place(w):
    """A saved place made by the authority (made when the row is built)."""
    place, _created = Place.objects.get_or_create(
        slug="route-matrix-place",
        defaults={
            "name": "Route matrix place",
            "kind": "custom",
            "key": w.code,
            "area_codes": [w.code],
            "made_by_authority": w.own,
            "made_by": "route matrix",
            "made_at": datetime(2026, 10, 1, 9, 0, tzinfo=UTC),
        },
    )
    return [place.slug]


ROUTES: dict[str, Row] = {
    # Legal support referrals (issue 19): the team's queue spans its authorities ------------
    "legal:queue": Row(SIGNED_IN, GET_ONLY),
    "legal:authority": Row(C.READ, GET_ONLY, args=_code),
    "legal:refer": Row(C.REFER_TO_LEGAL, C.REFER_TO_LEGAL, args=_kept),
    "legal:referral": Row(C.READ, GET_ONLY, args=_referral),
    # An empty POST names no version: refused with a message, the referral unchanged.
    "legal:accept": Row(POST_ONLY, C.ADVISE_ON_REFERRAL, args=_referral),
    "legal:advise": Row(C.ADVISE_ON_REFERRAL, C.ADVISE_ON_REFERRAL, args=_referral),
    "legal:outcome": Row(C.REFER_TO_LEGAL, C.REFER_TO_LEGAL, args=_referral),
    "legal:document": Row(
        C.READ_EVIDENCE, GET_ONLY, args=lambda w: [w.code, w.referral.pk, w.referral_document.pk]
    ),
    # Places (Total Place, issue 20): officers make them, anyone reads them --------------------
    "places:authority": Row(C.READ, GET_ONLY, args=_code),
    "places:new": Row(C.MAKE_PLACES, C.MAKE_PLACES, args=_code),
    "places-public:list": Row(PUBLIC, GET_ONLY),
    "places-public:place": Row(PUBLIC, GET_ONLY, args=_place),
    "places-public:csv": Row(PUBLIC, GET_ONLY, args=_place),
    # Home and signing in ---------------------------------------------------------------------
    "home": Row(PUBLIC, GET_ONLY),
    # The background jobs (ADR 0054): POST queues a daily run; an empty POST names none (400).
    "jobs": Row(SITE_ADMIN, SITE_ADMIN),
    "job": Row(SITE_ADMIN, GET_ONLY, args=_job),
    "job-progress": Row(SITE_ADMIN, GET_ONLY, args=_job),
    "login": Row(PUBLIC, PUBLIC),
    "otp-verify": Row(SIGNED_IN, SIGNED_IN),
    "otp-enrol": Row(SIGNED_IN, SIGNED_IN),
    "logout": Row(NOT_ALLOWED, PUBLIC),
    "set-language": Row(PUBLIC, PUBLIC, data=lambda w: {"language": "cy", "next": "/"}),
    # The register (every signed-in officer reads the whole register) --------------------------
    "register:contract-list": Row(SIGNED_IN, GET_ONLY),
    "register:contract-detail": Row(SIGNED_IN, GET_ONLY, args=lambda w: [w.kept.pk]),
    "register:pipeline": Row(SIGNED_IN, GET_ONLY),
    "register:pipeline-csv": Row(SIGNED_IN, GET_ONLY),
    "register:pipeline-xlsx": Row(SIGNED_IN, GET_ONLY),
    "register:queue": Row(SIGNED_IN, GET_ONLY),
    # An officer's hands on the register: the authority's own contracts only.
    "register:contract-correct": Row(
        C.EDIT_REGISTER, C.EDIT_REGISTER, args=lambda w: [w.code, w.kept.pk, "end_on"]
    ),
    "register:contract-retire": Row(C.EDIT_REGISTER, C.EDIT_REGISTER, args=_kept),
    # Undoing a correction the contract does not have, or returning a contract that is not
    # retired, sends the officer back to the contract (302): allowed.
    "register:contract-correction-undo": Row(
        C.EDIT_REGISTER, C.EDIT_REGISTER, args=lambda w: [w.code, w.kept.pk, "end_on"]
    ),
    "register:contract-unretire": Row(C.EDIT_REGISTER, C.EDIT_REGISTER, args=_kept),
    # The national feeds' pulls: site administrators only (the feeds serve every authority).
    # POST queues a pull (ADR 0054): an empty POST names no feed (400).
    "register:feed-pulls": Row(SITE_ADMIN, SITE_ADMIN),
    "register:feed-pull-progress": Row(SITE_ADMIN, GET_ONLY, args=_feed_pull),
    "register:contract-add": Row(C.EDIT_REGISTER, C.EDIT_REGISTER, args=_code),
    # With no answers in the session, the check page sends the officer back to the form.
    "register:contract-add-check": Row(C.EDIT_REGISTER, C.EDIT_REGISTER, args=_code),
    # Uploading the authority's own register (ADR 0032): its register editors only.
    "register:upload": Row(C.EDIT_REGISTER, C.EDIT_REGISTER, args=_code),
    "register:upload-history": Row(C.EDIT_REGISTER, GET_ONLY, args=_code),
    "register:upload-columns": Row(C.EDIT_REGISTER, C.EDIT_REGISTER, args=_upload),
    # POST starts the import (once: later POSTs only show its progress).
    "register:upload-check": Row(C.EDIT_REGISTER, C.EDIT_REGISTER, args=_upload),
    "register:upload-progress": Row(C.EDIT_REGISTER, GET_ONLY, args=_upload),
    "register:upload-progress-json": Row(C.EDIT_REGISTER, GET_ONLY, args=_upload),
    "register:upload-report": Row(C.EDIT_REGISTER, GET_ONLY, args=_upload),
    "authorities:buyer-name-confirm": Row(
        POST_ONLY,
        # Unmatched name (nobody holds it) pointed at `own`: its administrators, or a site
        # administrator; everyone else is refused (403: the name itself is not secret).
        Rule(own=C.CONFIRM_BUYER_NAMES, other=403, no_membership=403, site_admin=None),
        args=lambda w: [w.buyer_name.pk],
        data=lambda w: {"authority": w.code},
    ),
    # Reviews ---------------------------------------------------------------------------------
    "reviews:mine": Row(SIGNED_IN, GET_ONLY),
    "reviews:authority": Row(C.READ, GET_ONLY, args=_code),
    "reviews:adopt": Row(C.READ, C.ADOPT_POLICY, args=_code),
    "reviews:open": Row(POST_ONLY, C.OPEN_REVIEW, args=lambda w: [w.code, w.kept.pk]),
    "reviews:review": Row(C.READ, GET_ONLY, args=_review),
    "reviews:topic": Row(C.READ, C.EDIT_REVIEW, args=lambda w: [w.code, w.review.pk, "capacity"]),
    "reviews:evidence-upload": Row(
        POST_ONLY, C.EDIT_REVIEW, args=lambda w: [w.code, w.review.pk, "capacity"]
    ),
    "reviews:evidence-download": Row(
        C.READ_EVIDENCE, GET_ONLY, args=lambda w: [w.code, w.review.pk, w.evidence.pk]
    ),
    "reviews:comment": Row(POST_ONLY, C.COMMENT, args=_review),
    "reviews:history": Row(C.READ, GET_ONLY, args=_review),
    # A review signed and not yet published (`w.signed`): its decision may be published.
    "reviews:submit": Row(C.SUBMIT_FOR_DECISION, C.SUBMIT_FOR_DECISION, args=_signed),
    "reviews:sign": Row(C.SIGN_DECISION, C.SIGN_DECISION, args=_signed),
    "reviews:publish": Row(C.PUBLISH_DECISION, C.PUBLISH_DECISION, args=_signed),
    # Making the pack's PDF again when the worker could not (ADR 0054); otherwise back (302).
    "reviews:pack-remake": Row(POST_ONLY, C.PUBLISH_DECISION, args=_signed),
    "reviews:return": Row(C.SIGN_DECISION, C.SIGN_DECISION, args=_signed),
    "reviews:advice": Row(C.ADVISE_ON_DEPARTURE, C.ADVISE_ON_DEPARTURE, args=_signed),
    # A say before the decision (ADR 0036): `w.window` is open on `w.review`, with `w.comment`
    # confirmed. Opening again is refused with a message (302); the empty forms are 400.
    "reviews:say": Row(C.READ, GET_ONLY, args=_review),
    "reviews:say-open": Row(POST_ONLY, C.MODERATE_COMMENTS, args=_review),
    "reviews:say-considered": Row(C.MODERATE_COMMENTS, C.MODERATE_COMMENTS, args=_review),
    "reviews:say-moderate": Row(
        C.MODERATE_COMMENTS,
        C.MODERATE_COMMENTS,
        args=lambda w: [w.code, w.review.pk, w.comment.pk],
    ),
    "public:comments": Row(PUBLIC, GET_ONLY),
    "public:comments-draft": Row(PUBLIC, PUBLIC, args=lambda w: [w.window.pk]),
    "public:comments-sent": Row(PUBLIC, GET_ONLY, args=lambda w: [w.window.pk]),
    "public:comment-confirm": Row(PUBLIC, PUBLIC, args=lambda w: [w.comment_token]),
    # Published decisions -------------------------------------------------------------------
    "public:adoptions": Row(PUBLIC, GET_ONLY),
    "supplier": Row(PUBLIC, GET_ONLY, args=_supplier),
    "public:decision": Row(PUBLIC, GET_ONLY, args=lambda w: [w.decision.pk]),
    "public:decision-pdf": Row(PUBLIC, GET_ONLY, args=lambda w: [w.decision.pk]),
    "public:decision-trace": Row(PUBLIC, GET_ONLY, args=lambda w: [w.decision.pk]),
    "public:decision-check": Row(PUBLIC, GET_ONLY, args=lambda w: [w.decision.pk]),
    # The decision kept outsourced has no appraisal: its CSV is not found, for everyone.
    "appraisal-public:decision-csv": Row(GONE, GET_ONLY, args=lambda w: [w.decision.pk]),
    # Minimum standards and the model contract -------------------------------------------------
    "standards:mine": Row(SIGNED_IN, GET_ONLY),
    "standards:authority": Row(C.READ, GET_ONLY, args=_code),
    "oversight:audit": Row(C.READ_AUDIT, GET_ONLY, args=_code),
    "oversight:report": Row(C.READ_AUDIT, C.RECORD_AUDIT, args=lambda w: [w.code, "2026-Q3"]),
    "oversight:report-draft-pdf": Row(
        C.READ_AUDIT, C.READ_AUDIT, args=lambda w: [w.code, "2026-Q3"]
    ),
    "oversight:report-pdf-progress": Row(
        C.READ_AUDIT, GET_ONLY, args=lambda w: [w.code, "2026-Q3"]
    ),
    "oversight:recommendations": Row(
        C.READ_AUDIT,
        C.RECORD_AUDIT,
        args=_code,
        data=lambda w: {
            "text": "Clear the backlog",
            "owner": "Head of waste",
            "due_on_0": "31",
            "due_on_1": "3",
            "due_on_2": "2027",
        },
    ),
    "oversight:recommendation": Row(
        C.RESPOND_TO_AUDIT,
        C.RESPOND_TO_AUDIT,
        args=_recommendation,
        data=lambda w: {"status": "accepted", "response": "Agreed"},
    ),
    "audit-report": Row(PUBLIC, GET_ONLY, args=_audit_report),
    "standards:contract": Row(C.READ, GET_ONLY, args=_kept),
    "standards:record": Row(C.MANAGE_CONTRACTS, C.MANAGE_CONTRACTS, args=_kept),
    "standards:payroll": Row(C.READ, C.MANAGE_CONTRACTS, args=_kept),
    "standards:payroll-return": Row(C.READ, GET_ONLY, args=lambda w: [w.code, w.payroll.pk]),
    "standards:pipeline-notice": Row(C.READ, GET_ONLY, args=_code),
    "standards:notices": Row(C.READ, GET_ONLY, args=_kept),
    "standards:notice": Row(C.READ, GET_ONLY, args=lambda w: [*_kept(w), "uk7"]),
    "standards:model-contract": Row(C.READ, C.GENERATE_MODEL_CONTRACT, args=_kept),
    # The latest generation's progress (ADR 0054): none yet is a 404 for everyone allowed.
    "standards:model-contract-progress": Row(
        Rule(own=C.READ, other=404, no_membership=404, site_admin=404),
        GET_ONLY,
        args=_kept,
        also=(404,),
    ),
    "standards:model-contract-verify": Row(
        C.READ, GET_ONLY, args=lambda w: [w.code, w.document.pk]
    ),
    "standards:model-contract-download": Row(
        C.READ, GET_ONLY, args=lambda w: [w.code, w.document.pk, "docx"]
    ),
    "standards:clauses": Row(C.READ, GET_ONLY, args=_code),
    "standards:clause-new": Row(C.EDIT_CLAUSES, C.EDIT_CLAUSES, args=_code),
    "standards:clause-version": Row(C.READ, GET_ONLY, args=lambda w: [w.code, w.clause_version.pk]),
    "standards:clause": Row(C.READ, C.EDIT_CLAUSES, args=lambda w: [w.code, "fair_wage"]),
    # The options appraisal -------------------------------------------------------------------
    "appraisal:page": Row(C.READ, GET_ONLY, args=_appraisal),
    "appraisal:start": Row(POST_ONLY, C.EDIT_REVIEW, args=_appraisal),
    # The forms are shown to every reader of the review (read-only roles see them too); only
    # editors may send them.
    "appraisal:settings": Row(C.READ, C.EDIT_REVIEW, args=_appraisal),
    "appraisal:load": Row(POST_ONLY, C.EDIT_REVIEW, args=_appraisal),
    "appraisal:run": Row(POST_ONLY, C.EDIT_REVIEW, args=_appraisal),
    "appraisal:line-add": Row(
        C.READ, C.EDIT_REVIEW, args=lambda w: [w.code, w.review.pk, "inhouse"]
    ),
    "appraisal:line-edit": Row(
        C.READ, C.EDIT_REVIEW, args=lambda w: [w.code, w.review.pk, w.line.pk]
    ),
    "appraisal:line-remove": Row(
        POST_ONLY, C.EDIT_REVIEW, args=lambda w: [w.code, w.review.pk, w.line.pk]
    ),
    "appraisal:run-detail": Row(C.READ, GET_ONLY, args=_run),
    "appraisal:run-csv": Row(C.READ, GET_ONLY, args=_run),
    "appraisal:run-json": Row(C.READ, GET_ONLY, args=_run),
    # Sharing work (issue 20, ADR 0045): `w.shared` is `w.appraisal` shared as a template. The
    # empty forms are 400; a withdrawal not confirmed sends the officer back (302).
    "sharing:authority": Row(C.READ, GET_ONLY, args=_code),
    "sharing:appraisal-publish": Row(C.PUBLISH_TEMPLATES, C.PUBLISH_TEMPLATES, args=_appraisal),
    "sharing:appraisal-reuse": Row(C.EDIT_REVIEW, C.EDIT_REVIEW, args=_appraisal),
    "sharing:clause-publish": Row(
        C.EDIT_CLAUSES, C.EDIT_CLAUSES, args=lambda w: [w.code, w.clause_version.pk]
    ),
    "sharing:clause-reuse": Row(C.EDIT_CLAUSES, C.EDIT_CLAUSES, args=_code),
    "sharing:withdraw": Row(POST_ONLY, C.PUBLISH_TEMPLATES, args=lambda w: [w.code, w.shared.pk]),
    "shared-work:library": Row(PUBLIC, GET_ONLY),
    "shared-work:library-csv": Row(PUBLIC, GET_ONLY),
    "shared-work:template": Row(PUBLIC, GET_ONLY, args=lambda w: [w.shared.pk]),
    # Community wealth ------------------------------------------------------------------------
    "wealth:mine": Row(SIGNED_IN, GET_ONLY),
    "wealth:authority": Row(C.READ, GET_ONLY, args=_code),
    "wealth:local-area": Row(C.READ, C.EDIT_LOCAL_AREA, args=_code),
    "wealth:contract": Row(C.READ, C.RECORD_COMMUNITY_WEALTH, args=_kept),
    # Bringing a service home: transition plans and in-house services --------------------------
    "transition:mine": Row(SIGNED_IN, GET_ONLY),
    "transition:plans": Row(C.READ_TRANSITION, GET_ONLY, args=_code),
    "transition:grades": Row(C.READ_WORKFORCE, C.MANAGE_WORKFORCE, args=_code),
    "transition:templates": Row(C.READ_TRANSITION, GET_ONLY, args=_code),
    "transition:template-edit": Row(
        C.MANAGE_TRANSITION, C.MANAGE_TRANSITION, args=lambda w: [w.code, "refuse"]
    ),
    "transition:plan": Row(C.READ_TRANSITION, GET_ONLY, args=_plan),
    "transition:transfer": Row(C.MANAGE_TRANSITION, C.MANAGE_TRANSITION, args=_plan),
    "transition:milestone-new": Row(C.MANAGE_TRANSITION, C.MANAGE_TRANSITION, args=_plan),
    "transition:milestone": Row(C.MANAGE_TRANSITION, C.MANAGE_TRANSITION, args=_milestone),
    # Every member reads the workforce page (aggregates); only HR imports a liability file.
    "transition:workforce": Row(C.READ_TRANSITION, C.MANAGE_WORKFORCE, args=_plan),
    "transition:consultation": Row(C.READ_TRANSITION, C.COMMENT_TRANSITION, args=_plan),
    "inhouse:mine": Row(SIGNED_IN, GET_ONLY),
    "inhouse:authority": Row(C.READ, GET_ONLY, args=_code),
    "inhouse:contract-kpis": Row(C.READ, GET_ONLY, args=_kept),
    "inhouse:go-live": Row(
        C.MANAGE_CONTRACTS, C.MANAGE_CONTRACTS, args=lambda w: [w.code, w.signed.pk]
    ),
    "inhouse:service": Row(C.READ, GET_ONLY, args=lambda w: [w.code, w.service.pk]),
    "inhouse:year": Row(
        C.MANAGE_CONTRACTS, C.MANAGE_CONTRACTS, args=lambda w: [w.code, w.service.pk]
    ),
    "inhouse:kpi-add": Row(
        C.MANAGE_CONTRACTS,
        C.MANAGE_CONTRACTS,
        args=lambda w: [w.code, "services", w.service.pk],
    ),
    "inhouse:kpi-rate": Row(
        C.MANAGE_CONTRACTS, C.MANAGE_CONTRACTS, args=lambda w: [w.code, w.kpi.pk]
    ),
    "brought-home:list": Row(PUBLIC, GET_ONLY),
    "brought-home:csv": Row(PUBLIC, GET_ONLY),
    "brought-home:service": Row(PUBLIC, GET_ONLY, args=lambda w: [w.service.pk]),
    "national:services": Row(PUBLIC, GET_ONLY),
    "national:service": Row(PUBLIC, GET_ONLY, args=lambda w: ["905"]),
    "national:service-csv": Row(PUBLIC, GET_ONLY, args=lambda w: ["905"]),
    "national:outcome-kpis-csv": Row(PUBLIC, GET_ONLY),
    "national:kpi-assessments-csv": Row(PUBLIC, GET_ONLY),
    "api-public:service-detail": Row(PUBLIC, NOT_ALLOWED, args=lambda w: ["905"]),
    "api-public:outcome-kpi-list": Row(PUBLIC, NOT_ALLOWED),
    "api-public:kpi-assessment-list": Row(PUBLIC, NOT_ALLOWED),
    "api-public:brought-home-list": Row(PUBLIC, NOT_ALLOWED),
    "api-public:brought-home-detail": Row(PUBLIC, NOT_ALLOWED, args=lambda w: [w.service.pk]),
    # The public portal -----------------------------------------------------------------------
    "portal:contracts": Row(PUBLIC, GET_ONLY),
    "robots": Row(PUBLIC, GET_ONLY),
    "sitemap": Row(PUBLIC, GET_ONLY),
    "sitemap-section": Row(PUBLIC, GET_ONLY, args=lambda w: ["decisions"]),
    "portal:contracts-csv": Row(PUBLIC, GET_ONLY),
    "portal:contracts-xlsx": Row(PUBLIC, GET_ONLY),
    "portal:contract": Row(PUBLIC, GET_ONLY, args=lambda w: [w.kept.pk]),
    "portal:authorities": Row(PUBLIC, GET_ONLY),
    "portal:open-data": Row(PUBLIC, GET_ONLY),
    "portal:authority-choices": Row(PUBLIC, GET_ONLY),
    "portal:authority": Row(PUBLIC, GET_ONLY, args=lambda w: [w.code.lower()]),
    "portal:authority-pipeline-csv": Row(PUBLIC, GET_ONLY, args=lambda w: [w.code.lower()]),
    "portal:authority-pipeline-xlsx": Row(PUBLIC, GET_ONLY, args=lambda w: [w.code.lower()]),
    # Information requests: the public side ----------------------------------------------------
    "requests:list": Row(PUBLIC, GET_ONLY),
    "requests:new": Row(PUBLIC, PUBLIC, url=lambda w: f"/public/requests/new/?authority={w.code}"),
    "requests:sent": Row(PUBLIC, GET_ONLY),
    "requests:confirm": Row(PUBLIC, GET_ONLY, args=lambda w: [w.confirm_token]),
    "requests:detail": Row(PUBLIC, GET_ONLY, args=lambda w: [w.request.reference]),
    "requests:document": Row(
        PUBLIC, GET_ONLY, args=lambda w: [w.request.reference, w.attachment.pk]
    ),
    "requests:private": Row(PUBLIC, PUBLIC, args=lambda w: [w.request.reference, w.private_token]),
    # Following (alerts, ADR 0037): public, no sign-in; a link's secret is its only key --------
    "alerts:sent": Row(PUBLIC, GET_ONLY),
    "alerts:confirm": Row(PUBLIC, PUBLIC, args=lambda w: [w.follow_token]),
    # One-click unsubscribe (RFC 8058): a POST with no session and no CSRF token.
    "alerts:stop": Row(PUBLIC, PUBLIC, args=lambda w: [w.follow_ref, w.follow_stop]),
    "alerts:follow": Row(PUBLIC, PUBLIC, args=lambda w: ["authority", w.own.public_slug]),
    "alerts:atom": Row(PUBLIC, GET_ONLY, args=lambda w: ["contract", w.kept.pk]),
    "alerts:calendar": Row(PUBLIC, GET_ONLY, args=lambda w: ["authority", w.own.public_slug]),
    # Information requests: officers ---------------------------------------------------------
    "requests:mine": Row(SIGNED_IN, GET_ONLY),
    "requests:queue": Row(C.READ, GET_ONLY, args=_code),
    "requests:officer": Row(C.READ, GET_ONLY, args=_request),
    "requests:officer-document": Row(
        C.READ, GET_ONLY, args=lambda w: [w.code, w.request.reference, w.attachment.pk]
    ),
    "requests:action": Row(
        C.ANSWER_REQUESTS,
        C.ANSWER_REQUESTS,
        args=lambda w: [w.code, w.request.reference, "acknowledge"],
    ),
    # The public API (read-only, no sign-in) ---------------------------------------------------
    "api-public:contract-list": Row(PUBLIC, NOT_ALLOWED),
    "api-public:contract-detail": Row(PUBLIC, NOT_ALLOWED, args=lambda w: [w.kept.pk]),
    "api-public:decision-list": Row(PUBLIC, NOT_ALLOWED),
    "api-public:decision-detail": Row(PUBLIC, NOT_ALLOWED, args=lambda w: [w.decision.pk]),
    "api-public:decision-verification": Row(PUBLIC, NOT_ALLOWED, args=lambda w: [w.decision.pk]),
    "api-public:authority-list": Row(PUBLIC, NOT_ALLOWED),
    "api-public:authority-detail": Row(PUBLIC, NOT_ALLOWED, args=_code),
    "api-public:request-list": Row(PUBLIC, NOT_ALLOWED),
    "api-public:request-detail": Row(PUBLIC, NOT_ALLOWED, args=lambda w: [w.request.reference]),
    "api-public:export-ocds-releases": Row(PUBLIC, NOT_ALLOWED),
    "api-public:export-ocds-records": Row(PUBLIC, NOT_ALLOWED),
    "api-public:export-contracts-csv": Row(PUBLIC, NOT_ALLOWED),
    "api-public:export-decisions-csv": Row(PUBLIC, NOT_ALLOWED),
    "api-public:schema": Row(PUBLIC, NOT_ALLOWED),
    "api-public:docs": Row(PUBLIC, NOT_ALLOWED),
    # The internal API (a token, scoped like the officer pages) ---------------------------------
    "api-v1:review-list": Row(
        Rule(own=C.READ, anonymous=API_SIGN_IN),
        GET_ONLY,
        args=_code,
        token=True,
    ),
    "api-v1:review-detail": Row(
        Rule(own=C.READ, anonymous=API_SIGN_IN),
        GET_ONLY,
        args=_review,
        token=True,
    ),
    "api/^": Row(GONE, GONE, url=lambda w: "/api/nothing-here/"),
}

# Django's admin: site administrators only (memberships, accounts, sign-in records).
_ADMIN_MODELS = [
    "auth/group",
    "auth/user",
    "axes/accessattempt",
    "axes/accesslog",
    "axes/accessfailurelog",
    "otp_totp/totpdevice",
    "authtoken/tokenproxy",
    "authorities/membership",
    "django_tasks_database/dbtaskresult",  # the task queue's results (ADR 0031)
]


def _admin_rows() -> dict[str, Row]:
    rows = {
        "admin:index": Row(STAFF, GET_ONLY),
        "admin:login": Row(PUBLIC, PUBLIC),
        "admin:logout": Row(PUBLIC, PUBLIC, also=(405,)),
        "admin:password_change": Row(STAFF, STAFF),
        "admin:password_change_done": Row(STAFF, GET_ONLY),
        "admin:autocomplete": Row(
            excluded="Django's own admin search: it refuses every request that names no "
            "registered autocomplete field, after the same site-administrator check"
        ),
        "admin:jsi18n": Row(STAFF, GET_ONLY),
        "admin:view_on_site": Row(STAFF, GET_ONLY, url=lambda w: f"/admin/r/4/{w.site_admin.pk}/"),
        "admin:app_list": Row(STAFF, GET_ONLY, url=lambda w: "/admin/authorities/"),
        "admin:otp_totp_totpdevice_config": Row(STAFF, GET_ONLY, args=lambda w: [w.device.pk]),
        "admin:otp_totp_totpdevice_qrcode": Row(STAFF, GET_ONLY, args=lambda w: [w.device.pk]),
        "admin:auth_user_password_change": Row(STAFF, STAFF, args=lambda w: [w.site_admin.pk]),
        "admin/(?P<url>.*)$": Row(STAFF, STAFF, url=lambda w: "/admin/nothing/"),
    }
    for model in _ADMIN_MODELS:
        name = model.replace("/", "_")
        some = f"/admin/{model}/1/"
        rows |= {
            f"admin:{name}_changelist": Row(STAFF, STAFF),
            f"admin:{name}_add": Row(STAFF, STAFF),
            f"admin:{name}_history": Row(STAFF, GET_ONLY, args=lambda w: ["1"]),
            f"admin:{name}_delete": Row(STAFF, STAFF, args=lambda w: ["1"]),
            f"admin:{name}_change": Row(STAFF, STAFF, args=lambda w: ["1"]),
            f"admin/{model}/<path:object_id>/": Row(STAFF, GET_ONLY, url=lambda w, some=some: some),
        }
    # Django's admin refuses some actions to site administrators too (adding sign-in records,
    # showing an authenticator's key, changing a membership in place) and answers 404 for an
    # object that is not there: for them, 403 and 404 count as the admin doing its work.
    return {
        key: row if key in ("admin:login", "admin:logout") else replace(row, also=(403, 404))
        for key, row in rows.items()
    }


ROUTES |= _admin_rows()
