"""Deciding a review and what follows it: the officer pages for submitting, signing, returning,
publishing, adopting the policy and opening a review (`views`, `departure_views`, `forms`), the
decision pack (`pack`), a departure from the recommendation as pages and pack show it
(`departure_presenters`) and the public "Check this decision" page (`verification_views`,
`verification_presenters`). The write services stay in `reviews/services/`."""
