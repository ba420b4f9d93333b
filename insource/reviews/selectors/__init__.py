"""Read-only queries of the reviews app, by area (import the module you need; nothing is
re-exported here): `reviews` (reviews, evidence, decisions and publications: every query takes the
authority), `screenings` (the latest screenings and the pipeline with its screening and review
columns), `screening_bulk` (the bulk reads `contracts_screen` runs on). Dates are arguments:
selectors never read the clock."""
