"""Open data that reaches beyond the register: the published decisions."""
