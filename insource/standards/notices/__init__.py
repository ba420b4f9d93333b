"""Procurement Act 2023 notices drafted from the register (issue 19, ADR 0040): a pipeline
notice (UK1) for an authority, and contract details (UK7), contract performance (UK9), contract
change (UK10) and contract termination (UK11) notices for a contract. Each draft is an OCDS
release package with the Cabinet Office UK extension that validates against the shipped UK
profile schema, a readable form for officers to check, and the list of facts the register lacks
(never invented). Officers file the notice on the Central Digital Platform themselves."""
