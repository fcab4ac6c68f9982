"""Readings of a software product name without its vendor or a generic suffix.

Postings, resumes and O*NET name products with their maker and a generic noun:
"The MathWorks MATLAB", "Dassault Systemes SolidWorks", "Ansible software",
"Python programming language". :func:`product_readings` yields the bare
product names to look up, each with the skill kinds a match may have: a bare
remainder like "Accounting" (from "Accounting software") must not resolve to
the accounting *discipline*, so a reading without "software" may only resolve
to a tool.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from jobgraph.taxonomy.label_index import token_words
from jobgraph.taxonomy.model import SkillKind
from jobgraph.taxonomy.normalize import label_key

# Makers whose name commonly precedes a product name. Lower case, longest first
# where one is a prefix of another. Makers whose name is also a common word
# ("Meta", "Sage", "Elastic") are left out: "Meta Analysis" is not a product.
VENDORS = (
    "the mathworks",
    "mathworks",
    "dassault systemes",
    "microsoft",
    "ms",
    "google",
    "oracle",
    "ibm",
    "adobe",
    "apple",
    "amazon web services",
    "amazon",
    "aws",
    "sap",
    "autodesk",
    "atlassian",
    "salesforce",
    "intuit",
    "cisco",
    "vmware",
    "red hat",
    "apache",
    "jetbrains",
    "facebook",
    "esri",
    "sas institute",
    "corel",
    "hewlett packard enterprise",
    "hewlett packard",
    "hp",
    "siemens",
    "bentley systems",
    "trimble",
    "unity technologies",
    "epic games",
    "mozilla",
    "hashicorp",
    "databricks",
    "snowflake",
    "tableau",
    "qlik",
    "workday",
    "servicenow",
    "zoho",
)
_VENDOR = re.compile(r"^(?:" + "|".join(re.escape(v) for v in VENDORS) + r")\s+(?=\S)", re.I)

TOOLS_ONLY = frozenset({SkillKind.TOOL})
ANY_KIND = frozenset(SkillKind)
TOOLS_AND_TECHNIQUES = frozenset({SkillKind.TOOL, SkillKind.HARD, SkillKind.CERTIFICATION})

# Generic trailing nouns, with the kinds a remainder may then resolve to.
_SUFFIXES: tuple[tuple[re.Pattern[str], frozenset[SkillKind]], ...] = (
    (re.compile(r"\s+(?:programming\s+)?language$", re.I), TOOLS_AND_TECHNIQUES),
    (re.compile(r"\s+(?:framework|library|sdk)$", re.I), TOOLS_AND_TECHNIQUES),
    (
        re.compile(r"\s+(?:software|platform|suite|tools?|systems?|application|app)$", re.I),
        TOOLS_ONLY,
    ),
)


def without_vendor(text: str) -> str:
    """Return ``text`` without a leading vendor name, or ``""`` when it has none.

    Example: "Dassault Systemes SolidWorks" -> "SolidWorks".
    """
    text = text.strip()
    return _VENDOR.sub("", text, count=1) if _VENDOR.match(text) else ""


# Words too common in product names to show that two names mean the same thing.
_GENERIC_WORDS = frozenset(
    {"system", "software", "management", "service", "application", "program", "data", "tool"}
    | {"information", "platform", "solution", "suite", "technology", "and", "of", "for"}
)
# A trailing acronym ("... SQL", "... (AWS)"): 2-6 capitals or digits.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_PRODUCT_SHAPE = re.compile(r"\S[A-Z0-9]|^(?:[A-Z]\S*\s+)+[A-Z]\S*$")


def bare_product_name(name: str) -> str:
    """Return the vendor-less form of a product name when it still names a product.

    The remainder must look like a product name, not a word: a capital or digit
    inside a word ("SolidWorks", "iOS", "CATIA", "Civil 3D") or several
    capitalised words ("Visual Studio"). "Google Analytics" gives nothing, since
    "Analytics" is a discipline; nor does "Oracle Cloud software".

    Returns:
        The bare product name, or ``""``.
    """
    bare = without_vendor(name)
    if not bare or not _PRODUCT_SHAPE.search(bare):
        return ""
    if any(pattern.search(bare) for pattern, _ in _SUFFIXES):
        return ""
    return bare


class Reading(NamedTuple):
    """One bare reading of a product name.

    ``expands`` is set on an acronym reading to the words it abbreviates; a match
    must then fit them (see :func:`acronym_fits`).
    """

    text: str
    kinds: frozenset[SkillKind]
    expands: str = ""


def product_readings(text: str) -> Iterator[Reading]:
    """Yield bare readings of a product name, best first.

    Readings: without a known vendor; without a generic suffix; and, for a name
    followed by its acronym ("Structured query language SQL", "Amazon Simple
    Storage Service (S3)"), the spelt-out name and the acronym alone. Nothing is
    yielded for text with none of these.

    Example: "Adobe Creative Cloud software" yields "Creative Cloud software",
    "Adobe Creative Cloud" and "Creative Cloud".
    """
    text = text.strip()
    bare_product = without_vendor(text)
    if bare_product:
        yield Reading(bare_product, TOOLS_AND_TECHNIQUES)
    for pattern, kinds in _SUFFIXES:
        if match := pattern.search(text):
            bare = text[: match.start()].strip()
            if bare:
                yield Reading(bare, kinds)
            if bare_product and (match := pattern.search(bare_product)):
                bare = bare_product[: match.start()].strip()
                if bare:
                    yield Reading(bare, kinds)
            break
    for name in dict.fromkeys(filter(None, (text, bare_product))):
        words = name.split()
        acronym = words[-1].strip("()")
        if len(words) < 2 or not _ACRONYM.fullmatch(acronym):
            continue
        spelt_out = " ".join(words[:-1])
        if len(spelt_out) <= len(acronym):
            continue  # "IBM DB2": a maker and a product code, not a name and its acronym
        yield Reading(spelt_out, ANY_KIND)
        # The acronym alone only when it starts like the name it abbreviates.
        if acronym[0].lower() == spelt_out[0].lower():
            yield Reading(acronym, ANY_KIND, expands=spelt_out)


def acronym_fits(acronym: str, expands: str, labels: Sequence[str]) -> bool:
    """Whether a skill found by ``acronym`` is the one ``expands`` spells out.

    A skill with a label that spells the acronym out differently does not fit:
    "Energy management system EMS" is not "Emergency Medical Services" (EMS).
    The spelt-out labels fit when they share a distinctive word with
    ``expands``; a skill with no spelt-out label ("JSON", "Amazon S3") fits.
    """
    letters = label_key(acronym)
    spelt_out = [label for label in labels if _initials(label) == letters]
    if not spelt_out:
        return True
    wanted = _distinctive_words(expands)
    return any(wanted & _distinctive_words(label) for label in spelt_out)


def _initials(label: str) -> str:
    words = [word for word in token_words(label) if word not in {"and", "of", "for", "the"}]
    return "".join(word[0] for word in words) if len(words) > 1 else ""


def _distinctive_words(text: str) -> set[str]:
    return set(token_words(text)) - _GENERIC_WORDS
