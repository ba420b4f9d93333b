"""The contractor's information (issue 19, ADR 0039): the part of an information request that
concerns information a contractor holds for the council (FOIA s.3(2)(b)), forwarded to it from
the request page, on its contractual clock of 10 working days (MS6), with its reply or failure.
`models` (the forward), `clock` (its due date and status: pure), `selectors` (counts per
contract and per supplier). The services are with the request's other services
(`requests/services/contractor.py`)."""
