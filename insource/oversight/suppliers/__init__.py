"""A supplier's record across every authority in the register (issue 19): its contracts by
authority, terminations, changes, KPI ratings and performance failures, minimum standards
breaches and its published gender pay gap, under one identity across sources (company number,
charity number, Find a Tender identifiers). Aggregates only: a public page, and panels on the
public contract page and the review page (the incumbent's record beside the recommendation)."""
