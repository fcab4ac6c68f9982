"""Job-title clean-up: strip the noise around a title and read its seniority.

Postings decorate titles: "Sr. Software Engineer II (m/f/d) - Remote",
"Data Scientist | Berlin", "Lead Nurse, Night Shift". :func:`title_variants`
yields progressively shorter readings of such a title, and
:func:`split_seniority` removes the seniority words from one reading and says
which rung they point at, on the 0 (entry) .. 4 (lead / head) scale of
:class:`~jobgraph.taxonomy.model.Occupation`.
"""

from __future__ import annotations

import re

from jobgraph.taxonomy.normalize import label_key

# Rungs: 0 entry/junior, 1 mid (the unqualified title), 2 senior, 3 staff/principal/lead, 4 head.
_SENIORITY_WORDS: dict[str, int] = {
    "intern": 0,
    "internship": 0,
    "trainee": 0,
    "apprentice": 0,
    "graduate": 0,
    "entry": 0,
    "entry-level": 0,
    "junior": 0,
    "jr": 0,
    "mid": 1,
    "mid-level": 1,
    "intermediate": 1,
    "senior": 2,
    "sr": 2,
    "snr": 2,
    "experienced": 2,
    "staff": 3,
    "principal": 3,
    "lead": 3,
    "head": 4,
}
_ROMAN_RUNGS = {"i": 0, "ii": 1, "iii": 2, "iv": 3, "v": 3, "1": 0, "2": 1, "3": 2, "4": 3, "5": 3}
# ASCII: under IGNORECASE alone "i" also matches the Turkish "ı" and "İ", which name no rung.
_LEVEL_PHRASE = re.compile(
    r"\b(?:level|lvl\.?|grade)\s*(i{1,3}|iv|v|[1-5])\b", re.IGNORECASE | re.ASCII
)
_LEADING = re.compile(r"^\s*(entry[\s-]level|mid[\s-]level|[a-z]+\.?)(?=[\s,/-]+\S)", re.IGNORECASE)
_TRAILING_RUNG = re.compile(r"[\s,-]+(i{1,3}|iv|v|[1-4])\s*$", re.IGNORECASE | re.ASCII)
_TRAILING_WORD = re.compile(r"[\s,(-]+(lead|intern|trainee|apprentice)\)?\s*$", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_GENDER_MARKER = re.compile(r"\b[mwfdx]\s*/\s*[mwfdx](?:\s*/\s*[mwfdx])?\b|\*in\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[-\u2013\u2014|@]\s+|\s*[|\u2013\u2014]\s*|,\s+|\s+at\s+")
_REMOTE = re.compile(r"\b(?:remote|hybrid|on[\s-]?site|full[\s-]?time|part[\s-]?time)\b", re.I)


def title_variants(title: str) -> list[str]:
    """Return readings of a posting title, longest first, duplicates removed.

    The first is the title as given; then without parenthesised parts and
    gender markers; then the part before each separator (" - ", " | ", ", ",
    " at ") so location and work-mode suffixes fall away.

    Example: "Senior Nurse (m/f/d) - London" ->
    ["Senior Nurse (m/f/d) - London", "Senior Nurse - London", "Senior Nurse"].
    """
    variants = [title.strip()]
    cleaned = _GENDER_MARKER.sub(" ", _PARENTHESES.sub(" ", title))
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" -|,/")
    variants.append(cleaned)
    parts = [part for part in _SEPARATORS.split(cleaned) if part.strip()]
    for end in range(len(parts) - 1, 0, -1):
        variants.append(" ".join(parts[:end]).strip())
    if parts:
        first = _REMOTE.sub(" ", parts[0])
        variants.append(re.sub(r"\s+", " ", first).strip(" -|,/"))
    seen: dict[str, None] = {}
    for variant in variants:
        if label_key(variant):
            seen.setdefault(variant, None)
    return list(seen)


def split_seniority(title: str) -> tuple[str, int | None]:
    """Remove seniority words from a title and return ``(core, rung)``.

    ``rung`` is ``None`` when the title names no seniority. Words are removed
    only while something of the title remains, so "Lead" alone stays "Lead".

    Examples: "Sr. Software Engineer" -> ("Software Engineer", 2);
    "Software Engineer III" -> ("Software Engineer", 2);
    "Junior Data Analyst" -> ("Data Analyst", 0).
    """
    core = title.strip()
    rungs: list[int] = []
    if match := _LEVEL_PHRASE.search(core):
        rungs.append(_ROMAN_RUNGS[match.group(1).lower()])
        core = (core[: match.start()] + core[match.end() :]).strip(" ,-")
    while match := _LEADING.match(core):
        word = match.group(1).lower().rstrip(".").replace(" ", "-")
        rest = core[match.end() :].strip(" ,-/")
        if word not in _SENIORITY_WORDS or rest.lower().startswith("of "):
            break  # "Head of Engineering" names a different role, not a rung
        rungs.append(_SENIORITY_WORDS[word])
        core = rest
    if match := _TRAILING_RUNG.search(core):
        remainder = core[: match.start()].strip()
        if label_key(remainder) and not remainder.lower().endswith(("level", "grade")):
            rungs.append(_ROMAN_RUNGS[match.group(1).lower()])
            core = remainder
    if match := _TRAILING_WORD.search(core):
        remainder = core[: match.start()].strip()
        if label_key(remainder):
            rungs.append(_SENIORITY_WORDS[match.group(1).lower()])
            core = remainder
    return core, (max(rungs) if rungs else None)
