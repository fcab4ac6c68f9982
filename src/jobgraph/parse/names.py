"""A candidate's name in the resume header: find it, and write it cleanly.

The name is usually the first short line; it may share that line with a title
("Aisha Bello — Network Engineer", "Cloud Engineer — Ingrid Solberg") and carry
an honorific, a nickname or post-nominals ("MS. ADWOA MENSAH-CLARKE",
'Margaret "Peggy" Sullivan', "Grace O'Neill, RN"). The stored form drops those
and puts an all-caps name in title case ("Henrik van der Berg", "Ryan McAllister").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jobgraph.parse.headings import heading_of
from jobgraph.parse.location import looks_like_place
from jobgraph.parse.roles import has_role_word

Check = Callable[[str], bool]

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame)\.?\s+", re.IGNORECASE)
_NICKNAME = re.compile(r"\s*(?:\"[^\"]{1,20}\"|“[^”]{1,20}”|'[^']{1,20}'|\([^)]{1,20}\))\s*")
_POST_NOMINALS = re.compile(
    r"(?:,?\s+(?:rn|lpn|np|md|phd|ph\.d\.|mba|cpa|pmp|jr\.?|sr\.?|iii|ii|esq\.?|msc|bsc|ma|ba"
    r"|dnp|pharmd|cfa|acca|peng|p\.eng\.?))+\s*$",
    re.IGNORECASE,
)
_PIECES = re.compile(r"\s+[—–-]\s+|\s*[|•·]\s*|\s{3,}|\t")
_PARTICLES = frozenset(
    [
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "von",
        "zu",
        "le",
        "la",
        "del",
        "della",
        "bin",
        "binti",
        "al",
        "el",
        "ter",
        "ten",
        "y",
    ]
)
_NOT_NAME_WORDS = frozenset(
    {
        "resume",
        "résumé",
        "cv",
        "curriculum",
        "vitae",
        "contact",
        "contacts",
        "profile",
        "page",
        "email",
        "e-mail",
        "phone",
        "address",
        "linkedin",
        "github",
        "portfolio",
        "summary",
        "objective",
        "positions",
        "position",
        "mobile",
        "tel",
        "references",
        "skills",
        "experience",
        "education",
        "personal",
        "information",
        "details",
        "about",
        "description",
        "work",
        "expirience",
    }
)


def _word_ok(word: str) -> bool:
    core = word.rstrip(".")
    if not core:
        return False
    if len(core) == 1:
        return core.isupper() and word.endswith(".")  # an initial: "J."
    if not core[0].isupper() and core.lower() not in _PARTICLES:
        return False
    return all(ch.isalpha() or ch in "'’-" for ch in core)


def strip_decorations(text: str) -> str:
    """Drop honorific, quoted nickname and post-nominals from a name."""
    text = _NICKNAME.sub(" ", text)
    text = _HONORIFIC.sub("", text.strip())
    text = _POST_NOMINALS.sub("", text)
    return " ".join(text.split()).strip(" ,")


def is_name(
    text: str, *, is_occupation: Check | None = None, is_skill: Check | None = None
) -> bool:
    """True when ``text`` reads like a person's name (2-5 capitalised words).

    Args:
        text: The candidate text, decorations already stripped.
        is_occupation: Tells whether text is a job title (a title is not a name).
        is_skill: Tells whether a word is a skill name ("Python SQL" is a skills line).
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 50:
        return False
    if not all(_word_ok(word) for word in words) or words[0].lower() in _PARTICLES:
        return False
    if any(word.lower().strip(".") in _NOT_NAME_WORDS for word in words):
        return False
    if heading_of(text) is not None or has_role_word(text) or looks_like_place(text):
        return False
    if is_skill is not None and sum(1 for word in words if is_skill(word)) * 2 >= len(words):
        return False
    return not (is_occupation and is_occupation(text))


def display_name(text: str) -> str:
    """Write an all-caps name in title case ("RYAN MCALLISTER" -> "Ryan McAllister")."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return text
    words = []
    for position, word in enumerate(text.split()):
        lower = word.lower()
        if position and lower in _PARTICLES:
            words.append(lower)
            continue
        titled = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), lower)
        titled = re.sub(r"\b(Mc|Mac)([a-z])", lambda m: m.group(1) + m.group(2).upper(), titled)
        titled = re.sub(
            r"\b(O|D)['’]([a-z])", lambda m: f"{m.group(1)}'{m.group(2).upper()}", titled
        )
        words.append(titled)
    return " ".join(words)


def header_name(
    lines: list[str], *, is_occupation: Check | None = None, is_skill: Check | None = None
) -> str | None:
    """Return the candidate's name from the first header lines, or ``None``.

    Every piece of a line split at dashes and bars is tried, so the name may
    come before or after a title on the same line.
    """
    for line in lines[:6]:
        for segment in _PIECES.split(line.strip(" #*•")):
            segment = segment.strip(" ,")
            if not segment or looks_like_place(segment):
                continue
            candidate = strip_decorations(segment.split(",")[0] if "," in segment else segment)
            if is_name(candidate, is_occupation=is_occupation, is_skill=is_skill):
                return display_name(candidate)
    return None
