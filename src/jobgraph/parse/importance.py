"""Required or preferred: how a posting marks each thing it asks for.

The evidence, strongest first:

1. a cue inside the mention's own part of its clause (parts are split at
   commas and parentheses): "Python required", "ideally Oracle", "Kafka (a plus)";
2. a cue that ends the clause and so covers all of it: "Go, Rust or Zig are a
   plus", "... (preferred)";
3. a cue that opens the clause or labels it: "Nice to have: Go; Rust",
   "Preferred: MRI cross-training", "Bonus: Zendesk experience";
4. the section heading ("Requirements", "Nice to have").

A cue in another part of the clause does not reach the mention:
"Relational databases, ideally Oracle or PostgreSQL" prefers only the vendors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobgraph.parse.headings import heading_of, posting_section_keyword
from jobgraph.parse.text import caseless

PREFERRED_CUE = re.compile(
    r"\b(?:nice[\s-]to[\s-]haves?|preferred|preferably|preference|(?:is|are|would\s+be)\s+"
    r"(?:an?\s+)?(?:big\s+|huge\s+|strong\s+|definite\s+|real\s+)?(?:plus|bonus|advantage|asset)"
    r"|a\s+plus|plus\s+if|bonus(?:\s+points)?|pluses|an?\s+(?:added\s+|additional\s+)?asset"
    r"|an?\s+(?:added\s+|additional\s+)?advantage|extra\s+points"
    r"|desirable|desired|ideally|advantageous|not\s+required|optional|welcome|welcomed"
    r"|good\s+to\s+have|great\s+to\s+have|would\s+be\s+(?:great|nice|helpful|beneficial)"
    r"|beneficial|extra\s+credit|even\s+better|stand\s+out|appreciated)\b",
    re.IGNORECASE,
)
REQUIRED_CUE = re.compile(
    r"\b(?:must(?:[\s-]haves?)?|required|requires?|requirements?|mandatory|essential"
    r"|minimum|at\s+least|need(?:s)?\s+to\s+have|you\s+(?:have|bring|possess))\b",
    re.IGNORECASE,
)
# Words that say how well, not whether: "Strong SQL" in a requirements list is
# required, "Strong leadership skills" under "Preferred qualifications" is not.
LEVEL_CUE = re.compile(
    r"\b(?:proven|demonstrated|strong|solid|expert(?:ise)?|proficien(?:t|cy))\b", re.IGNORECASE
)
_TRAILING = re.compile(
    r"(?:\b(?:is|are|would\s+be)\s+(?:an?\s+)?(?:big\s+|huge\s+|strong\s+|definite\s+)?"
    r"(?:plus|bonus|advantage|asset|preferred|desirable|welcome|required|mandatory|a\s+must)"
    r"|\(\s*(?:preferred|a\s+plus|optional|nice\s+to\s+have|desirable|required|mandatory)\s*\)"
    r"|\b(?:preferred|required|desirable|a\s+plus|optional)\b)\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: The words a :data:`_TRAILING` match ends in, before spaces, ")" and one "." or "!".
_TRAILING_WORDS = ("plus", "bonus", "advantage", "asset", "preferred", "desirable", "welcome",
                   "required", "mandatory", "must", "optional", "have")  # fmt: skip
_LABEL = re.compile(r"\s*(?:[•*\-–]\s*)?(?P<label>[A-Za-z' -]{2,40}?)\s*:\s*")  # match(pos)
# A clause breaks at a semicolon and spaces, at a sentence end before a capital
# (after two letters or digits, or a bracket: not "e.g. Python") or at a line end.
# Both patterns open with the punctuation itself, a class the regex engine skips
# to directly, and look behind it for what must precede it.
_CLAUSE_BREAK = re.compile(
    r"[;.!?\n](?:(?<=;)\s+|(?<=[A-Za-z0-9)\]]{2}[.!?])\s+(?=[A-Z(•])"
    r"|(?<=[)\]][.!?])\s+(?=[A-Z(•])|(?<=\n))"
)
_SENTENCE_END = re.compile(r"[.!?](?<=[A-Za-z0-9)\]]{2}[.!?])\s+(?=[A-Z])")
_PARTS = re.compile(r",\s*|\s*\(\s*|\s*\)\s*")
_OPENING_PREFERENCE = re.compile(r"\s*(?:ideally|preferably|bonus|optionally)\b", re.IGNORECASE)
CUE_STRENGTH = 3.0
LABEL_STRENGTH = 2.5


@dataclass(frozen=True, slots=True)
class Importance:
    """The importance of one mention and how strong the evidence is (0..3)."""

    label: str
    strength: float


def _trailing_cue(clause: str) -> re.Match[str] | None:
    """:data:`_TRAILING` in ``clause``, searched only when the clause ends in a cue word."""
    lowered = caseless(clause)
    if lowered is not None:
        tail = lowered.rstrip().rstrip(".!").rstrip().rstrip(")").rstrip()
        if not tail.endswith(_TRAILING_WORDS):
            return None
    return _TRAILING.search(clause)


def clause_bounds(text: str, offset: int) -> tuple[int, int]:
    """Return the clause (sentence part, list item or line) holding ``offset``."""
    start = max(0, offset - 400)
    for match in _CLAUSE_BREAK.finditer(text, start, offset):
        start = match.end()
    # both searches stay within 400 characters, so a posting written as one long
    # line costs linear time, not quadratic
    limit = min(len(text), offset + 400)
    following = _CLAUSE_BREAK.search(text, offset, limit)
    return start, following.start() if following else limit


# Words that mark a preference only as a label ("Assets: ...", "Advantage: ..."); inside
# a sentence they are ordinary words ("fixed assets", "take advantage of").
_LABEL_PREFERRED = re.compile(r"\s*(?:assets?|advantages?|plus(?:es)?|bonus)\s*$", re.IGNORECASE)


def _label_cue(label: str) -> str | None:
    """The importance a line label ("Nice to have", "Responsibilities") gives what follows."""
    if _LABEL_PREFERRED.match(label):
        return "preferred"
    cue = _cue_label(label)
    if cue is not None:
        return cue
    section = heading_of(label, kind="posting") or posting_section_keyword(label)
    if section in ("required", "duties"):
        return "required"
    return "preferred" if section == "preferred" else None


def _cue_label(fragment: str, levels: bool = False) -> str | None:
    preferred = PREFERRED_CUE.search(fragment)
    required = REQUIRED_CUE.search(fragment) or (LEVEL_CUE.search(fragment) if levels else None)
    if preferred and (not required or preferred.start() <= required.start() + 40):
        return "preferred"
    return "required" if required else None


def importance_at(
    text: str, start: int, end: int, section_default: str, section_strength: float = 1.0
) -> Importance:
    """Return how strongly and in which direction a posting marks ``text[start:end]``.

    Args:
        text: The posting text.
        start: Offset of the mention.
        end: End offset of the mention.
        section_default: "required" or "preferred", from the section heading.
        section_strength: How specific that heading is (generic "Skills" is weak).

    Returns:
        The importance, with the strength of its evidence.
    """
    clause_start, clause_end = clause_bounds(text, start)
    clause = text[clause_start:clause_end]
    position = start - clause_start
    # 1. The mention's own part.
    part_start = 0
    for match in _PARTS.finditer(clause, 0, position):
        part_start = match.end()
    following = _PARTS.search(clause, position + (end - start))
    part_end = following.start() if following else len(clause)
    own = clause[part_start:position] + " " + clause[position + (end - start) : part_end]
    label = _cue_label(own, levels=section_default == "required")
    if label is not None:
        return Importance(label, CUE_STRENGTH)
    # 2. A cue closing the clause; 3. a cue or label opening it.
    trailing = _trailing_cue(clause)
    if trailing is not None and trailing.start() >= position:
        label = _cue_label(trailing.group(0))
        if label is not None:
            return Importance(label, CUE_STRENGTH)
    leading = _LABEL.match(clause)
    if leading is not None and leading.end() <= position:
        label = _label_cue(leading.group("label"))
        if label is not None:
            return Importance(label, CUE_STRENGTH)
    first_part = _PARTS.split(clause, maxsplit=1)[0]
    if part_start > 0 and _OPENING_PREFERENCE.match(first_part):
        return Importance("preferred", CUE_STRENGTH)  # "Ideally Python, Go or Rust"
    # 4. A label opening the clause's sentence ("Requirements: 3 years; SQL. Preferred:
    # Tableau; R"), else one opening its line ("Nice to have: Go; Rust. Also Zig").
    line_start = text.rfind("\n", 0, clause_start) + 1
    sentence_start = line_start
    for match in _SENTENCE_END.finditer(text, line_start, clause_start):
        sentence_start = match.end()
    for label_start in dict.fromkeys((sentence_start, line_start)):
        if label_start >= clause_start:
            continue
        line_label = _LABEL.match(text, label_start, clause_start + 1)
        label = _label_cue(line_label.group("label")) if line_label is not None else None
        if label is not None:
            return Importance(label, LABEL_STRENGTH)
    return Importance(section_default, section_strength)
