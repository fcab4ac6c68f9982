"""Years of experience in postings and resumes: "5+ years of Python", "at least 3
years' experience with AWS", "Java (3+ yrs)", "minimum of five years of experience",
and which skill each figure belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from jobgraph.parse.text import lower_in_place

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUMBER = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
# Possessive spaces (\s*+): what follows each never starts with a space, so giving
# spaces back cannot help a match, and a long run of them is not retried per position.
# Matched against the lower-cased text (lower-case letters, no IGNORECASE), and
# only where a digit or a number word's first letter stands: a third of the time
# of a case-blind scan.
YEARS = re.compile(
    rf"(?=[\d{''.join(sorted({word[0] for word in _NUMBER_WORDS}))}])"
    rf"(?P<n>{_NUMBER})\s*+(?:\+|plus|or\s+more|or\s+above)?\s*+"
    rf"(?:(?:-|–|to)\s*+{_NUMBER}\s*+\+?\s*+)?"
    r"(?:\(\s*+\d{1,2}\s*+\)\s*+)?-?(?:years?|yrs?)['’]?(?!\s+old\b)"
)
_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:\+\s*)?(?:of\s+)?(?:(?:relevant|professional|hands[\s-]on|industry|proven|related|"
    r"practical|commercial|work|working|progressive|full[\s-]time|post[\s-]graduate|demonstrated|"
    r"direct|technical|prior|previous|overall|total|solid|strong)\s+)*"
    r"(?:\S+\s+){0,6}?(?:exp[ei]r[ie][ae]nce|exp\b)",
    re.IGNORECASE,
)
_EXPERIENCE_BEFORE = re.compile(
    r"experience\s*(?:of|:|-|–)?\s*(?:at\s+least|minimum(?:\s+of)?)?\s*$"
    r"|experience[^.;\n]{0,80}?(?:\(|\bat\s+least|\bminimum(?:\s+of)?|\bmin\.?)\s*$",
    re.IGNORECASE,
)
# "3+ years building iOS apps", "5+ years in digital marketing" opening a requirement.
_LEADING_YEARS_TAIL = re.compile(r"^\s*(?:in|of|as|at|on|with|doing|\w+ing)\b", re.IGNORECASE)
NO_EXPERIENCE = re.compile(
    r"\bno\s+(?:prior\s+|previous\s+|professional\s+|paid\s+|work\s+)*experience\s+"
    r"(?:is\s+)?(?:required|necessary|needed)\b|\bentry[\s-]level\s+(?:role|position)\b",
    re.IGNORECASE,
)
_NOT_EXPERIENCE = re.compile(
    r"^\s*(?:old|ago|in\s+business|of\s+(?:age|operation|history|growth|service\s+to))\b", re.I
)


@dataclass(frozen=True, slots=True)
class YearsMention:
    """A "N years" phrase: its minimum, offsets, and whether it speaks of experience."""

    years: float
    start: int
    end: int
    about_experience: bool


def number_value(text: str) -> float:
    """Read "5", "2.5" or "five" as a number."""
    lowered = text.lower()
    return float(_NUMBER_WORDS.get(lowered, 0)) or float(lowered)


def find_years(text: str) -> list[YearsMention]:
    """Return every "N years" phrase in ``text`` that states a requirement length."""
    found = []
    for match in YEARS.finditer(lower_in_place(text)):
        after = text[match.end() : match.end() + 80]
        before = text[max(0, match.start() - 120) : match.start()]
        if _NOT_EXPERIENCE.match(after):
            continue
        about = bool(_EXPERIENCE_AFTER.match(after)) or bool(_EXPERIENCE_BEFORE.search(before))
        if not about and _LEADING_YEARS_TAIL.match(after):
            line_start = text.rfind("\n", 0, match.start()) + 1
            about = not text[line_start : match.start()].strip(" \t•*-–>·:").strip()
        years = number_value(match.group("n"))
        if 0 < years <= 30:
            found.append(YearsMention(years, match.start(), match.end(), about))
    return found


_CONNECTOR = re.compile(
    r"['’]?\s*(?:\+\s*)?(?:of\s+|in\s+)?"
    r"(?:(?:professional|hands[\s-]on|commercial|production|industry|practical|working|solid"
    r"|strong|relevant|proven|recent|progressive)\s+)*"
    r"(?:(?:experience|exp\.?|expertise|background)\s+(?:in|with|using|of|on|developing\s+(?:in|with))\s+"
    r"|(?:of|in|with|using|on)\s+|(?:working|programming|developing|coding)\s+(?:in|with)\s+)?",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"\s*(?:,|/|&|;)?\s*(?:and|or)?\s*", re.IGNORECASE)
_BEFORE = re.compile(r"[\s:(\-–,]*(?:for\s+)?", re.IGNORECASE)


class HasOffsets(Protocol):
    """Anything with character offsets (skill hits)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def years_by_mention(
    text: str, mentions: list[YearsMention], spans: Sequence[HasOffsets]
) -> tuple[dict[int, float], set[int]]:
    """Attach "N years" phrases to the skill mentions they speak of.

    "5+ years of Python", "3 years' experience with AWS and GCP" (the skill, and
    a list continuing it, right after the years) and "Python (3+ years)",
    "Java: 4 yrs" (the years right after the skill) count; "8 years of
    experience building platforms in Python" does not tie 8 years to Python.

    Args:
        text: The document text.
        mentions: Years phrases from :func:`find_years`.
        spans: Skill mentions (anything with ``start`` / ``end``), in any order.

    Returns:
        ``(years by index into spans, indices of the mentions that attached)``.
    """
    order = sorted(range(len(spans)), key=lambda i: spans[i].start)
    years: dict[int, float] = {}
    used: set[int] = set()
    # Years written right after a skill ("Java (3 yrs)") are that skill's own.
    for number, mention in enumerate(mentions):
        before = [i for i in order if spans[i].end <= mention.start]
        if not before or mention.start - spans[before[-1]].end > 12:
            continue
        if _BEFORE.fullmatch(text[spans[before[-1]].end : mention.start]):
            used.add(number)
            years[before[-1]] = max(years.get(before[-1], 0.0), mention.years)
    explicit = set(years)
    for number, mention in enumerate(mentions):
        if number in used:
            continue
        after = [i for i in order if spans[i].start >= mention.end]
        if not after or spans[after[0]].start - mention.end > 60:
            continue
        if not _CONNECTOR.fullmatch(text[mention.end : spans[after[0]].start]):
            continue
        used.add(number)
        previous = after[0]
        if previous not in explicit:
            years[previous] = max(years.get(previous, 0.0), mention.years)
        for following in after[1:]:
            gap = text[spans[previous].end : spans[following].start]
            if not _LIST_JOIN.fullmatch(gap) or "\n" in gap:
                break
            if following not in explicit:
                years[following] = max(years.get(following, 0.0), mention.years)
            previous = following
    return years, used
