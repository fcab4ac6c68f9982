"""A skill's name used in another sense, told apart by the words around it.

Any skill's name may name a part of an organisation: "our pricing team", "the
planning department", "the haematology and oncology pharmacy team"
(:func:`names_unit`: among at most five words between "the" or a possessive and
"team", "department", "division", "unit" or "group", on one line). After "a" or
"an" the words describe the team instead: "an agile team" works in an agile way.
Likewise a name listed with people names people ("operators and mechanics",
"engineers, QA and DevOps": :func:`names_people`, the next item or the one
before headed by a person noun of
:func:`~jobgraph.parse.skill_people.person_nouns` in the plural or by a word
for a body of people such as "staff"; a team is an organisation's unit, and a
singular noun may be a product: "Ansible, Chef"). Two
kinds of skill have names that English also uses for something else:

* **a credential named for its holder**: "RN", "CPA", "LPN" are licences and
  also the people who hold them. "Report changes to the RN", "work with our
  outside CPA": after "the", "our", "your" or "their" (and at most one more
  word) the acronym is a person, unless a word for the credential follows
  ("the CPA exam", "their RN licence"). "Must be an RN" and "RN required" keep
  the credential;
* **a language named as a nationality**: "German" in "Business fluent German"
  is the language, in "the German public auditor exam" a nationality. After an
  article or a possessive (and at most one more word), a language name
  followed by a word that is not a function word and not about language ("the
  German auditor exam", "our French clients") is the adjective. "English
  copywriting", "the English language", "English/Spanish", "German (C1)" and
  "Spanish-speaking" keep the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from jobgraph.parse.skill_people import person_nouns
from jobgraph.taxonomy.label_index import singular
from jobgraph.taxonomy.model import SkillKind, Taxonomy


def _determiner_before(words: str) -> re.Pattern[str]:
    """One of ``words`` ("the|our"), then at most one more word, right before a mention."""
    return re.compile(rf"\b(?:{words})\s+(?:[A-Za-z-]+\s+)?$", re.IGNORECASE)


_HOLDER_BEFORE = _determiner_before("the|our|your|their")
_ARTICLE_BEFORE = _determiner_before("the|an?|our|your|their|its|his|her")
_CREDENTIAL_AFTER = re.compile(
    r"\s*(?:licen[cs]e[ds]?|certifi\w*|credential\w*|exams?|examination|designation|status"
    r"|registration|qualification|board|program(?:me)?|course|track|pathway|level)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,5}")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]{2,})\b")  # not "B2", "C1"
#: Words after a language name that keep it a language.
_ABOUT_LANGUAGE = frozenset(
    ("language", "languages", "skills", "skill", "speaker", "speakers", "speaking", "spoken",
     "written", "fluency", "fluent", "proficiency", "proficient", "communication", "writing",
     "reading", "native", "level", "required", "preferred", "essential", "desirable",
     "mandatory", "translation", "interpretation", "interpreting", "teaching", "teacher",
     "literature", "grammar", "certificate", "test", "exam", "courses", "lessons", "tutor",
     "tutoring", "instruction", "support", "customer", "customers", "callers", "bilingual")
)  # fmt: skip

#: "the" or a possessive, up to five words (joined by spaces, commas, "and", "&"),
#: then a word for a part of an organisation.
_UNIT = re.compile(
    r"\b(?:the|our|your|their|its)[ \t]+((?:[A-Za-z][A-Za-z-]*(?:[ \t]*,)?[ \t]+|&[ \t]+){1,5}?)"
    r"(?:teams?(?![ \t]+(?:members?|players?)\b)|departments?|dept|divisions?|units?|group)\b",
    re.IGNORECASE,
)


#: Characters read on each side of a mention for a unit's name (five words and more).
_UNIT_REACH = 80
_UNIT_WORD = re.compile(r"\b(?:teams?|departments?|dept|divisions?|units?|group)\b", re.I)
#: Words that end a unit's name: "the end of the year the sales team" names one unit.
_FUNCTION_WORDS = frozenset(
    ("the", "a", "an", "of", "to", "in", "for", "with", "on", "at", "by", "from", "is", "are",
     "was", "be", "will", "our", "your", "their", "its", "this", "that")
)  # fmt: skip


def _on_line_before(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether ``pattern`` ends at ``start``, within the line that holds it."""
    return pattern.search(text, text.rfind("\n", 0, start) + 1, start) is not None


def names_unit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a team or department ("our pricing team")."""
    line_start = text.rfind("\n", max(0, start - _UNIT_REACH), start) + 1
    line_end = text.find("\n", end, end + _UNIT_REACH)
    window_end = min(len(text), end + _UNIT_REACH) if line_end < 0 else line_end
    if _UNIT_WORD.search(text, end, window_end) is None:
        return False  # no unit word after the mention: most mentions
    window_start = max(line_start, start - _UNIT_REACH)
    for unit in _UNIT.finditer(text, window_start, window_end):
        words = re.findall(r"[A-Za-z-]+", unit.group(1).lower())
        if unit.start(1) <= start and end <= unit.end(1) and not _FUNCTION_WORDS & set(words):
            return True
    return False


#: Words a list item of nouns does not hold ("guidance to scientists" is no item).
_NOT_IN_ITEM = _FUNCTION_WORDS | {"and", "or"}
#: Words for a body of people, singular in form.
_BODIES_OF_PEOPLE = frozenset(("staff", "personnel", "people", "crew", "workforce"))
#: A list item before a mention ("operators and"): its last word, then the joiner.
_ITEM_BEFORE = re.compile(  # the word is read whole (++): no letter can follow it
    r"([A-Za-z]++)[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)$"
)
#: A list item after a mention: the joiner, then up to three words and what ends them.
_ITEM_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
    r"((?:[A-Za-z][A-Za-z-]*[ \t]+){0,2}[A-Za-z][A-Za-z-]*)(?=[ \t]*(?:[,;.:)]|$|\n|and\b|or\b))"
)


def names_people(text: str, start: int, end: int, persons: frozenset[str]) -> bool:
    """Whether the mention ``text[start:end]`` is listed with people ("operators and mechanics").

    An activity in "-ing" is listed with other activities, whatever their objects
    ("coaching and mentoring team members").
    """
    tail = text[max(0, start - 5) : start].rstrip(" \t")
    head = text[end : end + 5].lstrip(" \t")
    if not tail.endswith((",", " and", " or", "&")) and not head.startswith(
        (",", "and ", "or ", "&")
    ):
        return False  # in no list: most mentions, answered without a pattern
    words = text[start:end].split()
    if words and words[0].lower().endswith("ing"):
        return False
    before = _ITEM_BEFORE.search(text, max(0, start - 40), start)
    after = _ITEM_AFTER.match(text, end)
    items = [found.group(1).lower().split() for found in (before, after) if found is not None]
    return any(
        _are_people(item[-1], persons) and not _NOT_IN_ITEM.intersection(item) for item in items
    )


def _are_people(word: str, persons: frozenset[str]) -> bool:
    """A plural person noun ("operators") or a word for a body of people ("staff")."""
    single = singular(word)
    return word in _BODIES_OF_PEOPLE or (single not in (word, "team") and single in persons)


def names_holder(text: str, start: int, end: int) -> bool:
    """Whether the credential acronym ``text[start:end]`` names a person ("the RN")."""
    return (
        _ACRONYM.fullmatch(text[start:end]) is not None
        and _on_line_before(_HOLDER_BEFORE, text, start)
        and not _CREDENTIAL_AFTER.match(text, end)
    )


def names_nationality(text: str, start: int, end: int) -> bool:
    """Whether the language name ``text[start:end]`` is an adjective of nationality."""
    if not _on_line_before(_ARTICLE_BEFORE, text, start):
        return False
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    lower = word.lower()
    if lower in STOP_WORDS or lower in _ABOUT_LANGUAGE:
        return False
    # "English Spanish": a list written without commas
    return not (word[0].isupper() and lower.endswith(("ish", "an", "ese", "ic")))


@dataclass(frozen=True, slots=True)
class OtherSenses:
    """The rules above for one taxonomy: which skills are credentials and languages."""

    credentials: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    #: Nouns for people (:func:`~jobgraph.parse.skill_people.person_nouns`).
    persons: frozenset[str] = field(default_factory=lambda: person_nouns(None))

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> OtherSenses:
        """The rules for ``taxonomy``'s certifications and languages."""
        return cls(
            taxonomy.ids_of_kind(SkillKind.CERTIFICATION),
            taxonomy.ids_of_kind(SkillKind.LANGUAGE),
            person_nouns(taxonomy),
        )

    def applies(self, text: str, skill_id: str, start: int, end: int) -> bool:
        """Whether the mention ``text[start:end]`` of ``skill_id`` is in another sense."""
        if names_unit(text, start, end) or names_people(text, start, end, self.persons):
            return True
        if skill_id in self.credentials:
            return names_holder(text, start, end)
        if skill_id in self.languages:
            return names_nationality(text, start, end)
        return False
