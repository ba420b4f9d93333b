"""UK postcodes in suppliers' addresses: found, checked and cut down to the outward code.

Pure: no Django. A postcode is looked for in the supplier's `postcode` field, then its street
address, then its locality. A full postcode (`ST16 2AB`, `st162ab`, `GIR 0AA`) is matched with
the letter rules of the UK postcode format (BS 7666) and its area must be a real postcode area;
when no full postcode is written, an outward code alone at the end of the address
(`The Granary, Maidstone ME16`) still gives the district. Anything else is unknown, never
guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# The 121 geographic postcode areas of the UK plus the Crown dependencies (GY, JE, IM), as
# Royal Mail publishes them; BF (BFPO) and BX (non-geographic) are left out on purpose.
AREAS = frozenset(
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY "
    "E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD "
    "LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG "
    "SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO "
    "ZE".split()
)
GIRO = "GIR"
# Outward code: A9, A99, AA9, AA99, A9A, AA9A with the letters each position may hold.
OUTWARD = (
    r"[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])"
)
INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_FULL = re.compile(rf"(?<![A-Z0-9])(GIR(?= ?0AA)|{OUTWARD}) ?({INWARD})(?![A-Z0-9])")
_OUTWARD_ONLY = re.compile(rf"^(?:{OUTWARD})$")
_TRAILING_COUNTRY = re.compile(
    r"[\s,.;]*\b(?:UNITED KINGDOM|UK|GB|GREAT BRITAIN|ENGLAND|WALES|SCOTLAND|NORTHERN IRELAND)"
    r"[\s,.;]*$"
)
_NOT_A_DISTRICT_BEFORE = {"UNIT", "FLAT", "SUITE", "ROOM", "BLOCK", "APARTMENT", "PLOT", "STAND"}
SOURCES = ("postcode", "street_address", "locality")


@dataclass(frozen=True)
class Postcode:
    """A postcode found in an address: its outward code (`ST16`, `EC1A`) and, when written in
    full, its inward code (`2AB`); `source` names the field it came from."""

    outward: str
    inward: str
    source: str

    @property
    def area(self) -> str:
        """The letters of the outward code: `ST`, `EC`, `B`."""
        return re.match(r"[A-Z]+", self.outward).group(0)

    @property
    def district(self) -> str:
        """The district a sub-district belongs to: `EC1A` -> `EC1`, `SW1H` -> `SW1`."""
        if self.outward[-1].isalpha() and self.outward != GIRO:
            return self.outward[:-1]
        return self.outward

    @property
    def text(self) -> str:
        return f"{self.outward} {self.inward}".strip()

    @property
    def is_full(self) -> bool:
        return bool(self.inward)


def _clean(text: str) -> str:
    return " ".join((text or "").upper().replace("\u00a0", " ").split())


def _area_ok(outward: str) -> bool:
    return outward == GIRO or re.match(r"[A-Z]+", outward).group(0) in AREAS


def find_full(text: str, source: str) -> Postcode | None:
    """The last full UK postcode written in the text (addresses end with it), or None."""
    found = [m for m in _FULL.finditer(_clean(text)) if _area_ok(m.group(1))]
    return Postcode(found[-1].group(1), found[-1].group(2), source) if found else None


def find_outward_at_end(text: str, source: str) -> Postcode | None:
    """An outward code standing alone as the last word of the address (`Maidstone ME16`)."""
    words = _TRAILING_COUNTRY.sub("", _clean(text)).rstrip(" ,.;").replace(",", " ").split()
    if not words or not _OUTWARD_ONLY.match(words[-1]) or not _area_ok(words[-1]):
        return None
    if len(words) > 1 and words[-2] in _NOT_A_DISTRICT_BEFORE:
        return None
    return Postcode(words[-1], "", source)


@lru_cache(maxsize=65536)
def postcode_of(postcode: str, street_address: str, locality: str) -> Postcode | None:
    """The supplier's postcode from its three address fields, in that order of trust."""
    fields = dict(zip(SOURCES, (postcode, street_address, locality), strict=True))
    for source, text in fields.items():
        found = find_full(text, source)
        if found:
            return found
    for source, text in fields.items():
        found = find_outward_at_end(text, source)
        if found:
            return found
    return None
