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

# Reviews were opened (one by an officer, or every due one by the daily job): `reviews` (a
# list), `on`, `at`. Sent by `review_open` and `reviews_open_due` in their transaction. Alerts
# record "review opened" news.
reviews_opened = Signal()

# A signed decision's pack was published: `publication`, `decision`, `at`. Sent by
# `decision_publish` once the publication is stored and audited. Alerts record the news.
decision_published = Signal()

# Reviews became late (unsigned at their decision point) and were noticed by the daily job:
# `reviews` (a list), `on`, `at`. Sent by `reviews_notify_late` once, like its emails.
reviews_late = Signal()

# A public comment window opened on a review's draft recommendation (ADR 0036): `window` (a
# `CommentWindow`: `opens_on`, `closes_on`, `review`, `authority`), `by`, `at`. Sent by
# `comment_window_open` in its transaction. For alerts, feeds and calendars.
comment_window_opened = Signal()

# A public comment window closed (ADR 0036): `window`, `at`. Sent once per window, by
# `comment_windows_close` (daily, `insource reviews close-comment-windows`) for every window
# whose last day has passed, and by `decision_sign` for its review's window if not yet sent.
comment_window_closed = Signal()
