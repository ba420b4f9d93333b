"""Evidence uploads fuzzed: any bytes under any name are either accepted as one of the allowed
kinds or refused with EvidenceFileError (a message for the page), never another exception."""

from __future__ import annotations

from django.core.exceptions import SuspiciousFileOperation
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from insource.reviews.uploads import EvidenceFileError, check_evidence_file
from insource.testing.fuzzing import EXAMPLES
from insource.testing.uploads import KINDS
from insource.testing.uploads import docx as _docx
from insource.testing.uploads import upload as _upload
from insource.testing.uploads import xlsx as _xlsx

REAL = [make() for _name, make, *_ in KINDS] + [_docx(), _xlsx(), b"%PDF-1.7\n%%EOF\n"]
NAMES = st.sampled_from(["evidence.pdf", "plan.docx", "costs.xlsx", "photo.png", "x", ".docx"])


@st.composite
def mangled(draw):
    data = bytearray(draw(st.sampled_from(REAL)))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))
        chunk = draw(st.binary(min_size=1, max_size=16))
        if draw(st.booleans()):
            data[at : at + len(chunk)] = chunk
        else:
            del data[at:]
    return bytes(data)


@settings(max_examples=EXAMPLES * 4, derandomize=True)
@given(data=mangled() | st.binary(max_size=256), name=NAMES | st.text(max_size=40))
def test_any_upload_is_checked_or_refused_with_a_message(data, name):
    try:
        upload = _upload(name, data)
    except SuspiciousFileOperation:  # Django's upload handler never builds such a file
        assume(False)
    try:
        checked = check_evidence_file(upload)
    except EvidenceFileError as error:
        assert str(error)
    else:
        assert checked.size == len(data) and checked.kind
