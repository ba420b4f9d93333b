"""Loading the cost lines from a file never answers 500: deeply nested, malformed or hostile
JSON is a form error in GOV.UK words, and nothing is changed (ADR 0016)."""

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insource.appraisal.models import Appraisal, CostLine
from insource.testing import appraisal as b
from insource.testing.fuzzing import FUZZ

pytestmark = pytest.mark.django_db

HOSTILE_FILES = {
    "nesting bomb": (b"[" * 100_000 + b"]" * 100_000, "nested more than 32 levels deep"),
    "nested inside the document": (
        json.dumps({"options": "X"}).replace('"X"', "[" * 2000 + "]" * 2000).encode(),
        "nested more than 32 levels deep",
    ),
    "NaN": (b'{"term_years": NaN}', "NaN is not a number JSON allows"),
    "1e400": (b'{"term_years": 1e400}', "1e400 is too large a number"),
    "5,000-digit integer": (b'{"term_years": ' + b"9" * 5000 + b"}", "over 1,000 digits long"),
    "999-digit integer": (b'{"term_years": ' + b"9" * 999 + b"}", "term_years"),
    "not UTF-8": ('{"title": "Caf\u00e9"}'.encode("cp1252"), "must be saved as UTF-8"),
    "truncated": (b'{"options": {"inhouse": ', "not valid JSON"),
    "an array": (b"[1, 2]", "must hold one JSON object"),
    "empty": (b"", "The submitted file is empty"),
}


@pytest.fixture
def setup(client, officer_login):
    authority, people, review = b.reviewed()
    officer_login(client, b.officer_of(people))
    base = f"/appraisal/{authority.code}/{review.pk}/"
    client.post(base + "start/")
    return client, review, base


def _load(client, review, base, content: bytes):
    upload = io.BytesIO(content)
    upload.name = "appraisal.json"
    version = Appraisal.objects.get(review=review).version
    return client.post(base + "load/", {"version": version, "file": upload})


@pytest.mark.parametrize("case", list(HOSTILE_FILES))
def test_hostile_file_is_a_form_error(setup, case):
    client, review, base = setup
    content, message = HOSTILE_FILES[case]
    response = _load(client, review, base, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CostLine.objects.exists()


def test_a_byte_order_mark_is_accepted(setup):
    client, review, base = setup
    response = _load(client, review, base, b"\xef\xbb\xbf" + json.dumps(b.sample()).encode())
    assert response.status_code == 302
    assert CostLine.objects.filter(appraisal__review=review).exists()


HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["", "1e308", "-1", "0001-01-01", "\x00", "x" * 3000]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    st.integers(min_value=1, max_value=40).map(lambda n: json.loads("[" * n + "]" * n)),
)


def _slots(node):
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        yield node, key
        if isinstance(value, dict | list):
            yield from _slots(value)


@st.composite
def broken_documents(draw):
    doc = b.sample()
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        slots = list(_slots(doc))
        container, key = slots[draw(st.integers(min_value=0, max_value=len(slots) - 1))]
        if isinstance(container, dict) and draw(st.booleans()):
            del container[key]
        else:
            container[key] = draw(HOSTILE)
    return doc


@FUZZ
@given(doc=broken_documents())
def test_broken_documents_never_answer_500(setup, doc):
    client, review, base = setup
    response = _load(client, review, base, json.dumps(doc).encode())
    assert response.status_code in (302, 400)
