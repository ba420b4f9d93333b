"""Monitoring continuing contracts (ADR 0014): the calendar of what falls due (`calendar`), the
standards matrix (`matrix`), the officers' records and alerts (`services`, `selectors`,
`presenters`, `views`, `notify`) and what `insource standards alerts` runs (`cli`)."""
