"""Lexical baselines: TF-IDF cosine and Okapi BM25 over the documents' full text."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")
# Function words only: anything domain-like stays, so BM25 sees what TF-IDF sees.
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "that",
        "the",
        "their",
        "this",
        "to",
        "we",
        "will",
        "with",
        "you",
        "your",
    }
)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (keeping ``c++``, ``c#``, ``node.js``), stop words dropped."""
    return [word for word in _WORD.findall(text.lower()) if word not in STOP_WORDS]


class BM25:
    """Okapi BM25 over a fixed collection.

    ``score(query)`` gives every document's score: the sum over the query's
    distinct terms of ``idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen))``
    with ``idf = ln(1 + (N - df + 0.5) / (df + 0.5))`` (always positive).

    Args:
        documents: The collection's texts.
        k1: Term-frequency saturation.
        b: Length normalisation.
    """

    def __init__(self, documents: Sequence[str], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.counts = [Counter(tokens(text)) for text in documents]
        self.lengths = np.array([sum(c.values()) for c in self.counts], dtype=float)
        self.average_length = float(self.lengths.mean()) if len(self.counts) else 0.0
        frequency: Counter[str] = Counter()
        for counts in self.counts:
            frequency.update(counts.keys())
        total = len(self.counts)
        self.idf = {
            term: math.log(1.0 + (total - df + 0.5) / (df + 0.5)) for term, df in frequency.items()
        }

    def score(self, query: str) -> np.ndarray:
        """The score of every document for ``query``."""
        result = np.zeros(len(self.counts))
        if not self.counts or self.average_length == 0:
            return result
        norm = self.k1 * (1.0 - self.b + self.b * self.lengths / self.average_length)
        for term in set(tokens(query)):
            idf = self.idf.get(term)
            if idf is None:
                continue
            tf = np.array([counts.get(term, 0) for counts in self.counts], dtype=float)
            result += idf * tf * (self.k1 + 1.0) / (tf + norm)
        return result


def tfidf_cosine(queries: Sequence[str], items: Sequence[str]) -> np.ndarray:
    """Cosine of sublinear TF-IDF vectors fitted on both sides together: ``(queries, items)``.

    Weights are ``(1 + ln tf) * (ln((1 + N) / (1 + df)) + 1)`` over word unigrams
    (the same tokens as BM25), rows normalised to unit length.
    """
    counts = [Counter(tokens(text)) for text in list(queries) + list(items)]
    frequency: Counter[str] = Counter()
    for document in counts:
        frequency.update(document.keys())
    vocabulary = {term: column for column, term in enumerate(sorted(frequency))}
    total = len(counts)
    matrix = np.zeros((total, len(vocabulary)))
    for row, document in enumerate(counts):
        for term, count in document.items():
            idf = math.log((1 + total) / (1 + frequency[term])) + 1.0
            matrix[row, vocabulary[term]] = (1.0 + math.log(count)) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix /= np.where(norms == 0, 1.0, norms)
    return matrix[: len(queries)] @ matrix[len(queries) :].T
