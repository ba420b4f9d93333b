"""What the register tells higher apps (layers.py: the register may not import them).

`contract_terminated` is sent inside the transaction that marks a contract terminated from a
published termination notice, with `contract`, `on`, `by` and `at`. Receivers return what they
opened (a review) or None; the feed counts what they return.
"""

from django.dispatch import Signal

contract_terminated = Signal()
