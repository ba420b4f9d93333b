"""What the transition app tells the apps above it (ADR 0027). Transition never imports them:
an app that acts on a plan's events connects a receiver in its `AppConfig.ready()`.

Each signal is sent with `send` (not `send_robust`) inside the transaction of the change, so
a receiver's work is part of it and a receiver's failure rolls the change back.
"""

from __future__ import annotations

from django.dispatch import Signal

# A plan's go-live milestone was marked done: `plan`, `started_on` (the day it was done, or
# the transfer date if that is earlier), `by`, `at`. The in-house service starts.
plan_went_live = Signal()
