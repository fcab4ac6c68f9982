"""A verb where a clause opens, its run and its object: what the duty rules read.

:mod:`~jobgraph.parse.skill_people` ("Mentor two junior developers") and
:mod:`~jobgraph.parse.skill_making` ("Prepare monthly reports") each know a
closed set of verbs. Both read text the same way:

* :func:`clause_verbs` yields each word where a clause opens (a line,
  bullet or sentence start, after a comma, semicolon or parenthesis, or after
  "and", "or", "to", "will", as :mod:`~jobgraph.parse.skill_actions` reads
  verbs) that inflects a verb of the set: the base form, "-s" and "-es" anywhere; "-ed" and "-ing"
  only where a line, sentence or clause opens (not after a comma, "and" or
  "or", where an adjective may stand: "skilled and motivated scientists",
  "leading investors") or after another verb of the set in the same form
  ("Mentored, trained and managed");
* :func:`object_words` reads the words after a position up to a stop word,
  punctuation or the line's end (a sentence wrapped onto a line that starts in
  lower case goes on there); a possessive after the first word opens another
  phrase ("Teaching Strategies offers our employees");
* :func:`run_positions` gives where each verb of a run ends ("Coach, train and
  hold associates accountable"), so that the run's verbs share its object.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from jobgraph.parse.text import lower_in_place

#: Past tenses that add no "-ed".
IRREGULAR = {"led": "lead", "taught": "teach", "built": "build", "wrote": "write", "ran": "run"}
_INFLECTIONS = (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("led", ""), ("ing", ""),
                ("ing", "e"))  # fmt: skip
_JOIN = r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
#: What joins two verbs of a run or two objects of a list: a comma, "and" or "or".
JOIN = re.compile(_JOIN)
#: The word before a verb of a run: "Hired, trained" / "trained and mentored".
_PREVIOUS_WORD = re.compile(rf"([A-Za-z]+){_JOIN}$")
#: What ends the text before a verb that opens a sentence or clause.
_SENTENCE_OPENERS = ("", "\n", ";", ":", ".", "!", "?", "(")
#: What may stand between a line's start and a verb that opens it.
_LINE_OPENERS = " \t•*+>·-–"
_BEFORE = 40  # characters read before a verb (the line's start, a verb before it)
_MAX_RUN = 3  # verbs in a run after the first
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’–-]*")
#: Spaces between two words of an object; a line break where the next line goes on
#: in lower case (a wrapped sentence).
_GAP = re.compile(r"[ \t]*(?:\n(?=[ \t]*[a-z0-9]))?[ \t]*")
_POSSESSIVES = frozenset(("our", "their", "your", "its", "his", "her", "my"))
#: Words that end an object.
OBJECT_STOP = frozenset(
    ("and", "or", "with", "to", "for", "from", "in", "on", "at", "by", "of", "as", "into",
     "across", "through", "using", "via", "within", "that", "who", "which", "while", "when",
     "where", "so", "this", "these", "those")
)  # fmt: skip

Word = tuple[int, int, str]  # start, end, lower case


#: A clause opens after a line start, a bullet or punctuation, or after "and",
#: "or", "to", "will" or "&" and a space; a dash only with a space after it
#: ("- Review code", not "financial-services clients").
_OPENING_MARKS = frozenset("\n•*+:;,.!?>·(")
_OPENING_WORDS = ("and", "or", "to", "will")


def opens_clause(text: str, start: int) -> bool:
    """Whether a clause opens at ``start``: before it, spaces and tabs, then an opening."""
    before = start
    while before and text[before - 1] in " \t":
        before -= 1
    if before == 0 or text[before - 1] in _OPENING_MARKS:
        return True
    if before == start or text[before] != " ":
        return False  # "and Review": an opening word ends in the first of the spaces
    if text[before - 1] in "-–&":
        return True
    head = text[max(0, before - 4) : before].lower()
    for word in _OPENING_WORDS:
        if head.endswith(word):
            previous = before - len(word) - 1
            return previous < 0 or not (text[previous].isalnum() or text[previous] == "_")
    return False


def clause_verbs(text: str, verbs: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, base) of each word of ``verbs`` (inflected) where a clause opens."""
    for match in _verb_words(verbs).finditer(lower_in_place(text)):
        start = match.start()
        if not opens_clause(text, start):
            continue
        before = text[max(0, start - _BEFORE) : start]
        base = clause_verb(
            match.group(0).lower(), before if start > _BEFORE else "\n" + before, verbs
        )
        if base is not None:
            yield start, match.end(), base


@lru_cache(maxsize=8)
def _verb_words(verbs: frozenset[str]) -> re.Pattern[str]:
    """Words that start like a verb of ``verbs`` (a few, where clause words are many).

    Read in the lower-cased text: without IGNORECASE the engine tests each
    alternative's first letter before trying it.
    """
    stems = {verb.removesuffix("e") for verb in verbs}
    stems |= {past for past, verb in IRREGULAR.items() if verb in verbs}
    alternatives = "|".join(sorted(stems, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})[a-z]*\b")  # read in the lower-cased text


def clause_verb(word: str, before: str, verbs: frozenset[str]) -> str | None:
    """The verb of ``verbs`` that ``word`` inflects, read after ``before`` (module docstring)."""
    if word in verbs:
        return word
    base, ending = _inflected(word, verbs)
    if base is None or ending in ("s", "es"):
        return base
    if before.rstrip(_LINE_OPENERS)[-1:] in _SENTENCE_OPENERS:
        return base
    previous = _PREVIOUS_WORD.search(before)
    if previous and _inflected(previous.group(1).lower(), verbs)[1] == ending:
        return base
    return None


def _inflected(word: str, verbs: frozenset[str]) -> tuple[str | None, str]:
    """(base, ending) when ``word`` is an inflection of a verb of ``verbs``."""
    if IRREGULAR.get(word) in verbs:
        return IRREGULAR[word], "ed"
    for ending, rest in _INFLECTIONS:
        if word.endswith(ending) and (base := word[: -len(ending)] + rest) in verbs:
            return base, "ed" if ending.endswith("d") else ending
    return None, ""


def run_positions(text: str, end: int) -> Iterator[int]:
    """``end`` (a verb's), then the end of each later verb of its run."""
    yield end
    for _ in range(_MAX_RUN):
        joined = JOIN.match(text, end)
        following = WORD.match(text, joined.end()) if joined else None
        if following is None or following.group(0).lower() in OBJECT_STOP:
            return
        end = following.end()
        yield end


def object_words(text: str, position: int, limit: int) -> list[Word]:
    """Up to ``limit`` words of the object written from ``position`` (module docstring)."""
    words: list[Word] = []
    while len(words) < limit:
        gap = _GAP.match(text, position)
        found = WORD.match(text, gap.end() if gap else position)
        if found is None:
            break
        word = found.group(0).lower()
        if word in OBJECT_STOP or (words and word in _POSSESSIVES):
            break
        words.append((found.start(), found.end(), word))
        position = found.end()
    return words
