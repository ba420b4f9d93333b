"""A NUL character in an address is refused with 400 before any view (and any query) runs."""


def test_nul_in_path_or_query_is_a_400(client, db):
    assert client.get("/reviews/A%00B/").status_code == 400
    assert client.get("/public/contracts/?q=a%00b").status_code == 400
    assert client.get("/public/contracts/?q=ab").status_code == 200
