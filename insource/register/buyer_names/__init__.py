"""Confirming which authority a published buyer name is: the officer's action (`views`), mounted
at /authorities/ in the `authorities` namespace it has always had (`urls`). The write is
`register/services/buyer_names.py`."""
