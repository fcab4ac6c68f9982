"""A skill's name used in another sense, told apart by the words around it.

Any skill's name may name a part of an organisation: "our pricing team", "the
planning department" (:func:`names_unit`: after "the" or a possessive, before
"team", "department", "division", "unit" or "group"). After "a" or "an" the
words describe the team instead: "an agile team" works in an agile way. Two
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
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from jobgraph.taxonomy.model import SkillKind, Taxonomy

_HOLDER_BEFORE = re.compile(r"\b(?:the|our|your|their)\s+(?:[A-Za-z-]+\s+)?$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(
    r"\b(?:the|an?|our|your|their|its|his|her)\s+(?:[A-Za-z-]+\s+)?$", re.IGNORECASE
)
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


_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|our|your|their|its)\s+(?:[A-Za-z-]+\s+)?$", re.IGNORECASE
)
_UNIT_AFTER = re.compile(r"[ \t]+(?:teams?|departments?|dept|divisions?|units?|group)\b", re.I)


def names_unit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a team or department ("our pricing team")."""
    if not _UNIT_AFTER.match(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return _DEFINITE_BEFORE.search(text, line_start, start) is not None


def names_holder(text: str, start: int, end: int) -> bool:
    """Whether the credential acronym ``text[start:end]`` names a person ("the RN")."""
    if not _ACRONYM.fullmatch(text[start:end]):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not _HOLDER_BEFORE.search(text, line_start, start):
        return False
    return not _CREDENTIAL_AFTER.match(text, end)


def names_nationality(text: str, start: int, end: int) -> bool:
    """Whether the language name ``text[start:end]`` is an adjective of nationality."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _ARTICLE_BEFORE.search(text, line_start, start):
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

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> OtherSenses:
        """The rules for ``taxonomy``'s certifications and languages."""
        return cls(
            taxonomy.ids_of_kind(SkillKind.CERTIFICATION), taxonomy.ids_of_kind(SkillKind.LANGUAGE)
        )

    def applies(self, text: str, skill_id: str, start: int, end: int) -> bool:
        """Whether the mention ``text[start:end]`` of ``skill_id`` is in another sense."""
        if names_unit(text, start, end):
            return True
        if skill_id in self.credentials:
            return names_holder(text, start, end)
        if skill_id in self.languages:
            return names_nationality(text, start, end)
        return False
