"""The alerts' public pages (no sign-in, under /public/follow/): `pages` (follow, check your
email, confirm, unsubscribe) and `feeds` (Atom and iCalendar)."""
