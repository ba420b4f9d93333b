"""What the reviews app tells the apps above it (ADR 0027). Reviews never imports them: an app
that acts on a review's events connects a receiver in its `AppConfig.ready()`.

Each signal is sent with `send` (not `send_robust`) inside the transaction of the change, so
a receiver's work is part of it and a receiver's failure rolls the change back.
"""

from __future__ import annotations

from django.dispatch import Signal

# A decision was signed (or a correction of one): `decision`, `by`, `at`. Sent by
# `decision_sign` once the decision is stored, its review moved and the signing audited.
# Transition makes the plan for a decision that brings the service home.
decision_signed = Signal()
