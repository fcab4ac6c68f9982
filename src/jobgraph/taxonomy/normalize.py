"""Surface-form normalisation shared by the taxonomy loader, lookup and parsers.

Two keys are used:

* :func:`label_key` compacts a label for exact / alias lookup: case-folded, accents
  removed, every character that is not a letter, digit, ``+`` or ``#`` dropped.
  "Node.js", "NodeJS" and "node js" share the key ``nodejs``; "C#" keeps ``c#``.
* :func:`strip_version` removes a trailing version ("PostgreSQL 14", "Python3",
  "Angular v16") so the base name can be looked up.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[^0-9a-z+#]+")
_VERSION_TAIL = re.compile(
    r"(?:[\s\-_]*(?:\b(?:v|ver\.?|version)\s*)?\d+(?:\.\d+|\.x)*[a-z]?|\s+(?:19|20)\d\d)\s*$",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Case-fold ``text`` and strip accents ("Café" -> "cafe")."""
    if text.isascii():  # fast path: nothing to decompose (most labels)
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def label_key(text: str) -> str:
    """Return the compact lookup key of a label (see module docstring)."""
    return _DROP.sub("", fold(text))


def may_end_in_version(text: str) -> bool:
    """False when ``text`` cannot end in a version number as :func:`strip_version` reads one.

    A version ends in a digit, or ".x", and one letter may follow ("19c", "2.x"):
    a cheap test that spares most words the pattern.
    """
    tail = text.rstrip()
    if tail[-1:].isalpha():
        tail = tail[:-1]
    return tail.rstrip("xX.")[-1:].isdecimal()


def strip_version(text: str) -> str:
    """Remove a trailing version number from a label, if the rest is still a name.

    Examples: "PostgreSQL 14" -> "PostgreSQL", "Python3" -> "Python",
    "Angular v16" -> "Angular", "Windows Server 2019" -> "Windows Server".
    A label that is only a number, or whose digits are part of the name's
    identity when nothing else remains ("S3", "C4"), is returned unchanged.
    """
    tail = _VERSION_TAIL.sub("", text) if may_end_in_version(text) else text
    stripped = tail.strip(" -_")
    if len(label_key(stripped)) < 2:
        return text
    return stripped
