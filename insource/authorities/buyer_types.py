"""What kind of body a buyer is, read from its published name.

Used to keep bodies that are not principal councils (NHS trusts, police, town and parish councils,
housing companies...) off the local-authority register, and to type the buyers that are not
councils. The rules were written against the 2,385 distinct buyer names of the Contracts Finder
sample in `insource/demo/data`; the first rule that matches decides.
"""

from __future__ import annotations

import html
import re

BUYER_TYPES: dict[str, str] = {
    "local-authority": "Local authority",
    "combined-authority": "Combined authority",
    "parish-town-council": "Parish or town council",
    "nhs": "NHS body",
    "police": "Police",
    "fire": "Fire and rescue",
    "national-park": "National park authority",
    "university": "University or college",
    "school": "School or academy trust",
    "housing-association": "Housing association or ALMO",
    "transport": "Transport body",
    "central-government": "Central government or arm's-length body",
    "procurement-consortium": "Purchasing consortium or procurement service",
    "company": "Company (council-owned, public or private)",
    "other-public-body": "Other public body",
    "unknown": "Not identified",
}

# Types that can be a principal local authority; every other type keeps a name off councils.
COUNCIL_TYPES = frozenset({"local-authority", "combined-authority"})

# Rules that win even when the name also says "council" (e.g. "Thame Town Council").
_DECISIVE: list[tuple[str, str]] = [
    (
        "unknown",
        r"^(enter name .*|a public sector organisation|director|health|er|procurement manager"
        r"|business and management consultancy services|.* play area upgrade)$"
        r"|^[a-z]{1,2}\d[\da-z]? ?\d[a-z]{2}$",
    ),
    (
        "parish-town-council",
        r"\b(town|parish|community|village|neighbourhood) council\b"
        r"|\bparish\b|town council\b|^city of ely council$|\btown hall\b",
    ),
    ("national-park", r"\bnational park\b|^broads authority$|\bregional park\b"),
    (
        "police",
        r"\bpolice\b|\bpcc\b|\bconstabulary\b|\bpolicing\b|\bcrime commissioner\b|\bprovost\b",
    ),
    (
        "fire",
        r"\bfire (and|&) rescue\b|\bfire authority\b|\bfire service\b|\bfire chiefs?\b"
        r"|\bchief fire officers\b|\bfire commissioner\b",
    ),
    (
        "nhs",
        r"\bn ?h ?s\b|\bnht\b|\bfoundation trust\b|\bcommunity health\b|\bnsh\b|\bnhs\w+"
        r"|\bclinical commissioning\b|\bccg\b|\bstp\b|\bcsu\b"
        r"|\bsustainability and transformation\b"
        r"|\bcommissioning support\b|\bhospitals?\b|\bhealth ?care\b|\bambulance\b"
        r"|\bhealth (board|authority|education|innovations)\b|\bhee\b|\bics\b|\bhealth services\b"
        r"|\bpartnership (foundation )?trust\b|\bcare trust\b|\bsocial care partnership\b"
        r"|\bnhsx\b|\bnnuh\b|\bulht\b|\brbft\b|^whittington health$|^your healthcare$"
        r"|\bsupport (and|&) facil|^dsfs\b|\bhuddersfield (nhs )?solutions\b"
        r"|\bcare alliance\b|^northumbria healthcare|\bbreast screening\b|\bchristie\b",
    ),
    (
        "university",
        r"\buniversity\b|\bcoleg\b|\bcollege\b|\bcolleges\b|\bsixth form\b|\bbirkbeck\b"
        r"|\bschool of (tropical|hygiene|art)\b|\binstitute of technology\b"
        r"|\bfalmouth exeter\b|\bpetroc\b|\bncg\b|\bltd group\b|\bltde group\b"
        r"|^(lte|rnn|tec|inspire education) group$|\bactivate learning\b"
        r"|\beducation training collective\b",
    ),
    (
        "school",
        r"\bschools?\b|\bacadem(y|ies)\b|\blearning\b|\beducation(al)? trust\b"
        r"|\bmulti academy\b|\bharris federation\b|\bfederation\b|\bmat\b|\bpolymat\b"
        r"|\b(diocese|diocesan)\b|\bschools? trust\b|\bconsilium\b|\bcatholic\b",
    ),
    (
        "housing-association",
        r"\bhomes\b|\bhousing\b|\bliving\b|\bat home\b|\bb3 ?living\b"
        r"|\bpeabody\b|\bclarion\b|\bsanctuary\b|\bbromford\b|\bnotting hill"
        r"|\bplaces for people\b|\bhome group\b|\bwhg\b|\bwdh\b|\bongo\b"
        r"|\boptivo\b|torus\s?62|\btorus foundation\b|\bstonewater\b"
        r"|\bbernicia\b|\bgentoo\b|\bkarbon\b|\bmidland heart\b|\blivin\b"
        r"|\bsovini\b|\babri\b|\bbpha\b|\bacis\b|\bregenda\b|\bwandle\b"
        r"|\bcuro\b|\blonghurst\b|\bhastoe\b|\braven\b|\bfirst ark\b"
        r"|\bsalix\b|\bpickering and ferrens\b|\bbrunelcare\b|\banchor\b"
        r"|\bcitizen\b|\bthree sixty\b|\borbit group\b|\bbarnet group\b"
        r"|\bpioneer group\b|\bguinness\b|\bcobalt\b|\bsouthway\b|\briverside\b"
        r"|\bhyde\b|\bgreensquare|\bnetwork homes\b|\baster\b|\babbeyfield",
    ),
    (
        "other-public-body",
        r"\bcouncil for\b|^london councils$"
        r"|\bassociation of [\w ]*councils\b|\bcouncils limited\b"
        r"|\blocal government association\b|\b(british|arts|general \w+"
        r"|sports|financial reporting|consumer|research) council\b"
        r"|\bnursing and midwifery council\b|\bcouncil of england\b"
        r"|\blocal enterprise partnership\b|\blep\b|\bwaste\b",
    ),
    (
        "company",
        r"\bowned by\b|\bcompany limited\b|\bgrowth company\b|\bairport\b|\bjv\b|\bjoint venture\b",
    ),
]

# Rules that apply only when the name does not read like a council.
_SECONDARY: list[tuple[str, str]] = [
    (
        "central-government",
        r"\bministry\b|\bdepartment\b|\bdept\b|\bhm\b|\bh m\b|\bcabinet office"
        r"|\bhome office\b|\bagency\b|\boffice\b|\bindustrial strategy\b|\bcivil service\b"
        r"|\btraining board\b|\brfca\b|\br f c a\b|\bnational institute\b|\bcommission\b|\bofsted\b"
        r"|\bcrown\b|\bdefra\b|\bdhsc\b|\bdft|\bdwp\b|\bdvla\b|\bdvsa\b|\bfcdo\b"
        r"|\bmhra\b|\bukhsa\b|\bukri\b|\bresearch (&|and) innovation"
        r"|\bofgem\b|\bofcom\b|\bo f w a t\b|\bofwat\b|\bregulat|\bombudsman\b"
        r"|\bgovernment\b|\bparliament|\bdefence\b|\barmy\b|\broyal air force"
        r"|\bforces\b|\bdio\b|\bmet office\b|\bhighways\b|\bhomes england\b"
        r"|\bordnance survey\b|\bnational (archives|audit|crime|physical)"
        r"|\bhistoric england\b|\benglish heritage\b|\bmuseums?\b|\bgallery\b"
        r"|\bbritish (library|council|museum|business bank)\b|\bcatapult\b"
        r"|\benvironment agency\b|\bforestry\b|\bcompanies house\b|\bcafcass\b"
        r"|\bstudent loans?\b|\bmaritime\b|\binsolvency\b|\bauthority$"
        r"|\bshared business services\b|\bsport england\b|\bvisit ?britain\b"
        r"|\bnuclear\b|\batomic\b|\bhs2\b|\bmagnox\b|\bsellafield\b|\bawe\b"
        r"|\bnest\b|\bbank of england\b|\bresearch\b|\btreasury\b|\brevenue\b"
        r"|\bjisc\b|\bpublic health england\b|\bhealth (and|&) safety\b|\bgenomics\b|\bbiobank\b"
        r"|\binstitute for apprenticeship|\bfinancial\b|\bpensions?\b|\bcitb\b"
        r"|\bcps\b|\bns&i\b|\blegal\b|\bplanning inspectorate\b|\broyal (parks"
        r"|armouries|botanic)\b|\bkew\b|\btrinity house\b|\blighthouse\b",
    ),
    (
        "transport",
        r"\btransport\b|\bpassenger transport executive\b|\brail(way)?\b|\btrains?\b"
        r"|\bmerseytravel\b"
        r"|\bhs1\b|\bports\b|\bport of\b"
        r"|\bvia east midlands\b",
    ),
    (
        "procurement-consortium",
        r"\bprocurement\b|\bpurchasing\b|\bconsortium\b|\bespo\b|\bypo\b"
        r"|\bneupc\b|\btuco\b|\bscape\b|\bfusion21\b|\bcollaborative\b"
        r"|\be-?tendering\b|\bportal\b|\bin-tend\b|\ben:? ?procure\b"
        r"|\bcapitalesourcing\b|\bgenbuy\b|\battain\b|\bcirrus\b|\bprosper\b"
        r"|\bstar\b|\beu supply\b|\bbip solutions\b|\bpartners procurement\b",
    ),
    ("company", r"\b(limited|ltd|lts|plc|llp|inc|cic|c i c)\b\.?$|\bcompany\b|\bltd\b|\blimited\b"),
]

_COUNCIL_WORDS = re.compile(
    r"\b(council|councils|boroughs?|city of london corporation|corporation of london|comhairle|mbc"
    r"|combined? authority|combined county|county of|city region"
    r"|greater london authority)\b|^(city of|royal borough|london borough)\b",
    re.IGNORECASE,
)
# Council-type abbreviations as councils publish them (upper case only: 'Bristol CC', 'LB Hackney',
# 'Wigan MDC'); lower-case 'cc' or 'lb' in other names means something else.
_ABBREVIATIONS = re.compile(r"\b(CC|LB|RB|BC|DC|MBC|RBC|CBC|MDC)\b")
_COMBINED = re.compile(
    r"\bcombined? (county )?authority\b|\bcity region\b|\b(m?ca|cca)\b", re.IGNORECASE
)
_DECISIVE_RE = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _DECISIVE]
_SECONDARY_RE = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _SECONDARY]


def classify_buyer(name: str) -> str:
    """The BUYER_TYPES key for a buyer name; 'local-authority' when it reads like a council."""
    return buyer_type_rule(name)[0]


def buyer_type_rule(name: str) -> tuple[str, bool]:
    """(type, decisive): decisive means a rule recognised a body that must not become a council."""
    text = " ".join(html.unescape(html.unescape(name or "")).replace("’", "'").split())
    for kind, pattern in _DECISIVE_RE:
        if pattern.search(text):
            return kind, True
    if _COUNCIL_WORDS.search(text) or _ABBREVIATIONS.search(text):
        return ("combined-authority" if _COMBINED.search(text) else "local-authority"), False
    for kind, pattern in _SECONDARY_RE:
        if pattern.search(text):
            return kind, True
    return "other-public-body", False


def is_council_type(buyer_type: str) -> bool:
    """True for the types that may be matched to the local-authority register."""
    return buyer_type in COUNCIL_TYPES
