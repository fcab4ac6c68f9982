"""The content-hash vector cache, with the real MiniLM encoder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from jobgraph.embed.cache import VectorCache, encode_cached, normalise_text
from jobgraph.embed.text_encoder import MiniLMEncoder


class CountingEncoder(MiniLMEncoder):
    """The real encoder, counting the texts it is asked to encode."""

    def __init__(self) -> None:
        super().__init__(device="cpu", batch_size=16)
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return super().encode(texts)

    @property
    def encoded(self) -> int:
        return sum(len(call) for call in self.calls)


@pytest.fixture(scope="module")
def encoder() -> CountingEncoder:
    return CountingEncoder()


def test_normalise_collapses_space_and_case() -> None:
    assert normalise_text("  Senior\tPython\n Developer ") == "senior python developer"


def test_second_run_encodes_nothing(encoder: CountingEncoder, tmp_path: Path) -> None:
    texts = ["Python", "python ", "Registered Nurse", "forklift operation", "Python"]
    encoder.calls.clear()
    with VectorCache(tmp_path / "v.sqlite") as cache:
        first = encode_cached(encoder, texts, cache)
        assert encoder.encoded == 3  # "Python" in three spellings is one text
        assert len(cache) == 3
    with VectorCache(tmp_path / "v.sqlite") as reopened:  # persisted on disk
        second = encode_cached(encoder, [*texts, "REGISTERED  nurse"], reopened)
    assert encoder.encoded == 3
    np.testing.assert_array_equal(first, second[:5])
    np.testing.assert_array_equal(second[2], second[5])


def test_cached_vectors_equal_a_fresh_encode(encoder: CountingEncoder, tmp_path: Path) -> None:
    texts = ["Data Analysis", "team leadership"]
    with VectorCache(tmp_path / "v.sqlite") as cache:
        encode_cached(encoder, texts, cache)
        cached = encode_cached(encoder, texts, cache)
    fresh = encoder.encode([normalise_text(t) for t in texts])
    assert cached.shape == (2, 384) and cached.dtype == np.float32
    np.testing.assert_allclose(cached, fresh, atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(cached, axis=1), 1.0, atol=1e-5)


def test_only_misses_are_encoded(encoder: CountingEncoder) -> None:
    cache = VectorCache(":memory:")
    encode_cached(encoder, ["nursing", "welding"], cache)
    encoder.calls.clear()
    encode_cached(encoder, ["welding", "baking", "nursing", "baking"], cache)
    assert encoder.calls == [["baking"]]


def test_model_name_separates_entries() -> None:
    a, b = VectorCache(":memory:", model="m1"), VectorCache(":memory:", model="m2")
    assert a.key("Python") == a.key(" python") != b.key("Python")


def test_no_cache_still_deduplicates(encoder: CountingEncoder) -> None:
    encoder.calls.clear()
    vectors = encode_cached(encoder, ["SQL", "sql", "Excel"], None)
    assert encoder.calls == [["sql", "excel"]]
    np.testing.assert_array_equal(vectors[0], vectors[1])
    assert encode_cached(encoder, [], None).shape == (0, 384)


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    from jobgraph.errors import ConfigError

    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ConfigError, match=r"bad\.sqlite"):
        VectorCache(bad)
