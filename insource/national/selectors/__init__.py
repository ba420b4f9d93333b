"""Reads of the national view (ADR 0044), by area (import the module you need; nothing is
re-exported here): `view` (one service across every adopting authority: reviews, decisions by
kind, services brought home, unit costs), `like_us` (the councils most like an authority and
their decisions), `open_data` (the KPI ratings and the KPI assessments as open data). Public
facts only; the date is an argument; every query runs here, before a page renders."""
