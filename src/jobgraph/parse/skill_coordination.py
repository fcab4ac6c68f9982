"""Skills whose shared words are written once: "verbal and written communication".

Both ways: the words after ("project and program management") or the words
before ("CNC milling and turning", :func:`shared_modifier_mentions`).

English leaves out the words two coordinated modifiers share: "project and
program management" is project management and program management, "phone,
chat and email support" chat support too, "analytical and research skills"
analytical skills. :func:`coordinated_mentions` reads each modifier before
"and" / "or" (and any before it, joined by commas) with the words after the
last one: when "last modifier + words" is a form and so is "modifier +
words", the modifier names that skill as well. Requiring the written-out
conjunct to be a form keeps unrelated pairs apart: "Python and SQL skills"
names no "Python skills".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_WORD = r"[A-Za-z][A-Za-z-]*"
#: A word that gives back no letters: in the patterns that use it, what follows a
#: word never starts with a letter or a hyphen, so backtracking into it is wasted.
_WHOLE_WORD = r"[A-Za-z][A-Za-z-]*+"
_COORDINATION = re.compile(
    rf"\b({_WHOLE_WORD}(?:[ \t]*,[ \t]*{_WHOLE_WORD})*),?[ \t]+(?:and|or|&|and/or)[ \t]+"
    rf"({_WHOLE_WORD})((?:[ \t]+{_WHOLE_WORD}){{1,3}})"
)
_SPLIT = re.compile(r"[ \t]*,[ \t]*")


@dataclass(frozen=True, slots=True)
class CoordinatedMention:
    """A modifier that names a skill with words written after a later modifier."""

    skill_id: str
    start: int  # the modifier's
    end: int  # the shared words'


def coordinated_mentions(
    text: str, form_of: Callable[[str], str | None]
) -> Iterator[CoordinatedMention]:
    """Mentions in ``text``; ``form_of`` maps a lower-case phrase to a skill id or ``None``."""
    for match in _COORDINATION.finditer(text):
        last = match.group(2).lower()
        shared = match.group(3).split()
        modifiers = []
        offset = match.start(1)
        for modifier in _SPLIT.split(match.group(1)):
            start = text.index(modifier, offset)
            offset = start + len(modifier)
            modifiers.append((start, modifier))
        for size in range(len(shared), 0, -1):  # the longest shared words first
            words = " ".join(shared[:size]).lower()
            if not modifiers or form_of(f"{last} {words}") is None:
                continue
            end = _end_of(text, match.start(3), shared[:size])
            for start, modifier in list(modifiers):
                skill_id = form_of(f"{modifier.lower()} {words}")
                if skill_id is not None:
                    modifiers.remove((start, modifier))
                    yield CoordinatedMention(skill_id, start, end)


def _end_of(text: str, start: int, words: list[str]) -> int:
    """End offset of ``words`` written from ``start`` on (spaces or tabs between them)."""
    position = start
    for word in words:
        position = text.index(word, position) + len(word)
    return position


#: "medication review and reconciliation": a conjunction and the last head; what
#: stands before it on the line is read back by :data:`_HEADS_BEFORE`.
_LAST_HEAD = re.compile(rf"[ \t]+(?:and|or|&|and/or)[ \t]+({_WORD})\b")
#: One to three words written once, then the heads before the conjunction.
_HEADS_BEFORE = re.compile(
    rf"\b((?:{_WHOLE_WORD}[ \t]+){{1,3}}?)({_WHOLE_WORD}(?:[ \t]*,[ \t]*{_WHOLE_WORD})*),?$"
)
#: Endings of a noun of activity ("reconciliation", "turning", "enrolment"); words
#: in "-ance" and "-ence" name fields as often ("finance", "science").
_ACTIVITY = ("ing", "ion", "ment", "sis", "ure")


def shared_modifier_mentions(
    text: str, form_of: Callable[[str], str | None]
) -> Iterator[CoordinatedMention]:
    """Heads after the first that share its modifier: "CNC milling and turning".

    The written-out phrase ("CNC milling") must be a form, and so must the
    modifier with each later head. Only nouns of activity are read as heads:
    "public health, finance" lists two fields, "Cisco routers and switches"
    leaves nothing out that a skill needs.
    """
    for last in _LAST_HEAD.finditer(text):
        if not last.group(1).lower().endswith(_ACTIVITY):
            continue  # the list's last head is a thing: "routers and switches"
        line_start = text.rfind("\n", 0, last.start()) + 1
        match = _HEADS_BEFORE.search(text, max(line_start, last.start() - 80), last.start())
        if match is None:
            continue
        before = [(word.start(), word.group(0)) for word in re.finditer(r"\S+", match.group(1))]
        heads = [*_SPLIT.split(match.group(2)), last.group(1)]
        for size in range(len(before), 0, -1):  # the longest modifier first
            modifier = " ".join(word for _, word in before[-size:]).lower()
            if form_of(f"{modifier} {heads[0].lower()}") is None:
                continue
            start = match.start(1) + before[-size][0]
            offset = match.start(2)
            for head in heads[1:]:
                at = text.index(head, offset)
                offset = at + len(head)
                if not head.lower().endswith(_ACTIVITY):
                    continue
                if (skill_id := form_of(f"{modifier} {head.lower()}")) is not None:
                    yield CoordinatedMention(skill_id, start, at + len(head))
            break
