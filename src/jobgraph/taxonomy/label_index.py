"""An in-memory index of labels (names and aliases) for fast, tiered resolution.

:class:`LabelIndex` holds one vocabulary (skills, or occupation titles) and
answers "which entries does this surface form mean?" tier by tier, from the
exact string down to a light fuzzy match. Every dictionary is built once in the
constructor, so an exact hit costs a dictionary probe or two; the typo index
and the embedding matrix are built lazily on first use.

Keys used by the tiers:

* the raw label (exact string),
* :func:`~jobgraph.taxonomy.normalize.label_key` (case, accents, punctuation),
* ``label_key`` of :func:`~jobgraph.taxonomy.normalize.strip_version`,
* :func:`token_key`: words folded, singularised, ``&`` read as ``and``, stop
  words dropped and sorted, so "Data Structures & Algorithms" and
  "algorithm and data structure" meet.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Protocol

import numpy as np

from jobgraph.taxonomy.normalize import fold, label_key, strip_version

# Confidence of each tier. Exact and alias hits are near-certain; the lower tiers
# trade certainty for recall, and stay above the default acceptance bar (0.8).
EXACT = 1.0
EXACT_KEY = 0.99
ALIAS = 0.97
ALIAS_KEY = 0.96
VERSION = 0.93
TOKENS = 0.88
DERIVED = 0.86
TYPO_SCALE = 0.9  # confidence of a typo match = similarity ratio x this
TYPO_MIN_RATIO = 0.88
TYPO_MAX_EDITS = 2  # characters left unmatched: one substitution, or two insertions
TYPO_MIN_LENGTH = 7  # shorter keys differ by one letter too often ("mysql"/"nosql")
TYPO_PROBE_TRIGRAMS = 8
TYPO_CANDIDATES = 200
TYPO_SHORT_KEY = 10
AMBIGUITY_PENALTY = 0.97  # applied when a key belongs to several entries

_WORD = re.compile(r"[0-9a-z+#]+")
_HAS_DIGIT = re.compile(r"\d")
_STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "in", "on", "to", "with"})


class TextEncoder(Protocol):
    """Anything that turns texts into L2-normalised vectors."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an ``(n, d)`` float32 array with L2-normalised rows."""
        ...


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The singular of a lower-case plural noun, by regular English spelling."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def token_words(text: str) -> list[str]:
    """Return the folded, singularised words of ``text`` ("&" read as "and")."""
    return [singular(word) for word in _WORD.findall(fold(text).replace("&", " and "))]


def token_key(text: str) -> str:
    """Return an order- and number-insensitive key of the words in ``text``.

    Example: "Data Structures & Algorithms" -> "algorithm data structure".
    """
    words = token_words(text)
    kept = [word for word in words if word not in _STOP_WORDS]
    return " ".join(sorted(kept or words))


def _trigrams(key: str) -> set[str]:
    padded = f"  {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@dataclass(frozen=True, slots=True)
class Match:
    """One entry a label resolved to, with how and how surely."""

    entry_id: str
    method: str
    confidence: float
    label: str  # the indexed label that matched


class LabelIndex:
    """Tiered lookup over ``(entry id, label, is_primary)`` triples.

    Args:
        labels: Every label of every entry; ``is_primary`` marks the preferred
            name (one per entry), the others are aliases.
        derived: ``(entry id, label)`` forms made from labels by a rule (a product
            name without its vendor); consulted after every other dictionary tier,
            and only where no real label has the same key.
        encoder: Optional text encoder for the embedding tier.
    """

    def __init__(
        self,
        labels: Iterable[tuple[str, str, bool]],
        *,
        derived: Iterable[tuple[str, str]] = (),
        encoder: TextEncoder | None = None,
    ) -> None:
        self._encoder = encoder
        self.primary: dict[str, str] = {}
        self._raw_primary: dict[str, list[str]] = defaultdict(list)
        self._raw_alias: dict[str, list[str]] = defaultdict(list)
        self._key_primary: dict[str, list[str]] = defaultdict(list)
        self._key_alias: dict[str, list[str]] = defaultdict(list)
        self._version_key: dict[str, list[str]] = defaultdict(list)
        self._token_key: dict[str, list[str]] = defaultdict(list)
        self._label_of: dict[tuple[str, str], str] = {}  # (id, key) -> label
        aliases: list[tuple[str, str]] = []
        for entry_id, label, is_primary in labels:
            label = label.strip()
            if not label:
                continue
            if is_primary and entry_id not in self.primary:
                self.primary[entry_id] = label
                self._add(entry_id, label, self._raw_primary, self._key_primary)
            else:
                aliases.append((entry_id, label))
        # Aliases go in after every primary name so a name always outranks an alias.
        for entry_id, label in aliases:
            self._add(entry_id, label, self._raw_alias, self._key_alias)
        self._key_derived: dict[str, list[str]] = defaultdict(list)
        for entry_id, label in derived:
            key = label_key(label)
            if key and key not in self._key_primary and key not in self._key_alias:
                _append_unique(self._key_derived[key], entry_id)
        self._typo_keys: list[str] | None = None
        self._typo_trigrams: dict[str, array[int]] = {}
        self._typo_buckets: dict[tuple[str, int], list[int]] = {}
        self._embedding_ids: list[str] = []
        self._embeddings: np.ndarray | None = None

    def _add(
        self,
        entry_id: str,
        label: str,
        raw: dict[str, list[str]],
        keyed: dict[str, list[str]],
    ) -> None:
        key = label_key(label)
        if not key:
            return
        _append_unique(raw[label], entry_id)
        _append_unique(keyed[key], entry_id)
        self._label_of.setdefault((entry_id, key), label)
        if _HAS_DIGIT.search(label):  # a version is made of digits; skip the regex otherwise
            base = label_key(strip_version(label))
            if base != key:
                _append_unique(self._version_key[base], entry_id)
        _append_unique(self._token_key[token_key(label)], entry_id)

    @property
    def has_encoder(self) -> bool:
        """Whether the embedding tier is on (an encoder was given)."""
        return self._encoder is not None

    @property
    def entry_ids(self) -> list[str]:
        """Ids of every entry with a primary label, in insertion order."""
        return list(self.primary)

    def labels(self) -> dict[str, str]:
        """Return every indexed label mapped to its owner.

        Labels that differ only in case or spacing ("Data Analytics", "data
        analytics") have one owner: the entry whose name one of them is, else
        the first entry listing one. So an imported alias cannot take a form
        from the built-in skill that names or lists it in other case.
        """
        owners: dict[str, str] = {}
        forms: dict[str, str] = {}
        for raw in (self._raw_primary, self._raw_alias):
            for label, ids in raw.items():  # labels in entry order: the first seen is the earliest
                forms.setdefault(label, owners.setdefault(" ".join(label.lower().split()), ids[0]))
        return forms

    def exact_tiers(self, text: str) -> list[Match]:
        """Resolve ``text`` by the dictionary tiers only (no typo, no embedding).

        Returns every entry of the first tier that matches, best first; an empty
        list when no dictionary tier knows the text.
        """
        text = text.strip()
        if ids := self._raw_primary.get(text):
            return self._matches(ids, "exact", EXACT, text)
        if ids := self._raw_alias.get(text):
            return self._matches(ids, "alias", ALIAS, text)
        key = label_key(text)
        if not key:
            return []
        if ids := self._key_primary.get(key):
            return self._matches(ids, "exact", EXACT_KEY, key=key)
        if ids := self._key_alias.get(key):
            return self._matches(ids, "alias", ALIAS_KEY, key=key)
        base = label_key(strip_version(text)) if _HAS_DIGIT.search(text) else key
        if base != key:
            found = self._key_primary.get(base) or self._key_alias.get(base)
            if found:
                return self._matches(found, "version", VERSION, key=base)
        if ids := self._version_key.get(key):
            return self._matches(ids, "version", VERSION)
        if ids := self._token_key.get(token_key(text)):
            return self._matches(ids, "fuzzy", TOKENS)
        if ids := self._key_derived.get(key):
            return self._matches(ids, "fuzzy", DERIVED)
        return []

    def _matches(
        self,
        ids: list[str],
        method: str,
        confidence: float,
        label: str = "",
        *,
        key: str = "",
    ) -> list[Match]:
        if len(ids) > 1:
            confidence *= AMBIGUITY_PENALTY
        return [
            Match(
                entry_id,
                method,
                confidence,
                label or self._label_of.get((entry_id, key), self.primary.get(entry_id, "")),
            )
            for entry_id in ids
        ]

    def typo_matches(
        self, text: str, limit: int = 5, *, max_edits: int | None = None
    ) -> list[Match]:
        """Return near spellings of ``text`` (similarity ratio of the label keys).

        Only keys of at least ``TYPO_MIN_LENGTH`` characters are compared, and only
        keys within ``TYPO_MAX_EDITS`` characters and a similarity ratio of at
        least ``TYPO_MIN_RATIO`` are kept: a typo, not a different word
        ("SAP EHS Management" is not "Sales Management"). Keys shorter than
        ``TYPO_SHORT_KEY`` may differ by one character only ("deal"/"deli").
        Among equally near keys, entries whose preferred name it is come first,
        as in the exact tiers.

        Args:
            text: The surface form.
            limit: Most entries returned.
            max_edits: Unmatched characters allowed; default by key length.
        """
        key = label_key(text)
        if len(key) < TYPO_MIN_LENGTH:
            return []
        if max_edits is None:
            max_edits = TYPO_MAX_EDITS if len(key) >= TYPO_SHORT_KEY else 1
        keys = self._typo_index()
        # The rarest trigrams of the query find candidates cheaply; a key within
        # the ratio bar shares most of them, so a handful is enough.
        grams = sorted(
            (self._typo_trigrams[gram] for gram in _trigrams(key) if gram in self._typo_trigrams),
            key=len,
        )[:TYPO_PROBE_TRIGRAMS]
        shared: Counter[int] = Counter()
        for postings in grams:
            shared.update(postings)
        candidates = {position for position, _ in shared.most_common(TYPO_CANDIDATES)}
        if len(key) <= TYPO_SHORT_KEY:  # one typo destroys most trigrams of a short key
            for length in range(len(key) - 1, len(key) + 2):
                candidates.update(self._typo_buckets.get((key[0], length), ()))
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        near: list[tuple[float, str]] = []
        for position in candidates:
            candidate = keys[position]
            if abs(len(candidate) - len(key)) > max_edits:
                continue  # more characters unmatched than allowed, whatever the rest
            matcher.set_seq1(candidate)
            # The cheap upper bounds reject most candidates before the real ratio.
            if (
                matcher.real_quick_ratio() < TYPO_MIN_RATIO
                or matcher.quick_ratio() < TYPO_MIN_RATIO
            ):
                continue
            ratio = matcher.ratio()
            unmatched = (
                len(key) + len(candidate) - 2 * sum(b.size for b in matcher.get_matching_blocks())
            )
            if ratio >= TYPO_MIN_RATIO and unmatched <= max_edits and candidate != key:
                near.append((ratio, candidate))
        found: dict[str, Match] = {}
        for ratio, candidate in sorted(near, key=lambda pair: (-pair[0], pair[1])):
            ids = self._key_primary.get(candidate) or self._key_alias[candidate]
            for match in self._matches(ids, "fuzzy", ratio * TYPO_SCALE, key=candidate):
                found.setdefault(match.entry_id, match)
        return list(found.values())[:limit]

    def _typo_index(self) -> list[str]:
        if self._typo_keys is None:
            keys = [
                key
                for keyed in (self._key_primary, self._key_alias)
                for key in keyed
                if len(key) >= TYPO_MIN_LENGTH - 1
            ]
            keys = list(dict.fromkeys(keys))
            trigrams: dict[str, list[int]] = defaultdict(list)
            buckets: dict[tuple[str, int], list[int]] = defaultdict(list)
            for position, key in enumerate(keys):
                for gram in _trigrams(key):
                    trigrams[gram].append(position)
                if len(key) <= TYPO_SHORT_KEY + 1:
                    buckets[(key[0], len(key))].append(position)
            # Compact int arrays: a third of the memory of lists, and they pickle as
            # one block each (jobgraph.taxonomy.lookup_cache).
            self._typo_trigrams = {gram: array("i", found) for gram, found in trigrams.items()}
            self._typo_buckets = dict(buckets)
            self._typo_keys = keys
        return self._typo_keys

    def embedding_matches(self, text: str, limit: int = 5) -> list[Match]:
        """Return the entries whose primary label embeds closest to ``text``.

        Confidence is the cosine similarity. Empty without an encoder.
        """
        if self._encoder is None or not text.strip():
            return []
        matrix = self._embedding_matrix()
        if matrix.shape[0] == 0:
            return []
        query = np.asarray(self._encoder.encode([text.strip()]), dtype=np.float32)[0]
        scores = matrix @ query
        limit = min(limit, len(scores))
        best = np.argpartition(-scores, limit - 1)[:limit]
        best = best[np.argsort(-scores[best])]
        return [
            Match(
                self._embedding_ids[i],
                "embedding",
                float(min(1.0, max(0.0, scores[i]))),
                self.primary[self._embedding_ids[i]],
            )
            for i in best
        ]

    def _embedding_matrix(self) -> np.ndarray:
        if self._embeddings is None:
            assert self._encoder is not None
            self._embedding_ids = list(self.primary)
            names = [self.primary[entry_id] for entry_id in self._embedding_ids]
            if names:
                matrix = np.asarray(self._encoder.encode(names), dtype=np.float32)
            else:
                matrix = np.zeros((0, 1), dtype=np.float32)
            self._embeddings = matrix
        return self._embeddings


def _append_unique(bucket: list[str], entry_id: str) -> None:
    if entry_id not in bucket:
        bucket.append(entry_id)
