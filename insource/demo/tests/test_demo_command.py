"""The demo command prints the link where runserver listens, whatever form --addrport takes."""

import pytest

from insource.demo.management.commands.demo import served_at


@pytest.mark.parametrize(
    ("addrport", "url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000/"),
        ("8001", "http://127.0.0.1:8001/"),
        ("0.0.0.0:9000", "http://0.0.0.0:9000/"),
    ],
)
def test_the_link_printed_is_where_the_server_listens(addrport, url):
    assert served_at(addrport) == url
