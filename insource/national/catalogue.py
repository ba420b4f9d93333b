"""A service as the national view names it: a CPV division ("90") or group ("905") in words,
with the product's own service category where it has one (the transition plan's service types,
`transition.schedule`) and the unit its cost is compared in (`units`). Pure: reads the shipped
CPV list, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import Promise

from insource.national.units import Unit, unit_for
from insource.register.cpv import cpv_description
from insource.transition.schedule import SERVICE_TYPE_LABELS, service_type_for_cpv

KEY = re.compile(r"^[0-9]{2}(?:[0-9])?$")


@dataclass(frozen=True)
class Service:
    """A CPV division or group: its key (the CPV code's first two or three digits), its name,
    the product's category (or None) and its unit (or None)."""

    key: str
    name: str
    category: str | Promise | None
    unit: Unit | None

    @property
    def is_division(self) -> bool:
        return len(self.key) == 2

    @property
    def code(self) -> str:
        """The CPV code of the division or group, eight digits ("90500000")."""
        return self.key.ljust(8, "0")


def service_get(key: str) -> Service | None:
    """The service a key names, or None (not two or three digits, not a CPV division or group:
    "900" is the division 90 written as a group, so it is not one)."""
    key = (key or "")[:8]
    if not KEY.match(key) or (len(key) == 3 and key[2] == "0"):
        return None
    name = cpv_description(key.ljust(8, "0"))
    if not name:
        return None
    kind = service_type_for_cpv(key.ljust(8, "0"))
    category = SERVICE_TYPE_LABELS[kind] if kind != "default" else None
    return Service(key, name, category, unit_for(key))


def group_key(cpv: str) -> str:
    """The key of the CPV group a code falls in ("90511000" -> "905"), or the division's when
    the code names only a division ("90000000" -> "90"), or "" for no code."""
    code = (cpv or "").strip()[:8]
    if len(code) < 3 or not code[:3].isdigit():
        return ""
    return code[:2] if code[2] == "0" else code[:3]
