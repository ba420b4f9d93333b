"""The demo councils' local areas, seeded by hand: no postcode-to-authority directory can be
shipped, so these lists were typed from general knowledge of Royal Mail's postcode geography.
Officers should check them. Postcode districts do not follow council boundaries: the notes
name the districts that straddle one (kept in: most of their addresses are in the county)."""

from __future__ import annotations

from datetime import datetime

from insource.authorities.models import Authority
from insource.core.audit import Actor
from insource.wealth.models import LocalAreaVersion
from insource.wealth.services import local_area_set

SEEDED = (
    "Seeded by hand for the demo from general knowledge of Royal Mail postcode geography;"
    " officers should check."
)
DEMO_LOCAL_AREAS = {
    "LEC": (
        "LE2 LE3 LE4 LE6 LE7 LE8 LE9 LE10 LE11 LE12 LE13 LE14 LE16 LE17 LE18 LE19 LE65 LE67"
        " CV13 DE12 DE74",
        "Leicester city (LE1, LE5 and most of LE2 to LE4) is a separate unitary council and"
        " Rutland (LE15) another. Straddling: LE2, LE3 and LE4 (city and county), LE12 and LE14"
        " (reach into Nottinghamshire), LE16 and LE17 (Northamptonshire, Warwickshire), LE65 and"
        " DE12 (Derbyshire).",
    ),
    "STS": (
        "ST4 ST5 ST7 ST8 ST9 ST10 ST11 ST12 ST13 ST14 ST15 ST16 ST17 ST18 ST19 ST20 ST21"
        " WS6 WS7 WS11 WS12 WS13 WS14 WS15 DE13 DE14 DE15 B77 B78 B79"
        " WV5 WV6 WV8 WV9 WV10 WV11 DY7 CW3",
        "Stoke-on-Trent (ST1 to ST3, ST6 and part of ST4) is a separate unitary council, Walsall"
        " and Wolverhampton are metropolitan boroughs. Straddling: ST4 (Stoke and Newcastle),"
        " ST7 (Cheshire East), B78 (Warwickshire), WV6, WV10 and WV11 (Wolverhampton), DE13"
        " (Derbyshire).",
    ),
    "SFK": (
        "IP1 IP2 IP3 IP4 IP5 IP6 IP7 IP8 IP9 IP10 IP11 IP12 IP13 IP14 IP15 IP16 IP17 IP18 IP19"
        " IP23 IP27 IP28 IP29 IP30 IP31 IP32 IP33 NR32 NR33 NR34 NR35 CB8 CB9 CO10",
        "IP20 to IP22 and IP24 to IP26 are in Norfolk and left out. Straddling: IP27 and NR34,"
        " NR35 (Norfolk), CB8 and CB9 (Cambridgeshire), CO10 (Essex); parts of Suffolk in CO6,"
        " CO7 and CO11 (mostly Essex) are left out.",
    ),
    "WAR": (
        "CV7 CV8 CV9 CV10 CV11 CV12 CV21 CV22 CV23 CV31 CV32 CV33 CV34 CV35 CV36 CV37 CV47"
        " B46 B49 B50 B78 B80 B94 B95",
        "Coventry (CV1 to CV6) is a metropolitan borough. Straddling: CV7 (Coventry, Solihull),"
        " CV8 (Coventry), CV9 (Leicestershire), CV23 (Northamptonshire, Leicestershire), CV36"
        " (Gloucestershire, Worcestershire), B78 (Staffordshire), B94 (Solihull).",
    ),
}


def local_areas_seed_demo(*, by: Actor, at: datetime) -> list[str]:
    """Give each demo council its hand-typed local area, once (idempotent): the codes seeded."""
    seeded = []
    for code, (entries, straddles) in DEMO_LOCAL_AREAS.items():
        authority = Authority.objects.filter(code=code, key=f"la:{code}").first()
        if authority is None or LocalAreaVersion.objects.filter(authority=authority).exists():
            continue
        local_area_set(
            authority=authority,
            text=entries,
            reason=f"{SEEDED} {straddles}",
            by=by,
            at=at,
            is_seeded_by_hand=True,
        )
        seeded.append(code)
    return seeded
