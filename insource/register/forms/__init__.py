"""Forms of the officer's register pages, by page (import the module you need; nothing is
re-exported here): `fields` (the GOV.UK date input and the shared choices), `correction`
(correcting a field, retiring a duplicate), `adding` (a contract by hand). Forms only parse what
was typed: the services decide."""
