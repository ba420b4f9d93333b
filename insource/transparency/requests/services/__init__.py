"""The information-request services. Callers import every one from here
(`from insource.transparency.requests import services`):

- `submission`: make a request (spam guard and rate limit in `spam`), confirm the email address;
- `steps`: `request_step`, which takes any step of the workflow table (`..workflow.STEPS`:
  acknowledge, clarification asked and received, answer, not held, withdrawal, referral to the
  Commissioner, advice, change of law, a document added); `named`: the thin named services;
- the steps with rules of their own: `extension` (extend), `responses` (refuse; what every
  response shares), `reviews` (internal review asked for and decided), `documents` (redaction;
  the files sent with a step);
- `contractor`: the part a contractor holds for the council forwarded to it, its reply or
  failure (an MS6 finding when late); `contractor_reminders`: its daily reminder and late flag;
- `reminders`: the officers' daily reminder; `emails`: what the requester and officers receive;
- `core`: the refusal error, the clock, and `request_record` (one history event and one audit
  event per step).
"""

from insource.transparency.requests.services.contractor import (
    contractor_breach_record,
    request_contractor_reply,
    request_forward,
)
from insource.transparency.requests.services.contractor_reminders import contractor_reminders
from insource.transparency.requests.services.core import (
    REQUESTER,
    RequestActionRefused,
    day_of,
    hide_identity,
    request_record,
    response_due,
)
from insource.transparency.requests.services.documents import AttachmentUpload, request_redact
from insource.transparency.requests.services.extension import request_extend
from insource.transparency.requests.services.named import (
    request_acknowledge,
    request_advice_record,
    request_answer,
    request_attachment_add,
    request_clarification_ask,
    request_clarification_received,
    request_not_held,
    request_refer,
    request_regime_change,
    request_withdraw,
)
from insource.transparency.requests.services.reminders import requests_remind
from insource.transparency.requests.services.responses import request_refuse
from insource.transparency.requests.services.reviews import (
    request_review_decide,
    request_review_request,
)
from insource.transparency.requests.services.spam import (
    SubmissionRefused,
    check_rate,
    check_spam,
    form_token_sign,
    ip_hash,
)
from insource.transparency.requests.services.steps import request_step
from insource.transparency.requests.services.submission import (
    RequestInvalid,
    Submitted,
    request_confirm,
    request_submit,
)

__all__ = [
    "REQUESTER",
    "AttachmentUpload",
    "RequestActionRefused",
    "RequestInvalid",
    "SubmissionRefused",
    "Submitted",
    "check_rate",
    "check_spam",
    "contractor_breach_record",
    "contractor_reminders",
    "day_of",
    "form_token_sign",
    "hide_identity",
    "ip_hash",
    "request_acknowledge",
    "request_advice_record",
    "request_answer",
    "request_attachment_add",
    "request_clarification_ask",
    "request_clarification_received",
    "request_confirm",
    "request_contractor_reply",
    "request_extend",
    "request_forward",
    "request_not_held",
    "request_record",
    "request_redact",
    "request_refer",
    "request_refuse",
    "request_regime_change",
    "request_review_decide",
    "request_review_request",
    "request_step",
    "request_submit",
    "request_withdraw",
    "requests_remind",
    "response_due",
]
