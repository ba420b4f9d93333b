"""What the transparency app tells the apps above it (ADR 0027). Transparency never imports
them: an app that acts on its events connects a receiver in its `AppConfig.ready()`.

Each signal is sent with `send` (not `send_robust`) inside the transaction of the change, so
a receiver's work is part of it and a receiver's failure rolls the change back.
"""

from __future__ import annotations

from django.dispatch import Signal

# An information request was responded to (answered in full or in part, information not held,
# or refused): `request`, `event` (its `RequestEvent`), `at`. Sent by `request_record` for
# each such step. Alerts record "information request answered" news for published requests.
request_answered = Signal()
