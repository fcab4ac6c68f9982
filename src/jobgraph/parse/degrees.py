"""Degree mentions: level and field of study, wherever a text names a degree.

Levels, lowest first: secondary, vocational, associate, bachelor, master,
doctorate. Two-letter abbreviations that are also ordinary words or place
codes ("MS Office", "Boston, MA") count only with dots, at the start of a line,
or in a degree context ("MS in Statistics", "BA/BS degree").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jobgraph.parse.records import EDUCATION_LEVELS
from jobgraph.parse.text import lower_in_place

# Two-letter abbreviations, case-sensitive; each found one is then checked for a
# degree context ("MS in Statistics", "BA/BS", "MSc, Physics", a line opening
# "BA Economics") so that "Boston, MA" and "MS Office" stay out.
_SHORT = re.compile(r"(?<![\w.&])(B[SAE]|M[SA])(?![\w.&])")
_SHORT_CONTEXT = re.compile(r"\s*(?:/|,|\(|degree\b|\s(?:in|of|with|from)\s)")
_SHORT_LINE_START = re.compile(r"\s+[A-Z][a-z]")
_MS_NOT = re.compile(
    r"\s*(?:office|excel|word|sql|access|project|teams|dynamics|windows|visio|outlook"
    r"|azure|powerpoint|power|sharepoint|exchange|dos|paint|-)",
    re.IGNORECASE,
)
# A degree without a level ("a degree in economics", "university degree") is a
# first degree.
_GENERIC_DEGREE = re.compile(r"\bdegree\b", re.IGNORECASE)
_GENERIC_BEFORE = re.compile(
    r"(?:^|[•*\-]\s|\b(?:a|an|university|college|undergraduate|relevant|related|academic"
    r"|first|four-year|4-year)\s)$",
    re.IGNORECASE,
)
_GENERIC_AFTER = re.compile(r"\s+(?:in|of|or|required|preferred|is)\b|\s*$|\s*[,;.]", re.I)
# Matched against the lower-cased text, so written in lower case and compiled
# without IGNORECASE: every alternative then opens with a plain letter, which the
# regex engine tests before trying the rest (six case-blind scans of a whole
# posting cost more than all the rest of degree finding).
LEVEL_PATTERNS: dict[str, re.Pattern[str]] = {
    "doctorate": re.compile(
        r"\b(?:ph\.?\s?d\b\.?|doctor(?:ate|al)?\b(?:\s+(?:of|degree|in))|doctorate\b"
        r"|d\.phil\b|dphil\b|ed\.d\.|m\.d\.|j\.d\.|pharm\.?d\b|dnp\b)",
        re.MULTILINE,
    ),
    "master": re.compile(
        r"\b(?:post[\s-]?graduate\s+(?:diploma|certificate|degree)\b|master'?s?\b|masters\b"
        r"|m\.\s?sc?\b\.?|msc\b|m\.a\.|m\.eng\b|meng\b|mba\b|m\.?tech\b|mca\b"
        r"|mph\b|msn\b|ll\.?m\b|mfa\b|magister\b|msw\b|m\.?ed\b\.?|mpa\b|mfin\b"
        r"|mpharm\b|mres\b|mphil\b|pgce\b|pgde\b)",
        re.MULTILINE,
    ),
    "bachelor": re.compile(
        r"\b(?:bachelor'?s?\b|bachelors\b|b\.\s?sc?\b\.?|bsc\b|b\.a\.|b\.eng\b|beng\b"
        r"|b\.?tech\b|bca\b|bba\b|bsn\b|b\.e\.|b\.?com\b|llb\b|b\.?ed\b\.?"
        r"|undergraduate degree\b|bs/ba\b|ba/bs\b|b\.?f\.?a\b|bachelier\b"
        r"|licenciatura\b|licence\b(?=\s+(?:in|en|de)\b))",
        re.MULTILINE,
    ),
    "associate": re.compile(
        r"\b(?:associate'?s?\s+(?:degree|of\s+(?:applied\s+)?(?:arts|science))|a\.a\.s?\b|a\.s\."
        r"|aas\b|2[\s-]year\s+degree\b|two[\s-]year\s+degree\b)",
        re.MULTILINE,
    ),
    "secondary": re.compile(
        r"\b(?:high[\s-]school(?:\s+(?:diploma|certificate|graduate|education))?\b"
        r"|secondary[\s-]school(?:\s+(?:diploma|certificate|graduate|education))?\b"
        r"|secondary education\b|ged\b|a[- ]levels?\b|hsc\b"
        r"|ssc\b|matriculation\b|abitur\b|1[02]th\b)",
        re.MULTILINE,
    ),
    "vocational": re.compile(
        r"\b(?:diploma\b|vocational\b|apprenticeship\b|trade school\b|hnd\b|hnc\b"
        r"|nvq\b|technical (?:school|college)\b"
        r"|certificate(?:\s+[ivx]{1,4})?\s+(?:program(?:me)?|course|in)\b)",
        re.MULTILINE,
    ),
}
# Checked in this order: a high-school diploma is secondary, not vocational.
_CHECK_ORDER = ("doctorate", "master", "bachelor", "associate", "secondary", "vocational")
# Degrees whose abbreviation names the field ("BSN" is a bachelor's in nursing).
IMPLIED_FIELDS = {
    "bsn": "Nursing", "msn": "Nursing", "dnp": "Nursing Practice", "mba": "Business Administration",
    "bba": "Business Administration", "llb": "Law", "llm": "Law", "jd": "Law", "pharmd": "Pharmacy",
    "mpharm": "Pharmacy", "md": "Medicine", "bed": "Education", "med": "Education",
    "bfa": "Fine Arts", "mfa": "Fine Arts", "msw": "Social Work", "mph": "Public Health",
    "bcom": "Commerce", "mca": "Computer Applications", "bca": "Computer Applications",
}  # fmt: skip
INSTITUTION = re.compile(
    r"\b(?:universit\w*|universidad\w*|universidade|univ\.|college|institut\w*|school|academy"
    r"|polytechnic\w*|politecnico|conservatory|seminary|faculty|hochschule|école|escuela"
    r"|TAFE|IIT|MIT|NIT)\b",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"^\s*[.,)]?\s*(?:degree\s+)?(?:\([^)]{1,30}\)\s*)?"
    r"(?:(?:of|in)\s+(?:applied\s+)?(?P<broad>science|arts|engineering|technology|laws?"
    r"|education|business\s+administration|fine\s+arts|commerce|pharmacy|nursing"
    r"|nursing\s+practice|social\s+work|public\s+health|medicine)\b\s*)?"
    r"(?:\([^)]{1,30}\)\s*)?(?:degree\s+)?(?:(?:in|of|en|de)\b|,|-|–|—|:)?\s*"
    r"(?P<field>[A-Za-zÀ-ÿ][\w&'/ .-]{2,70}?)?\s*"
    r"(?=[,;|(\n]|\s[-–—]\s|—|\bfrom\b|\bat\b|\d{4}|$)",
    re.IGNORECASE,
)
_FIELD_SUFFIX = re.compile(r"\s+(?:certificate|diploma|degree|program(?:me)?|course)\s*$", re.I)
_NOT_FIELDS = re.compile(
    r"^(?:degree|or|and|equivalent|related|science|arts|the|a|an|with|who|plus|preferred"
    r"|required|is|are|from|level|program|any|one|some|relevant|similar|hons?|honours)\b",
    re.IGNORECASE,
)
_BEFORE_KEYWORD = re.compile(r"([A-Z][\w&' -]{2,50}?)\s+(?:certificate|diploma)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DegreeMention:
    """A degree named in text: level, field (when stated) and offsets."""

    level: str
    field: str | None
    start: int
    end: int


def _short_matches(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _SHORT.finditer(text):
        after = text[match.end() : match.end() + 40]
        line_start = text.rfind("\n", 0, match.start()) + 1
        lead = text[line_start : match.start()]
        master = match.group(1)[0] == "M"
        if master and _MS_NOT.match(after):
            continue
        in_context = bool(_SHORT_CONTEXT.match(after)) and not lead.endswith(", ")
        at_line_start = not lead.strip(" \t•*-") and match.group(1) != "BE"
        if in_context or (at_line_start and _SHORT_LINE_START.match(after)):
            found.append(("master" if master else "bachelor", match.start(), match.end()))
    return found


def _generic_matches(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _GENERIC_DEGREE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        lead = text[max(line_start, match.start() - 20) : match.start()]
        if not text[line_start : match.start()].strip(" \t•*-"):
            lead = ""  # "degree" opens the line
        if _GENERIC_BEFORE.search(lead) and _GENERIC_AFTER.match(text, match.end()):
            found.append(("bachelor", match.start(), match.end()))
    return found


def find_degrees(text: str) -> list[DegreeMention]:
    """Return every degree mention in ``text``, in order (one per position)."""
    return list(_degrees_in(text))


@lru_cache(maxsize=4)  # a posting asks for the degrees of its text twice
def _degrees_in(text: str) -> tuple[DegreeMention, ...]:
    mentions: list[DegreeMention] = []
    taken: list[tuple[int, int]] = []
    lowered = lower_in_place(text)
    candidates = [
        (level, match.start(), match.end())
        for level in _CHECK_ORDER
        for match in LEVEL_PATTERNS[level].finditer(lowered)
    ]
    candidates += _short_matches(text) + _generic_matches(text)
    candidates.sort(key=lambda item: _CHECK_ORDER.index(item[0]))
    for level, start, end in candidates:
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        field = None
        if level != "secondary":
            field = _field_after(text, end) or _field_before(text, start, end)
            field = field or IMPLIED_FIELDS.get(re.sub(r"[^a-z]", "", lowered[start:end]))
        mentions.append(DegreeMention(level, field, start, end))
    return tuple(sorted(mentions, key=lambda m: m.start))


def _field_after(text: str, offset: int) -> str | None:
    line_end = text.find("\n", offset)
    tail = text[offset : line_end if line_end >= 0 else len(text)]
    tail = re.sub(r"^(?:'s|s|’s)?\s*(?:degree)?", "", tail)
    match = _FIELD.match(tail)
    if not match:
        return None
    field = (match.group("field") or "").strip(" .-")
    broad = match.group("broad")
    if not field and broad and broad.lower() not in ("science", "arts"):
        field = broad  # "Master of Business Administration", "Bachelor of Laws"
    return _clean_field(field)


def _field_before(text: str, start: int, end: int) -> str | None:
    if not re.match(r"(?i)certificate|diploma", text[start:end]):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    return field_before_keyword(text[line_start:end])


def field_before_keyword(text: str) -> str | None:
    """ "Culinary Arts Diploma", "Paralegal Certificate": the field precedes the keyword."""
    for piece in re.split(r"[,;|•·(]", text):
        found = _BEFORE_KEYWORD.search(piece)
        if found:
            return _clean_field(found.group(1))
    return None


def _clean_field(field: str) -> str | None:
    field = " ".join(field.split())
    field = re.split(
        r"\s+(?:or|and)\s+(?:an?\s+|other\s+)?(?:equivalent|related|similar|relevant)\b"
        r"|\s+degree\b|\s+(?:or|and)\s+(?:an?\s+)?(?:quantitative|technical)\s+field\b",
        field,
        flags=re.IGNORECASE,
    )[0].strip()
    field = re.split(
        r"\s+(?:and|with|plus)\s+(?=(?:\S+\s+){0,2}?(?:registration|licen[cs]e|licensure"
        r"|certification|experience|membership)\b)",
        field,
        flags=re.IGNORECASE,
    )[0].strip()
    field = _FIELD_SUFFIX.sub("", field).strip(" .-")
    if not field or _NOT_FIELDS.match(field) or INSTITUTION.search(field):
        return None
    if any(ch.isdigit() for ch in field) or len(field.split()) > 8:
        return None
    return field


def level_rank(level: str | None) -> int:
    """Position of ``level`` on the education scale (-1 for ``None``)."""
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else -1


def degree_field_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the words after a degree, to its field ("Bachelor *of Fine Arts in Design*").

    A field of study describes a degree, and so do the words of the degree's own
    name ("Fine Arts" of a BFA): the parsers do not count a skill that starts
    there. The degree word itself stays matchable ("Master of Science in
    Nursing" is the MSN). The span runs from the end of the degree word to the
    end of its field when the field follows closely; a field written before the
    degree is covered alone.
    """
    return degree_spans(text)[0]


def degree_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``(field spans, line spans)`` of every degree, finding the degrees once.

    Field spans are :func:`degree_field_spans`. A line span runs from the end of
    the degree word to the end of its line: on a resume's education line
    ("BBA (Marketing)", "B.S. Finance, minor in Statistics") everything after
    the degree is about the degree.
    """
    fields: list[tuple[int, int]] = []
    lines: list[tuple[int, int]] = []
    for degree in find_degrees(text):
        line_end = text.find("\n", degree.end)
        lines.append((degree.end, line_end if line_end >= 0 else len(text)))
        if degree.field:
            found = text.find(degree.field, max(0, degree.start - 60), degree.end + 160)
            if found >= 0:
                start = degree.end if 0 <= found - degree.end <= 80 else found
                fields.append((start, found + len(degree.field)))
    return fields, lines
