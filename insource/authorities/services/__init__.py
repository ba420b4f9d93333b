"""Writes to authorities, by area (import the module you need; nothing is re-exported here):
`authorities` (seeding the local-authority register, a public body's code, adopting the policy),
`buyers` (`BuyerResolver`: published buyer names to authorities, and the confirmation queue),
`memberships` (roles granted and revoked). Each write is atomic and audited."""
