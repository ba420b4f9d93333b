"""Read-only queries over the register."""

from insource.register.models import Contract


def register_summary() -> dict:
    return {"num_contracts": Contract.objects.count()}
