"""BM25 and TF-IDF of jobgraph eval match."""

from __future__ import annotations

import math

import pytest

from jobgraph.evaluation.matching.lexical import BM25, tfidf_cosine, tokens


def test_tokens_keep_technical_words_and_drop_function_words() -> None:
    assert tokens("The C++ and C# developer, with Node.js") == [
        "c++",
        "c#",
        "developer",
        "node.js",
    ]


def test_bm25_by_hand() -> None:
    documents = ["python django", "java spring java", "python"]
    bm25 = BM25(documents, k1=1.2, b=0.75)
    scores = bm25.score("python")
    # df(python) = 2 of 3 -> idf = ln(1 + 1.5 / 2.5); lengths 2, 3, 1; avg 2
    idf = math.log(1 + 1.5 / 2.5)
    first = idf * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 2))
    third = idf * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 1 / 2))
    assert scores[0] == pytest.approx(first)
    assert scores[1] == 0.0
    assert scores[2] == pytest.approx(third)
    assert scores[2] > scores[0]  # the shorter document wins at equal tf


def test_bm25_saturates_term_frequency_and_rewards_rare_terms() -> None:
    bm25 = BM25(["java", "java java java java", "kotlin java", "java"], b=0.0)
    scores = bm25.score("java kotlin")
    assert scores[1] < 2 * scores[0]
    assert scores[2] == max(scores)


def test_bm25_query_repeats_do_not_count_twice() -> None:
    bm25 = BM25(["sql excel", "excel"])
    assert list(bm25.score("sql sql sql")) == list(bm25.score("sql"))


def test_tfidf_cosine_is_one_for_the_same_text() -> None:
    matrix = tfidf_cosine(["python django postgres", "nurse icu"], ["nurse icu", "python django"])
    assert matrix[1, 0] == pytest.approx(1.0)
    assert matrix[0, 1] > matrix[0, 0]
