"""Write services of transition plans: each atomic, validated and audited once."""
