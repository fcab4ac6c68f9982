"""Plain-text clean-up shared by every extractor, and line access with offsets.

Extracted text arrives with ligatures, non-breaking spaces, symbol-font bullets
(Word's private-use glyphs), soft hyphens and Windows line ends. Everything the
parsers see goes through :func:`normalize_text` once; the result becomes the
record's ``text`` and every character offset refers to it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

BULLET = "•"
# Symbol / Wingdings code points Word uses for list bullets (private-use area).
_PUA_BULLETS = {0xF0B7, 0xF0A7, 0xF0D8, 0xF076, 0xF0FC, 0xF0A8, 0xF06E, 0xF0E0, 0xF046, 0xF0B2}
_BULLET_CHARS = "•◦▪▫■□●○♦◆◇►▶▸‣⁃∙·➢➤✓✔❖"
_INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2002", "\u2003", "\u2009", "\u3000"}
_MANY_BLANKS = re.compile(r"\n{3,}")
# Real resumes and postings have under 500 lines. Every parser pass visits every
# line, so a document of 100,000 one-word lines (tag soup, a pasted list) costs
# 50 times a real resume of the same size; its lines past this one are not read.
MAX_LINES = 5_000
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TRAILING = re.compile(r"[ \t]+\n")
_ODD_CASES = ("ı", "İ", "ſ", "\u212a")
# Runs of spaces and tabs are cut to this many: a layout gap or column break stays
# visible, and no pattern with adjacent optional spaces ("5  +  years") backtracks
# over thousands of them (a PDF of 27,000 NUL characters, read as spaces, took
# 118 s to parse; fuzz seed 4).
MAX_GAP = 8
_WIDE_GAP = re.compile(rf"[ \t]{{{MAX_GAP + 1},}}")
_LEADING_BULLET = re.compile(r"^\s*(?:[" + re.escape(_BULLET_CHARS) + r"*\-–—o>]|\d{1,2}[.)])\s+")


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(32):
        if chr(code) not in "\n\t":
            table[code] = " "
    for code in range(0x7F, 0xA0):
        table[code] = " "
    table[ord("\r")] = "\n"
    for ch in _INVISIBLE:
        table[ord(ch)] = None
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in _BULLET_CHARS:
        if ch != "·":
            table[ord(ch)] = BULLET
    for code in _PUA_BULLETS:
        table[code] = BULLET
    return table


_TABLE = _build_table()
# A character the table changes: a text with none is left as it is without the
# translation (a per-character table lookup, ~0.5 ms for a resume with a bullet).
_CHANGED_BY_TABLE = re.compile(
    "[" + "".join(re.escape(chr(code)) for code, to in _TABLE.items() if to != chr(code)) + "]"
)
# Other icon-font glyphs (phone, mail symbols) and stray surrogates become spaces.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Return ``text`` cleaned for parsing.

    NFKC-normalised (ligatures, full-width forms), line ends unified, invisible
    characters removed, odd spaces and icon glyphs turned into spaces, bullet
    glyphs unified to "•", runs of spaces and tabs cut to ``MAX_GAP`` spaces,
    trailing spaces and runs of blank lines trimmed.

    Args:
        text: Raw extracted text.

    Returns:
        The cleaned text, possibly empty.
    """
    text = text.replace("\r\n", "\n")
    if not text.isascii():
        text = _translated(text)  # before NFKC, which would turn PUA bullets into nothing
        text = _PRIVATE_USE.sub(" ", text)
        text = unicodedata.normalize("NFKC", text)
    text = _translated(text)
    text = _WIDE_GAP.sub(" " * MAX_GAP, text)
    text = _TRAILING.sub("\n", text)
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip()


def _translated(text: str) -> str:
    return text.translate(_TABLE) if _CHANGED_BY_TABLE.search(text) else text


def first_lines(text: str, count: int = MAX_LINES) -> str:
    """Return the first ``count`` lines of ``text`` (all of it when it has no more).

    Args:
        text: Normalised text.
        count: How many lines to keep.

    Returns:
        ``text`` up to, not including, its ``count``-th line end.
    """
    end = -1
    for _ in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[:end]


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of normalised text (whitespace runs collapsed)."""
    compact = " ".join(text.split())
    return hashlib.sha256(compact.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text with its character offsets (``end`` excludes the newline)."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        """The line without surrounding whitespace."""
        return self.text.strip()

    @property
    def is_blank(self) -> bool:
        """True for an empty or whitespace-only line."""
        return not self.text.strip()

    @property
    def is_bullet(self) -> bool:
        """True when the line starts with a list bullet or a numbered-list marker."""
        return bool(_LEADING_BULLET.match(self.text))


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """Yield the lines of ``text[start:end]`` with absolute offsets."""
    stop = len(text) if end is None else end
    position = start
    while position < stop:
        newline = text.find("\n", position, stop)
        line_end = stop if newline < 0 else newline
        yield Line(position, line_end, text[position:line_end])
        position = line_end + 1


def lower_in_place(text: str) -> str:
    """``text`` in lower case with every character where it was, so offsets still hold.

    ``str.lower`` lengthens a few letters ("İ" becomes two characters) and turns
    the Kelvin sign into an ASCII "k"; a text with either has only A-Z lowered.
    """
    lowered = text.lower()
    if len(lowered) == len(text) and "\u212a" not in text:
        return lowered
    return text.translate(_ASCII_LOWER)


def caseless(text: str) -> str | None:
    """``text`` in lower case, for substring tests that stand in for a case-blind regex.

    ``None`` when the text holds a letter such a regex takes for "i", "s" or "k"
    but ``str.lower`` does not turn into one ("ı", "İ", "ſ", the Kelvin sign):
    then only the regex itself can tell.
    """
    if any(odd in text for odd in _ODD_CASES):
        return None
    return text.lower()


def caseless_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind ``pattern`` made to read lower-cased text case-sensitively.

    Its letters are lowered (escapes such as ``\\S`` and group names are kept) and
    IGNORECASE dropped: the regex engine then tests literal letters before trying
    an alternative, often several times faster. Use it on :func:`caseless` text
    (not ``None``), where it finds exactly what ``pattern`` finds in the original.
    """
    source, pieces, position = pattern.pattern, [], 0
    while position < len(source):
        if source[position] == "\\":
            pieces.append(source[position : position + 2])
            position += 2
        elif source.startswith(("(?P<", "(?P="), position):
            end = source.index(">", position) + 1
            pieces.append(source[position:end])
            position = end
        else:
            pieces.append(source[position].lower())
            position += 1
    return re.compile("".join(pieces), pattern.flags & ~re.IGNORECASE)


def strip_bullet(text: str) -> str:
    """Remove a leading bullet or list number and surrounding whitespace."""
    return _LEADING_BULLET.sub("", text, count=1).strip()


DOC_TEXT_KEY = "jobgraph_text"


def doc_text(doc: Any) -> str:
    """Return ``doc.text``, computed once per doc.

    spaCy rebuilds ``Doc.text`` from the tokens on every access; the components
    read it several times, so the first result is kept in ``doc.user_data``.
    """
    cached = doc.user_data.get(DOC_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[DOC_TEXT_KEY] = cached
    return cached
