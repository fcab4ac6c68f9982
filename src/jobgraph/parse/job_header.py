"""Split a job entry's header into title, employer and location.

Headers come as "Title | Company | City", "Company — Title", "Title, Company
(City, Country)", "Title at Company", or as separate lines. Pieces are told apart
by the occupation lookup, role nouns ("Engineer") and employer words ("Ltd",
"Hospital"); order decides the rest (title first, as most resumes write it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jobgraph.parse.dates import iter_durations
from jobgraph.parse.location import looks_like_place
from jobgraph.parse.roles import has_employer_word, has_role_word

TitleCheck = Callable[[str], bool]

_PAREN = re.compile(r"\(([^()]{0,80})\)")
_SEPARATORS = re.compile(
    r"\s*\|\s*|\s+[-–—]+\s+|\s*[–—]\s*|\t+|\s{2,}|,\s+|,(?=[A-Z])|\s+at\s+|\s+@\s+"
    r"|\s*[•·]\s*|;\s*"
)
_FIELD_LABEL = re.compile(
    r"^(?P<label>company|employer|organi[sz]ation|position|title|role|job title|"
    r"location|place|client)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"^(?:part[\s-]?time|full[\s-]?time|contract|freelance|remote|hybrid|on[\s-]?site|"
    r"internship|temporary|permanent|self[\s-]?employed|present|current|now|to|from|since|"
    r"and|in|for|responsibilities|duties|main project|project)$",
    re.IGNORECASE,
)
_EDGE_PUNCTUATION = " \t,;:|-–—.•·*()[]/\\"
_LEADING_WORDS = re.compile(
    r"^(?:(?:have\s+|has\s+)?(?:been\s+)?work(?:ed|ing|s)?\s+as\s+(?:an?\s+)?|as\s+(?:an?\s+)?"
    r"|(?:in|at|for|with|of)\s+)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class JobHeader:
    """What a job header says."""

    title: str | None = None
    employer: str | None = None
    location: str | None = None


def header_pieces(text: str) -> list[str]:
    """Split one header string into its meaningful pieces (parentheses kept apart)."""
    pieces: list[str] = []
    text = re.sub(r"^\s*#{1,6}\s+", "", text)  # a Markdown heading marker
    outside = _PAREN.sub(lambda m: " | " + m.group(1) + " | " if m.group(1) else " ", text)
    for raw in _SEPARATORS.split(outside):
        piece = _LEADING_WORDS.sub("", raw.strip(_EDGE_PUNCTUATION)).strip(_EDGE_PUNCTUATION)
        if not piece or _NOISE.match(piece) or not any(ch.isalpha() for ch in piece):
            continue
        if any(True for _ in iter_durations(piece)) and len(piece) < 20:
            continue
        pieces.append(piece)
    return _merge_places(pieces)


def _merge_places(pieces: list[str]) -> list[str]:
    """Rejoin "City" + "Country" pieces a comma split apart."""
    merged: list[str] = []
    for piece in pieces:
        if merged and looks_like_place(f"{merged[-1]}, {piece}") and looks_like_place(piece):
            previous = merged[-1]
            if not has_role_word(previous) and not has_employer_word(previous):
                merged[-1] = f"{previous}, {piece}"
                continue
        merged.append(piece)
    return merged


def parse_header(lines: list[str], *, is_title: TitleCheck | None = None) -> JobHeader:
    """Read title, employer and location from a job's header lines.

    Args:
        lines: Header strings (date text already removed), in reading order.
        is_title: Tells whether a piece is a known job title (taxonomy lookup).

    Returns:
        The header; fields stay ``None`` when nothing fits.
    """
    header = JobHeader()
    pieces: list[str] = []
    for line in lines:
        labelled = _FIELD_LABEL.match(line.strip(" •*-\t"))
        if labelled:
            label, value = labelled.group("label").lower(), labelled.group("value").strip()
            if label in ("company", "employer", "organisation", "organization", "client"):
                header.employer = header.employer or value
            elif label in ("location", "place"):
                header.location = header.location or value
            else:
                header.title = header.title or value
            continue
        pieces.extend(header_pieces(line))
    pieces = [part for piece in pieces for part in _split_title_employer(piece)]
    places = [p for p in pieces if looks_like_place(p) and not has_employer_word(p)]
    if places and header.location is None:
        header.location = places[0]
    pieces = [p for p in pieces if p not in places and len(p) <= 90]
    if not pieces:
        return header

    if header.title is None:
        scores = [_word_score(piece) for piece in pieces]
        best = max(scores)
        # The lookup is asked only when the words leave it open: no piece, or more
        # than one, reads best as a title ("Cashier" has no role noun but is known).
        if is_title is not None and (best <= 0 or scores.count(best) > 1):
            any_role = best > 0
            for position, piece in enumerate(pieces):
                eligible = scores[position] == best if any_role else len(piece.split()) <= 4
                if eligible and is_title(piece):
                    scores[position] += 2
        best_score = max(scores)
        best_position = scores.index(best_score)
        if best_score > 0:
            header.title = pieces[best_position]
            pieces = pieces[:best_position] + pieces[best_position + 1 :]
        elif len(pieces) >= 2 and not has_employer_word(pieces[0]):
            header.title, pieces = pieces[0], pieces[1:]
    if header.employer is None and pieces:
        employers = [p for p in pieces if has_employer_word(p.split()[-1])]
        employers = employers or [p for p in pieces if has_employer_word(p)]
        candidates = employers or [p for p in pieces if _word_score(p) <= 0] or pieces
        header.employer = candidates[0]
    return header


def _word_score(piece: str) -> int:
    """How much a piece reads as a title by its words alone.

    The last word decides most: "Technology Analyst" is a title, "Analyst
    Technologies Ltd" an employer.
    """
    words = piece.split()
    score = (2 if has_role_word(words[-1]) else 1) if has_role_word(piece) else 0
    if has_employer_word(words[-1]):
        score -= 3
    elif has_employer_word(piece):
        score -= 1
    return score


def _split_title_employer(piece: str) -> list[str]:
    """Split "Software Engineer Acme Ltd" after its last role noun, if an employer follows."""
    words = piece.split()
    if len(words) < 3 or not has_employer_word(piece) or not has_role_word(piece):
        return [piece]
    last_role = max(i for i, word in enumerate(words) if has_role_word(word))
    rest = words[last_role + 1 :]
    if not rest or not has_employer_word(" ".join(rest)):
        return [piece]
    return [" ".join(words[: last_role + 1]), " ".join(rest)]
