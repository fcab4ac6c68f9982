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


def _determiner_before(words: str) -> re.Pattern[str]:
    """One of ``words`` ("the|our"), then at most one more word, right before a mention."""
    return re.compile(rf"\b(?:{words})\s+(?:[A-Za-z-]+\s+)?$", re.IGNORECASE)


_HOLDER_BEFORE = _determiner_before("the|our|your|their")
_DEFINITE_BEFORE = _determiner_before("the|our|your|their|its")
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

_UNIT_AFTER = re.compile(r"[ \t]+(?:teams?|departments?|dept|divisions?|units?|group)\b", re.I)


def _on_line_before(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether ``pattern`` ends at ``start``, within the line that holds it."""
    return pattern.search(text, text.rfind("\n", 0, start) + 1, start) is not None


def names_unit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a team or department ("our pricing team")."""
    return bool(_UNIT_AFTER.match(text, end)) and _on_line_before(_DEFINITE_BEFORE, text, start)


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
