"""Facts about positions in a document that the skill matcher's decisions rest on.

Where a mention sits tells whether an ambiguous form is a skill: inside a skills
section or a "Technologies: ..." line, as a whole bullet item, after
"experience with", between list commas, or at the start of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container
from typing import Any

from spacy.tokens import Doc

from jobgraph.parse.geo import region_of
from jobgraph.parse.sections import section_at
from jobgraph.parse.text import doc_text

# Label words of "Technologies: ..." lines that make the line a skill list.
LISTLABEL_WORDS = frozenset(
    {
        "skills",
        "skill",
        "technologies",
        "technology",
        "tools",
        "tool",
        "stack",
        "languages",
        "language",
        "frameworks",
        "framework",
        "libraries",
        "library",
        "databases",
        "database",
        "platforms",
        "platform",
        "environment",
        "environments",
        "software",
        "tech",
        "programming",
        "methodologies",
        "os",
        "cloud",
        "devops",
        "testing",
        "web",
        "frontend",
        "backend",
        "front-end",
        "back-end",
        "ide",
        "ides",
        "utilities",
        "competencies",
        "expertise",
        "proficient",
        "proficiency",
        "familiar",
        "knowledge",
        "systems",
        "apps",
        "applications",
        "packages",
        "certifications",
        "technical",
        "hardware",
        "networking",
        "data",
        "analytics",
        "design",
        "patterns",
    }
)
_GAP_WORD = re.compile(r"[A-Za-z0-9][\w+#.-]*|&")
_ITEM = re.compile(r"[^,;|•/()\[\]:]+")
LABEL = re.compile(r"\s*(?:•\s*)?([A-Za-z][\w &/+.'-]{0,40}?)\s*:\s*\S")  # used with match(pos)
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")
_WORDS_AFTER = re.compile(r"(?:[ \t]+[A-Za-z][a-z]*){1,2}")
_PLACE_BEFORE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)*),[ \t]*$")
_LIST_CHARS = set(",/|;()•[]&+:")
_SKILL_PHRASE = re.compile(
    r"\b(?:experience|experienced|knowledge|proficien(?:t|cy)|skills?|skilled|familiarity|familiar"
    r"|expertise|expert|fluency|fluent|background|programming|coding|working|development)"
    r"\s+(?:with|in|of|using)\s+(?:[\w+#.-]+\s*(?:,|/|and|or)\s*){0,3}$",
    re.IGNORECASE,
)


def words_of_label(label: re.Match[str] | None) -> set[str]:
    """The lower-case words of a :data:`LABEL` match ("Tools/Environments" -> two)."""
    return set(re.split(r"[\s/&+-]+", label.group(1).lower())) if label else set()


class SkillContext:
    """Line and section facts about positions in one document."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.sections = doc._.jobgraph_sections or []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._list_lines: dict[int, bool] = {}
        self._list_items: list[tuple[str, int]] | None = None

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset) - 1

    def line_bounds(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def _line_is_list(self, line: int) -> bool:
        if line not in self._list_lines:
            start, end = self.line_bounds(line)
            section = section_at(self.sections, start) if self.sections else None
            labelled = LABEL.match(self.text, start, end)
            label_words = words_of_label(labelled)
            self._list_lines[line] = (section is not None and section.name == "skills") or bool(
                label_words & LISTLABEL_WORDS
            )
        return self._list_lines[line]

    def is_skill_list(self, offset: int) -> bool:
        """True inside a skills section or on a "Technologies: ..." line."""
        return self._line_is_list(self.line_of(offset))

    def skill_list_lines(self) -> list[tuple[int, int]]:
        return [self.line_bounds(i) for i in range(len(self.line_starts)) if self._line_is_list(i)]

    def list_items(self) -> list[tuple[str, int]]:
        """Each item of each skill-list line, trimmed: ``(text, start offset)``.

        Items are split at commas, semicolons, bars, bullets, slashes, brackets
        and colons; a line's "Technologies:" label is not an item. Read once per
        document (the matcher and the uncatalogued-skills component both ask).
        """
        if self._list_items is None:
            self._list_items = []
            for line_start, line_end in self.skill_list_lines():
                line = self.text[line_start:line_end]
                label = LABEL.match(line)
                begin = label.end() - 1 if label else 0
                for item in _ITEM.finditer(line, begin):
                    raw = item.group(0)
                    surface = raw.strip(" \t.-–*")
                    if surface:
                        self._list_items.append(
                            (surface, line_start + item.start() + raw.find(surface))
                        )
        return self._list_items

    def starts_sentence(self, offset: int) -> bool:
        position = offset - 1
        while position >= 0 and self.text[position] in " \t•*-":
            position -= 1
        return position < 0 or self.text[position] in ".!?\n:"

    def in_list_label(self, offset: int) -> bool:
        """True inside the label of a "Databases: PostgreSQL, MySQL" line."""
        line_start, line_end = self.line_bounds(self.line_of(offset))
        label = LABEL.match(self.text, line_start, line_end)
        return (
            label is not None
            and offset < label.end() - 1
            and self._line_is_list(self.line_of(offset))
        )

    def labels_a_list(self, candidate: Any, starts: list[int]) -> bool:
        """True for a label word opening a list line without a colon: "Database MySQL, Oracle".

        The word ("Database", "Tools", "Languages") must start its (bullet) line
        and another candidate must follow it on that line, with nothing but label
        words or items between them ("Databases Oracle, SQL Server"): "Programming
        experience in Python" is a sentence.
        """
        if candidate.surface.lower() not in LISTLABEL_WORDS:
            return False
        line_start, line_end = self.line_bounds(self.line_of(candidate.start))
        if self.text[line_start : candidate.start].strip(" \t•*-–>·"):
            return False
        following = bisect_right(starts, candidate.start)
        if following >= len(starts) or starts[following] >= line_end:
            return False
        between = _GAP_WORD.findall(self.text[candidate.end : starts[following]])
        return all(_in_a_list_label(word) for word in between)

    def ends_hyphen_compound(self, candidate: Any) -> bool:
        """True for a lower-case word that is the tail of a compound ("data-quality checks")."""
        start = candidate.start
        if start < 2 or self.text[start - 1] != "-" or not self.text[start - 2].isalpha():
            return False
        return candidate.surface[:1].islower()

    def is_whole_item(self, start: int, end: int) -> bool:
        """True when the mention is all there is on its (bullet) line: "• Go"."""
        line_start, line_end = self.line_bounds(self.line_of(start))
        before = self.text[line_start:start].strip(" \t•*-–>·")
        after = self.text[end:line_end].strip(" \t.,;")
        return not before and not after

    def follows_skill_phrase(self, start: int) -> bool:
        """True after "experience with", "knowledge of", "proficient in" and the like."""
        return bool(_SKILL_PHRASE.search(self.text, max(0, start - 40), start))

    def opens_bullet(self, offset: int) -> bool:
        """True when ``offset`` is the first word of a bulleted line."""
        line_start, _ = self.line_bounds(self.line_of(offset))
        lead = self.text[line_start:offset]
        return bool(lead.strip()) and not lead.strip(" \t•*-–>·")

    def in_job_title(self, candidate: Any, is_title: Callable[[str], bool]) -> bool:
        """True inside a known job title: "Sous Chef", "Chef de Partie" (not the Chef tool).

        The word before and the match, or the match and one or two words after,
        are asked of ``is_title`` (the lookup's dictionary of titles).
        """
        before = _WORD_BEFORE.search(self.text, max(0, candidate.start - 30), candidate.start)
        after = _WORDS_AFTER.match(self.text, candidate.end)
        titles = [f"{before.group(1)} {candidate.surface}"] if before else []
        if after is not None:
            words = after.group(0).split()
            titles += [" ".join([candidate.surface, *words[:n]]) for n in (1, 2)]
        return any(is_title(title) for title in titles)

    def is_region_code(self, candidate: Any, known_forms: Container[str]) -> bool:
        """True for a region code after a place name: "Atlanta, GA", "Pune, MH".

        Not in a skill list, and not after a skill ("Salesforce, GA" lists two).
        """
        surface = candidate.surface
        if len(surface) != 2 or not surface.isupper() or region_of(surface) is None:
            return False
        place = _PLACE_BEFORE.search(self.text, max(0, candidate.start - 40), candidate.start)
        return (
            place is not None
            and place.group(1).lower() not in known_forms
            and not self.is_skill_list(candidate.start)
        )

    def is_listed(self, start: int, end: int) -> bool:
        """True when list punctuation (or a line edge) sits on either side."""
        before = self.text[max(0, start - 8) : start].rstrip(" \t")
        after = self.text[end : end + 8].lstrip(" \t")
        left = not before or before[-1] in _LIST_CHARS or before[-1] == "\n"
        right = not after or after[0] in _LIST_CHARS or after[0] in ".\n"
        if before.endswith((" and", " or")):
            left = True
        if after.startswith(("and ", "or ")):
            right = True
        return left or right


def _in_a_list_label(word: str) -> bool:
    """A word that may stand between a list label and its first skill: a label word or an item."""
    lower = word.lower()
    return lower in LISTLABEL_WORDS or lower in ("and", "&") or not word[0].islower()
