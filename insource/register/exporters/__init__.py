"""Open data out of the register: OCDS release and record packages, and CSVs, all streamed.

`ocds` builds the packages, `csv` the tables, `queries` the read-only querysets they walk,
`schema` the offline validators the tests (and anyone checking an export) use.
"""
