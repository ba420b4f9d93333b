"""What the register tells higher apps (layers.py: the register may not import them).

`contract_terminated` is sent inside the transaction that marks a contract terminated from a
published termination notice, with `contract`, `on`, `by` and `at`. Receivers return what they
opened (a review) or None; the feed counts what they return. An officer's correction that
terminates a contract sends it too (the same path as a published termination).

`contract_corrected` is sent inside the transaction of an officer's correction, its undoing or
a contract's return from retirement, with `contract`, `fields` (the model fields it set), `on`,
`by` and `at`: the reviews app screens the contract again and moves its open review to the new
decision point, as a screening run and the review opening would.
"""

from django.dispatch import Signal

contract_terminated = Signal()
contract_corrected = Signal()
