"""Parts of a posting that name skills without asking for them.

A posting's masthead ("Kestrel Robotics — Pittsburgh, PA — on-site"; a leading
job title is kept), the sentences describing the employer ("Larkspur Health builds
scheduling and billing software"), every field of study a degree may be in
("Bachelor's degree in finance, accounting or economics", not only the first), an
equal-opportunity statement ("an Equal Employment Opportunity/Affirmative Action
employer"), a sentence of what the job pays ("We provide competitive
compensation, generous benefits"), a currency code before an amount ("CAD
82,000") and "we are hiring" mention words the taxonomy knows, but none of them
is a requirement. :func:`noise_spans` returns their offsets; skill mentions
inside them are dropped before requirements are read.

Every rule is about the shape of the text, never about one posting.
"""

from __future__ import annotations

import re

from jobgraph.parse.location import looks_like_place
from jobgraph.parse.roles import has_role_word
from jobgraph.parse.sections import HEADER, Section
from jobgraph.parse.text import caseless, caseless_pattern

_MASTHEAD_SPLIT = re.compile(r"\s*[|·•]\s*|\s+[-–—]+\s+|\s*[–—]\s*")
_WORK_TERMS = re.compile(
    r"\b(?:full[\s-]?time|part[\s-]?time|remote|hybrid|on[\s-]?site|contract|permanent"
    r"|temporary|freelance|internship|per\s+(?:year|hour|day|annum))\b|\d",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
# A sentence about the employer, not the job: "We are a 500-employee fabrication
# company", "<Company> builds ...". One that recruits ("is looking for a Python
# developer with ...") still speaks of the job.
_WE_ARE = re.compile(r"\s*(?:we\s+are|we['’]re|our\s+company\s+is)\s+(?:an?|the|one)\b", re.I)
_NAME_DOES = re.compile(
    r"\s*(?:[A-Z][\w&.'’-]*\s+){1,5}(?:builds|makes|provides|offers|develops|publishes"
    r"|operates|serves|designs|manufactures|sells|runs|helps|is\s+an?|is\s+the|has\s+been)\b"
)
_RECRUITS = re.compile(
    r"\b(?:looking|seeking|hiring|recruiting|search(?:ing)?|need|needs|wants?|join|you|your)\b",
    re.IGNORECASE,
)
_DEGREE_FIELDS = re.compile(
    r"\b(?:degree|diploma|bachelor['’]?s?|master['’]?s?|b\.?sc?|m\.?sc|b\.?a|m\.?a|mba|ph\.?d"
    r"|doctorate|associate['’]?s?)\b[^.;\n]{0,40}?\b(?:in|of|with\s+a\s+focus\s+on)\s+"
    r"(?P<fields>[^.;\n(]{2,160})",
    re.IGNORECASE,
)
_FIELDS_END = re.compile(
    r"\b(?:or|and)\s+(?:an?\s+)?(?:related|similar|equivalent|relevant|comparable|other)\b"
    r"|\b(?:or|and|with|plus)\s+(?:\d|at\s+least|equivalent|experience|years)"
    r"|\b(?:preferred|required|desirable|experience)\b|,\s*(?:or|and)?\s*(?:\d|equivalent)",
    re.IGNORECASE,
)
# An equal-opportunity statement: "XSELL is an Equal Employment Opportunity Employer",
# "... without regard to race, color, religion", "Please view EEO posters". Its
# words (EEO, affirmative action, veteran, disability) name HR skills; here they
# ask for none. The cues are statement shapes, so "Knowledge of EEO and FMLA" stays.
_EQUAL_OPPORTUNITY = re.compile(
    r"\bequal\s+(?:employment\s+)?opportunit(?:y|ies)\s*(?:/\s*affirmative\s+action\s+)?"
    r"(?:employer|workplace|posters?|policy|statement|is\s+the\s+law|and\s+affirmative)"
    r"|\b(?:is|are)\s+(?:an?\s+)?(?:proud\s+)?(?:equal\s+(?:employment\s+)?opportunit"
    r"|affirmative\s+action\b)"
    r"|\b(?:provid\w*|commit\w*\s+to|offers?)\s+equal\s+(?:employment\s+)?opportunit"
    r"|\baffirmative\s+action\s+(?:employer|program)|\bwithout\s+regard\s+to\b"
    r"|\bregardless\s+of\s+(?:their\s+)?(?:race|colou?r|religion|sex|gender|age|national|sexual)"
    r"|\bEEO\s+(?:employer|law|is\s+the\s+law|rights|department|poster|statement)"
    r"|\bEEO\s*/\s*AA\b|\bprotected\s+veterans?\b",
    re.IGNORECASE,
)
# What the employer pays and offers, outside a benefits heading: "We provide
# competitive compensation, generous benefits", "you'll receive premier
# compensation". "Design compensation packages" (an HR duty) has neither shape.
_PAY = r"(?:compensation|salary|salaries|pay|wages?|benefits?|bonus(?:es)?|equity|401\s*\(?k\)?)"
_OFFERED_PAY = re.compile(
    r"\b(?:competitive|attractive|generous|robust|excellent|premier|comprehensive"
    rf"|above[\s-]market)\s+(?:\w+\s+){{0,2}}{_PAY}\b"
    rf"|\b(?:we|you['’]ll|you\s+will)\s+(?:\w+\s+)?(?:offer|provide|receive)\b[^.\n]{{0,80}}\b{_PAY}\b",
    re.IGNORECASE,
)
# The statement's own heading: "Equal Employment Opportunity", "EEO & Employment Eligibility".
_EQUAL_OPPORTUNITY_HEADING = re.compile(
    r"^[\W_]*(?:equal\s+(?:employment\s+)?opportunity|EEO)\b[^.:\n]{0,40}$",
    re.IGNORECASE | re.MULTILINE,
)
_CASE_BLIND = (_EQUAL_OPPORTUNITY, _OFFERED_PAY, _DEGREE_FIELDS)
# Their case-sensitive copies for the lower-cased text (text.caseless_pattern).
_CASELESS = (
    caseless_pattern(_EQUAL_OPPORTUNITY),
    caseless_pattern(_OFFERED_PAY),
    caseless_pattern(_DEGREE_FIELDS),
)
_HIRING = re.compile(r"\b(?:is|are|we['’]re|now|currently)\s+$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"\s?\d")


def noise_spans(text: str, sections: list[Section], company: str | None) -> list[tuple[int, int]]:
    """Offsets of masthead lines, employer and equal-opportunity sentences, degree fields.

    Args:
        text: The normalised posting text.
        sections: Its sections (the first may be the header before any heading).
        company: The employer's name when known (labelled or from structured data).

    Returns:
        ``(start, end)`` spans whose skill mentions are not requirements.
    """
    spans: list[tuple[int, int]] = []
    header_end = next((s.end for s in sections if s.name == HEADER), 0) if sections else len(text)
    spans.extend(_masthead(text, header_end))
    spans.extend(_employer_sentences(text, header_end, company))
    lowered = caseless(text)
    # A letter only the case-blind patterns read right: those, on the text itself.
    searched = text if lowered is None else lowered
    equal_opportunity, offered_pay, degree_fields = _CASE_BLIND if lowered is None else _CASELESS
    # A sentence's bounds are non-word characters, so searching the whole text
    # between them finds what searching the sentence alone would.
    spans.extend(
        (match.start(), match.end())
        for match in _SENTENCE.finditer(text)
        if equal_opportunity.search(searched, match.start(), match.end())
        or offered_pay.search(searched, match.start(), match.end())
    )
    spans.extend(match.span() for match in _EQUAL_OPPORTUNITY_HEADING.finditer(text))
    for match in degree_fields.finditer(searched):
        fields = match.group("fields")
        end = _FIELDS_END.search(fields)
        cut = end.start() if end else len(fields)
        spans.append((match.start("fields"), match.start("fields") + cut))
    return spans


def not_a_skill_here(text: str, start: int, end: int) -> bool:
    """True for a mention that is a currency code before an amount or "(we are) hiring"."""
    surface = text[start:end]
    if len(surface) == 3 and surface.isupper() and _AMOUNT_AFTER.match(text, end):
        return True  # "CAD 82,000", "PHP 40,000"
    return surface.lower() == "hiring" and bool(_HIRING.search(text[max(0, start - 20) : start]))


def _masthead(text: str, header_end: int) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for line in text[:header_end].split("\n"):
        start, position = position, position + len(line) + 1
        if not _is_masthead(line.strip(" \t#*")):
            continue
        # A leading job title stays: a posting asks for what its title names
        # ("Digital Marketing Manager | Leeds | Hybrid").
        first = _MASTHEAD_SPLIT.search(line)
        keep_title = first is not None and has_role_word(line[: first.start()])
        spans.append((start + first.end() if keep_title and first else start, start + len(line)))
    return spans


def _is_masthead(line: str) -> bool:
    """A line of short pieces naming places and work terms ("Acme | Austin, TX | Hybrid")."""
    pieces = [piece for piece in _MASTHEAD_SPLIT.split(line) if piece.strip()]
    if len(pieces) < 2 or any(len(piece.split()) > 7 for piece in pieces):
        return False
    return any(looks_like_place(piece) or _WORK_TERMS.search(piece) for piece in pieces)


def _employer_sentences(text: str, header_end: int, company: str | None) -> list[tuple[int, int]]:
    spans = []
    for match in _SENTENCE.finditer(text, 0, header_end):
        sentence = match.group(0)
        opening = sentence.lstrip()
        about_us = (
            bool(_WE_ARE.match(opening))
            or bool(_NAME_DOES.match(opening))
            or bool(company and len(company) >= 3 and opening.startswith(company))
        )
        if about_us and not _RECRUITS.search(sentence):
            spans.append((match.start(), match.end()))
    return spans
