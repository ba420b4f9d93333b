"""Step 0, the legal pre-check (LAW).

Legal basis: where statute does not allow a function to be contracted out (for example functions
that cannot be delegated under the Deregulation and Contracting Out Act 1994 Part II), it must be
performed in house. Only a legal officer sets `can_be_contracted_out` false; it defaults to true.
"""

from insource.policy.rules.base import rule
from insource.policy.tri import Cond, conjunction, fact_cond, not3

CANNOT = (
    "the function cannot lawfully be contracted out",
    "the function may lawfully be contracted out",
)
NOT_PUBLIC, PUBLIC = "the arrangement is not public-public", "the arrangement is public-public"


@rule(
    "legal.cannot_contract_out",
    "The function cannot lawfully be contracted out",
    "LAW (statutory limits on contracting out; Deregulation and Contracting Out Act 1994 Pt II)",
    "Legal pre-check, unless the arrangement is public-public: the function cannot lawfully "
    "be contracted out -> INSOURCE_LEGAL_REQUIREMENT",
)
def cannot_contract_out(ctx):
    public = ctx.run("gateway.public_public", "1")
    path = "contract.can_be_contracted_out"
    lawful = fact_cond(ctx, path, CANNOT, negate=True)
    return conjunction(
        [lawful, Cond(NOT_PUBLIC, not3(public.value), tuple(public.missing), PUBLIC)]
    )
