"""Matching published buyer names to local authorities, with a confidence score.

Pure Python (no Django, no clock), by module (import the one you need; nothing is re-exported
here): `names` (the keys a name is matched by), `results` (the scores, `BuyerMatch`,
`Suggestion` and why), `matcher` (`BuyerMatcher`, the name stage), `dates` (which of the
authorities sharing a name existed on the award date, and successors), `suggestions` (the best
few an officer is offered). The pipeline, first hit wins:

0. initialism: a leading initialism from the shipped, cited list (`data/initialisms.csv`: RBKC,
   BHCC, BCP), alone (96) or before a department ('BHCC Housing', 90); one shared by several
   councils (LBH, WCC) is offered to an officer with each of them (70);
1. guard: names that read as another kind of body (NHS, police, fire, town and parish councils,
   national parks, schools, universities, housing companies...) never land on a council, unless
   the name is a council's name followed by one of its departments ('Leeds City Council Housing
   Services', 'Bristol CC - Waste Services': 90);
2. exact: an official or nice name, or a council's Welsh name (`data/welsh_names.csv`: 'Cyngor
   Caerdydd'), case and spacing ignored, 100; a short name published for several councils
   (`data/ambiguous_names.csv`: 'Newcastle', 'Richmond') is offered to an officer (70);
3. variant: a registered alternative name (alt-names and `lookup_name_to_registry.csv`), 98;
4. normalised: the core place name, without case, punctuation, '&'/'and', 'the' and council-type
   words (also 'CC', 'LB', 'RB'... and the Welsh 'Cyngor Sir', 'Cyngor Bwrdeistref Sirol'),
   of the whole name (95), of the name before a department qualifier (90), or of another
   part of it (80, needs confirmation). A name that names two councils needs confirmation (75);
5. fuzzy: rapidfuzz on the core name; accepted at ACCEPT_SCORE or more when the name reads like a
   council, otherwise returned as a candidate that needs confirmation (down to CANDIDATE_SCORE).

Date-aware: when several authorities share a name, the one that existed on the award date `on`
wins; `successor(code, on)` follows `replaced-by` to the authority that holds the contract on `on`.
"""
