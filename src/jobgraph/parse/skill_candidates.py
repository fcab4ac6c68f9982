"""Candidate skill mentions in raw text, before the matcher decides which to keep.

The phrase matcher (in :mod:`jobgraph.parse.skills`) finds forms as spaCy
tokenizes them; the functions here find the rest from the raw text:

* :func:`joined_candidates`: a product name split in two ("Java Script");
* :func:`token_candidates`: whitespace-separated words whose key is a form
  ("Vue.js/React", "Python3", "NodeJS", "node js", "Python-based");
* :func:`spaced_candidates`: multi-word forms in lines set with runs of spaces
  ("Keyword  research", justified PDF text);
* :func:`without_overlaps`: the longest of overlapping candidates;
* :func:`inner_candidates`: skills named inside a longer one ("Kubernetes
  security", "REST API design").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from jobgraph.parse.skill_vocab import SkillVocabulary
from jobgraph.taxonomy.normalize import label_key, may_end_in_version, strip_version

_PIECE = re.compile(r"[^/(),;|\[\]]+")
_WORD_RUN = re.compile(r"\S+")
# The first word is consumed and the second only looked at, so that it can open
# the next pair: every adjacent pair is found, with no scan per word boundary.
_WORD_PAIR = re.compile(r"\b([A-Za-z]{2,}) (?=([A-Za-z]{2,})\b)")
_SPACED_LINE = re.compile(r"^.*\S[ \t]{2,}\S.*$", re.MULTILINE)
_NON_SPACE = re.compile(r"\S+")
_WORD_EDGES = "\"'“”‘’`,;:!?.()[]{}<>*•"


@dataclass(slots=True)
class Candidate:
    """A possible skill mention before acceptance: offsets, skill, how it was found."""

    start: int
    end: int
    skill_id: str
    surface: str
    exact: bool
    method: str


def joined_candidates(
    text: str, vocabulary: SkillVocabulary, stop_words: frozenset[str]
) -> list[Candidate]:
    """A product name split in two ("Java Script", "Web logic", "Power Point").

    Two adjacent words whose concatenation is a known key; being longer, the
    pair wins over a phrase match of its first or second word ("Java").
    """
    by_key = vocabulary.by_key
    found = []
    for match in _WORD_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        joined = (first + second).lower()
        skill_id = by_key.get(joined)  # first: almost no pair is a key
        if (
            skill_id is None
            or len(joined) < 6
            or first.lower() in stop_words
            or second.lower() in stop_words
            or f"{first} {second}".lower() in vocabulary.forms_by_lower
        ):
            continue
        start, end = match.start(1), match.end(2)
        found.append(Candidate(start, end, skill_id, text[start:end], False, "key"))
    return found


def token_candidates(
    text: str, vocabulary: SkillVocabulary, stop_words: frozenset[str], known: list[Candidate]
) -> list[Candidate]:
    """Key lookups over whitespace-separated words the phrase matcher left alone.

    Works on the raw text rather than spaCy tokens: the forms it catches are
    exactly those the tokenizer splits or glues differently from the taxonomy.
    """
    covered = covered_chars(known)
    by_key = vocabulary.by_key
    found: list[Candidate] = []
    previous: tuple[int, int, str] | None = None  # start, end, lower of an alphabetic word
    for match in _WORD_RUN.finditer(text):
        raw = match.group(0)
        word = raw if raw.isalpha() else raw.strip(_WORD_EDGES)
        if not word:
            previous = None
            continue
        start = match.start() if word is raw else match.start() + raw.find(word)
        end = start + len(word)
        if start in covered or end - 1 in covered:
            previous = None
            continue
        if word.isalpha():
            lower = word.lower()
            adjacent = previous is not None and text[previous[1] : start] == " "
            if (
                adjacent
                and previous is not None
                and lower not in by_key
                and not (lower in stop_words or previous[2] in stop_words)
            ):
                joined = by_key.get(previous[2] + lower)
                if joined is not None:
                    surface = text[previous[0] : end]
                    found.append(Candidate(previous[0], end, joined, surface, False, "key"))
                    previous = None
                    continue
            skill_id = by_key.get(lower)
            if skill_id is not None:
                found.append(Candidate(start, end, skill_id, word, False, "key"))
            previous = (start, end, lower) if raw == word or raw.endswith(word) else None
            continue
        previous = None
        found.extend(_piece_candidates(vocabulary, word, start))
    return found


def _piece_candidates(vocabulary: SkillVocabulary, text: str, offset: int) -> list[Candidate]:
    found = []
    for piece in _PIECE.finditer(text):
        surface = piece.group(0).strip()
        if surface.endswith("+") and not surface.endswith("++"):
            surface = surface.rstrip("+")
        if len(surface) < 2 or not any(ch.isalpha() for ch in surface):
            continue
        start = offset + piece.start() + piece.group(0).find(surface)
        resolved = resolve_piece(vocabulary, surface)
        if resolved is not None:
            skill_id, method = resolved
            found.append(Candidate(start, start + len(surface), skill_id, surface, False, method))
        elif "-" in surface:  # "Python-based", "Docker-driven": a name and a plain word
            position = 0
            parts = surface.split("-")
            for number, part in enumerate(parts):
                others = parts[:number] + parts[number + 1 :]
                plain = all(other.islower() and other.isalpha() for other in others)
                part_resolved = resolve_piece(vocabulary, part) if len(part) > 2 and plain else None
                if part_resolved is not None:
                    part_start = start + position
                    found.append(
                        Candidate(
                            part_start,
                            part_start + len(part),
                            part_resolved[0],
                            part,
                            False,
                            part_resolved[1],
                        )
                    )
                position += len(part) + 1
    return found


def resolve_piece(vocabulary: SkillVocabulary, surface: str) -> tuple[str, str] | None:
    skill_id = vocabulary.by_key.get(label_key(surface))
    if skill_id is not None:
        return skill_id, "key"
    if not may_end_in_version(surface):
        return None  # strip_version would leave it as it is: the same key, not found
    base = label_key(strip_version(surface))
    if len(base) >= 3 and (skill_id := vocabulary.by_key.get(base)) is not None:
        return skill_id, "version"
    return None


def covered_chars(items: list[Any]) -> set[int]:
    covered: set[int] = set()
    for item in items:
        covered.update(range(item.start, item.end))
    return covered


def spaced_candidates(
    text: str,
    make_doc: Callable[[str], Doc],
    matcher: Callable[[Doc], Any],
    vocabulary: SkillVocabulary,
) -> list[Candidate]:
    """Multi-word forms in lines set with runs of spaces ("Keyword  research").

    Justified PDF text puts two or more spaces between words; each gap is a
    token of its own, so the phrase matcher misses every multi-word form there.
    Such lines are matched again with single spaces (``make_doc`` and
    ``matcher`` are the pipeline's) and the offsets mapped back.
    """
    found = []
    for line in _SPACED_LINE.finditer(text):
        positions: list[int] = []
        pieces: list[str] = []
        for word in _NON_SPACE.finditer(line.group(0)):
            if pieces:
                pieces.append(" ")
                positions.append(-1)
            pieces.append(word.group(0))
            positions.extend(range(line.start() + word.start(), line.start() + word.end()))
        doc = make_doc("".join(pieces))
        for _, start, end in matcher(doc):
            span = doc[start:end]
            if " " not in span.text:
                continue  # one word: the main pass found it
            resolved = vocabulary.resolve(span.text)
            if resolved is not None:
                begin, last = positions[span.start_char], positions[span.end_char - 1]
                found.append(Candidate(begin, last + 1, resolved[0], text[begin : last + 1],
                                       resolved[1], "phrase"))  # fmt: skip
    return found


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate where several overlap (exact case breaks ties)."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), not c.exact, c.start))
    taken: list[Candidate] = []
    occupied: set[int] = set()
    for candidate in ordered:
        if any(position in occupied for position in range(candidate.start, candidate.end)):
            continue
        taken.append(candidate)
        occupied.update(range(candidate.start, candidate.end))
    return taken


def inner_candidates(
    candidates: list[Candidate],
    kept: list[Candidate],
    tools: frozenset[str],
    named: Container[str],
) -> list[Candidate]:
    """Candidates that a longer kept one covered but that name a skill of their own.

    An activity or a credential may be named after the skill it is about:
    "Kubernetes security" is container security and Kubernetes, "REST API
    design" API design and REST APIs, "Six Sigma Green Belt" the belt and Six
    Sigma. Such a candidate counts when it was matched as a phrase and opens a
    kept candidate that is not itself a product name ("Windows Server" names
    one product, not Windows):

    * a form of two words or more, or a tool in its exact case, at the kept
      candidate's start;
    * such a tool, or a skill of ``named`` (whose forms are names, not verb
      phrases such as ESCO's "present data"), may also start before a kept
      candidate it overlaps: "REST API design", "Cisco routers and switches".

    A tool followed by capitalised words is part of a longer product name
    ("Twitter Bootstrap"); what ends a longer name is its head, the broader
    skill ("account management" in "key account management"): neither counts.
    """
    kept_ids = {candidate.skill_id for candidate in kept}
    found: list[Candidate] = []
    for candidate in candidates:
        if candidate.method != "phrase" or candidate.skill_id in kept_ids:
            continue
        tool = candidate.skill_id in tools and candidate.exact
        if not tool and " " not in candidate.surface.strip():
            continue
        for outer in kept:
            if outer.end <= candidate.start or candidate.end <= outer.start:
                continue
            if candidate.start > outer.start or outer.skill_id in tools:
                break
            rest = outer.surface[candidate.end - outer.start :].split()
            if tool and any(word[:1].isupper() for word in rest):
                break
            across = candidate.end > outer.end or candidate.start < outer.start
            if not across or tool or candidate.skill_id in named:
                found.append(candidate)
            break
    return without_overlaps(found)
