"""Counting and fuzzy matching shared by the parse evaluations.

Every field is scored with one :class:`Counts`: how many predicted items were
right (``matched_pred`` of ``pred``) and how many gold items were found
(``matched_gold`` of ``gold``). For plain sets both matched numbers are the size
of the intersection; for fuzzy one-to-many matching (the Indeed spans) they may
differ, which is why they are kept apart.

Text items (titles, employers, degree fields, Indeed spans) are compared as sets
of normalised content tokens (:func:`content_tokens`): case and accents folded,
punctuation dropped, a few stop words and legal-form suffixes removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from jobgraph.taxonomy.normalize import fold

T = TypeVar("T")
U = TypeVar("U")

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "in",
        "at",
        "on",
        "to",
        "with",
        "by",
        "from",
        "de",
        "la",
        "le",
        "du",
        "der",
        "die",
        "und",
        "y",
        "e",
    ]
)
# Legal forms that say nothing about which employer is meant.
LEGAL_FORMS = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "llp",
        "pllc",
        "ltd",
        "limited",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "spa",
        "s",
        "p",
        "a",
        "bv",
        "b",
        "v",
        "nv",
        "pty",
        "pvt",
        "private",
        "sro",
        "r",
        "o",
        "oy",
        "ab",
        "as",
        "kg",
        "lp",
    ]
)


@dataclass(slots=True)
class Counts:
    """Matched and total counts on both sides of one field."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate ``other`` into this one."""
        self.matched_pred += other.matched_pred
        self.pred += other.pred
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    @classmethod
    def of_sets(cls, gold: Iterable[Any], predicted: Iterable[Any]) -> Counts:
        """Counts of two sets compared exactly."""
        gold_set, pred_set = set(gold), set(predicted)
        both = len(gold_set & pred_set)
        return cls(both, len(pred_set), both, len(gold_set))

    @property
    def precision(self) -> float:
        """Share of predicted items that are right (1.0 when nothing was predicted)."""
        return self.matched_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items that were found (1.0 when there were none)."""
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain-dict form with the three rates rounded to four places."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched_pred": self.matched_pred,
            "pred": self.pred,
            "matched_gold": self.matched_gold,
            "gold": self.gold,
        }


@dataclass(slots=True)
class ScalarTally:
    """Scores a single-valued field over many documents.

    A document where gold and prediction are both absent is a true negative;
    gold absent but something predicted is a false positive; gold present and
    nothing (or something wrong) predicted is a miss. ``accuracy`` counts every
    document, including the true negatives.
    """

    counts: Counts
    documents: int = 0
    correct: int = 0

    def __init__(self) -> None:
        self.counts = Counts()
        self.documents = 0
        self.correct = 0

    def add(self, gold: Any, predicted: Any, equal: Callable[[Any, Any], bool]) -> bool:
        """Score one document; return whether it was right."""
        self.documents += 1
        right = (gold is None and predicted is None) or (
            gold is not None and predicted is not None and equal(gold, predicted)
        )
        self.correct += int(right)
        if predicted is not None:
            self.counts.pred += 1
            self.counts.matched_pred += int(right)
        if gold is not None:
            self.counts.gold += 1
            self.counts.matched_gold += int(right)
        return right

    def as_dict(self) -> dict[str, Any]:
        """Counts plus accuracy over all documents."""
        result = self.counts.as_dict()
        result["accuracy"] = round(self.correct / self.documents, 4) if self.documents else 1.0
        result["documents"] = self.documents
        return result


def content_tokens(text: str | None, *, drop_legal: bool = False) -> frozenset[str]:
    """Return the normalised content tokens of ``text`` (see module docstring)."""
    if not text:
        return frozenset()
    tokens = [t for t in _TOKEN.findall(fold(text)) if t not in STOP_WORDS]
    if drop_legal:
        tokens = [t for t in tokens if t not in LEGAL_FORMS]
    return frozenset(tokens)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|, 0.0 when both are empty."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient |a ∩ b| / min(|a|, |b|), 0.0 when either is empty."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def same_item(gold: frozenset[str], predicted: frozenset[str], *, extra: int = 2) -> float:
    """Similarity of a gold and a predicted short text item (title, employer, field).

    The item matches when the token sets have Jaccard similarity of at least
    0.75, or when every gold token is present and the prediction adds at most
    ``extra`` tokens (a location or legal form left on an employer, "Senior"
    on a title). Returns the Jaccard score when it matches, else 0.0.
    """
    if not gold or not predicted:
        return 0.0
    score = jaccard(gold, predicted)
    if score >= 0.75 or (gold <= predicted and len(predicted - gold) <= extra):
        return max(score, 0.01)
    return 0.0


def greedy_pairs(
    gold: Sequence[T], predicted: Sequence[U], score: Callable[[T, U], float]
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, predicted index, score), best scores first.

    Only pairs with a positive score are considered; ties keep document order,
    so the pairing is deterministic.
    """
    candidates = [
        (value, g, p)
        for g, gold_item in enumerate(gold)
        for p, pred_item in enumerate(predicted)
        if (value := score(gold_item, pred_item)) > 0
    ]
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for value, g, p in candidates:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((g, p, value))
    return pairs


def item_counts(
    gold: Sequence[str | None], predicted: Sequence[str | None], *, drop_legal: bool = False
) -> tuple[Counts, list[str], list[str]]:
    """Match short text items one to one with :func:`same_item`.

    Returns:
        The counts, the gold items not found and the predicted items not matched.
    """
    gold_items = [g for g in gold if g]
    pred_items = [p for p in predicted if p]
    gold_tokens = [content_tokens(g, drop_legal=drop_legal) for g in gold_items]
    pred_tokens = [content_tokens(p, drop_legal=drop_legal) for p in pred_items]
    pairs = greedy_pairs(gold_tokens, pred_tokens, same_item)
    found_gold = {g for g, _, _ in pairs}
    found_pred = {p for _, p, _ in pairs}
    counts = Counts(len(pairs), len(pred_items), len(pairs), len(gold_items))
    missed = [item for i, item in enumerate(gold_items) if i not in found_gold]
    extra = [item for i, item in enumerate(pred_items) if i not in found_pred]
    return counts, missed, extra
