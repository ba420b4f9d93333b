"""Read-only queries over the register, by area (import the module you need; nothing is
re-exported here): `contracts` (the register list, one contract, what an officer may do with it,
the public authority list), `pipeline` (what reaches a decision point when, the home page's
figures, `add_months`), `buyer_names` (the confirmation queue and who may confirm a name).

Selectors never read the clock: whatever depends on the date takes `on: date`, which the calling
view or command reads once. They return querysets shaped for the pages (related rows joined,
only the columns shown), so a page of 50 costs a fixed handful of queries at any register size.
"""
