"""The contact block of a resume: name, email, phone, links, location; and the headline.

Contact details are looked for in the header (the text before the first
heading, or the first lines) and on labelled lines anywhere ("Phone: ...",
"Residence: ..."). Two labels on one line ("E-mail: x  Residence: y", common
in converted two-column layouts) are read separately.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jobgraph.parse.dates import RANGE_PATTERN
from jobgraph.parse.location import looks_like_place
from jobgraph.parse.names import display_name, header_name, is_name, strip_decorations
from jobgraph.parse.records import Contact
from jobgraph.parse.text import iter_lines, strip_bullet

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'(),|]+"
    r"|(?<![\w@.])(?:[a-z]{2,3}\.)?(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|"
    r"t\.me|stackoverflow\.com|behance\.net|dribbble\.com|medium\.com|kaggle\.com|"
    r"indeed\.com)/[^\s<>\"'(),|]+",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<![\w+/.-])(\+?\(?\d[\d ().-]{6,18}\d)(?![\w/-])")
_LABELLED = re.compile(
    r"(?P<label>\b[A-Za-z][A-Za-z .\-/]{1,24}?)\s*:\s*(?P<value>.*?)"
    r"(?=\s+[A-Z][A-Za-z .\-/]{1,24}?\s*:|\s*$)"
)
_PHONE_LABELS = ("phone", "tel", "telephone", "mobile", "mob", "cell", "ph", "contact no")
_LOCATION_LABELS = (
    "location", "address", "residence", "city", "city of residence", "based in",
    "lives in", "home", "current location", "place of residence",
)  # fmt: skip
_NAME_LABELS = ("name", "full name", "candidate", "candidate name")
_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|\*\*|__)|(?:\*\*|__)\s*$")
_YEARS = re.compile(r"\b(19|20)\d\d\b")
HEADER_LINES = 12
_CONTACT_WORDS = re.compile(
    r"\b(?:phone|tel|mob|mobile|cell|e-?mail|telegram|skype|whatsapp|linkedin|github|"
    r"address|age|born|birth|date of birth|nationality|citizenship)\b",
    re.IGNORECASE,
)
_COLON_LINE = re.compile(r"^[^\n:]{1,120}:[^\n]{0,160}$", re.MULTILINE)

OccupationCheck = Callable[[str], bool]


def _labelled_values(line: str) -> list[tuple[str, str]]:
    return [
        (m.group("label").strip().lower(), m.group("value").strip(" ,;|"))
        for m in _LABELLED.finditer(line)
    ]


def find_phone(text: str) -> str | None:
    """Return the first phone-number-shaped string in ``text`` (9 to 15 digits, not dates)."""
    for match in PHONE.finditer(text):
        candidate = match.group(1).strip()
        digits = re.sub(r"\D", "", candidate)
        if not 9 <= len(digits) <= 15:
            continue
        if len(_YEARS.findall(candidate)) >= 2 or re.fullmatch(r"[\d.]+", candidate):
            continue
        return candidate
    return None


def extract_contact(
    text: str,
    header_end: int,
    *,
    is_occupation: OccupationCheck | None = None,
    is_skill: OccupationCheck | None = None,
) -> Contact:
    """Read the contact block.

    Args:
        text: Normalised resume text.
        header_end: Offset where the first section after the header starts.
        is_occupation: Tells whether a line is a job title (so it is not taken
            for the candidate's name).
        is_skill: Tells whether a word is a skill name (a line of skills is
            not a name either).

    Returns:
        The contact details found (fields stay empty when absent).
    """
    header_lines = [line for line in iter_lines(text, 0, max(header_end, 0)) if not line.is_blank]
    if len(header_lines) < 3:
        header_lines = [line for line in iter_lines(text) if not line.is_blank][:HEADER_LINES]
    header_text = "\n".join(line.text for line in header_lines)
    contact = Contact()
    emails = EMAIL.findall(header_text) or EMAIL.findall(text)
    contact.email = emails[0] if emails else None
    links: list[str] = []
    for match in URL.finditer(text):
        link = match.group(0).rstrip(".,;:")
        if link not in links and "@" not in link:
            links.append(link)
    contact.links = links[:10]

    for labelled_line in _COLON_LINE.finditer(text):
        for label, value in _labelled_values(labelled_line.group(0)):
            if not value:
                continue
            if contact.phone is None and label.startswith(_PHONE_LABELS):
                contact.phone = find_phone(value)
            elif contact.location is None and label in _LOCATION_LABELS and len(value) <= 60:
                contact.location = value.rstrip(".")
            elif contact.name is None and label in _NAME_LABELS:
                candidate = strip_decorations(value)
                if is_name(candidate):
                    contact.name = display_name(candidate)
    if contact.phone is None:
        contact.phone = find_phone(EMAIL.sub(" ", URL.sub(" ", header_text)))
    if contact.location is None:
        contact.location = _header_location(header_lines)
    if contact.name is None:
        contact.name = header_name(
            [_MARKUP.sub("", line.text) for line in header_lines],
            is_occupation=is_occupation,
            is_skill=is_skill,
        )
    return contact


def _header_location(lines: list) -> str | None:
    for line in lines:
        for piece in re.split(r"\s*[|•·]\s*|\s{3,}|\s+-\s+", line.stripped):
            piece = piece.strip(" ,")
            plausible = 3 <= len(piece) <= 50 and not any(ch.isdigit() for ch in piece[:3])
            if plausible and "@" not in piece and looks_like_place(piece):
                return piece
    return None


def _is_contact_piece(piece: str) -> bool:
    return bool(
        EMAIL.search(piece) or URL.search(piece) or find_phone(piece) or looks_like_place(piece)
    )


def extract_headline(text: str, header_end: int, contact: Contact) -> str | None:
    """Return the first header line that reads like a professional headline.

    Skips the name, contact lines (email, phone, links, labelled fields) and
    place names; the headline is usually a title ("Senior Data Engineer") or a
    one-line pitch.
    """
    end = header_end if header_end > 0 else min(len(text), 600)
    for line in iter_lines(text, 0, end):
        candidate = strip_bullet(_MARKUP.sub("", line.text))
        pieces = [p.strip() for p in re.split(r"\s[|•·]\s|\s{3,}", candidate) if p.strip()]
        kept = [p for p in pieces if not _is_contact_piece(p)]
        if len(pieces) > 1 and len(kept) == 1:
            candidate = kept[0]  # "Data Scientist · name@example.com · London, UK"
        if not candidate or len(candidate) > 120 or len(candidate) < 4:
            continue
        if (
            contact.name
            and candidate.startswith(contact.name)
            and len(candidate) <= len(contact.name) + 12
        ):
            continue  # the name line, perhaps with post-nominals ("Grace O'Neill, RN")
        if EMAIL.search(candidate) or URL.search(candidate) or find_phone(candidate):
            continue
        if _labelled_values(candidate) or _CONTACT_WORDS.search(candidate):
            continue
        pieces = [p.strip() for p in re.split(r"[|•·]", candidate) if p.strip(" /,")]
        if not pieces or all(looks_like_place(piece) for piece in pieces):
            continue
        if RANGE_PATTERN.search(candidate):
            continue
        if sum(ch.isalpha() for ch in candidate) < len(candidate) * 0.6:
            continue
        return candidate
    return None
