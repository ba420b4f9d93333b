"""The public portal (no sign-in, under /public/): search the register, an authority's page, a
contract's page with its review and published decision."""
