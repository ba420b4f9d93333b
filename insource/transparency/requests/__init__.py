"""Information requests (POLICY.md §3, §5; FOIA, EIR, FOISA, EISR): the public form and pages,
the officers' queue and steps, the law, the services and the reminders. The models stay in
`insource.transparency.models`; the statutory clock is `insource.transparency.deadlines`."""
