"""Officer pages for the register, by area (import the module you need; nothing is re-exported
here): `contracts` (the list, a contract, what needs an officer), `editing` (correcting a field,
retiring a duplicate), `adding` (a contract the feeds never published). The expiry pipeline, with
its review columns, is in `reviews/pipeline/views.py`; how a contract is shown is `presenters.py`.

Views only parse the request, call one selector or service and present what it returns. The
reference date is read once, by the access decorator, and handed on as `page.on`.
"""
