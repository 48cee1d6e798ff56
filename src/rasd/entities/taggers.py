"""Which NER tagger the settings name: the packaged CRF, a CRF of the user's own
(``rasd train ner --out DIR``) or an encoder model (``rasd train ner --encoder --out DIR``).

Kept apart from both taggers so neither imports the other's loader: ``rasd.entities.ner`` holds the
CRF tagger, ``rasd.entities.encoder_ner`` the encoder tagger built on it, and this module picks one
from a model directory's ``meta.json``. Both are imported only when a tagger is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rasd.resources import NER_MODEL_ENV, Resources, checked, current

if TYPE_CHECKING:
    from rasd.entities.ner import NerTagger


def tagger_for(model_dir: Path | str | None) -> NerTagger:
    """The tagger of a model directory (None: the packaged CRF), not yet loaded: an encoder model's
    when its ``meta.json`` says so, else a CRF's."""
    from rasd.entities.encoder_ner import EncoderTagger, is_encoder_model
    from rasd.entities.ner import NerTagger

    if model_dir is not None and is_encoder_model(model_dir):
        return EncoderTagger(model_dir)
    return NerTagger(model_dir)


def tagger_of(res: Resources) -> NerTagger:
    """The loader of ``Resources``: the settings' NER tagger (``res.ner_model``, from
    ``$RASD_NER_MODEL``)."""
    return tagger_for(res.ner_model)


def default_tagger() -> NerTagger:
    """The tagger of the current resources (not yet loaded: ``.load()`` reads the weights once): the
    packaged model, or the directory named by ``$RASD_NER_MODEL``."""
    return current().get(tagger_of)


@checked
def user_model_of(res: Resources) -> NerTagger | None:
    """The settings' own NER model, loaded (None without one), so a missing directory or an encoder
    model without its extra is one ``ConfigError`` before the first document."""
    if res.ner_model is None:
        return None
    try:
        return res.get(tagger_of).load()
    except FileNotFoundError as exc:
        from rasd.errors import ConfigError

        raise ConfigError(f"{NER_MODEL_ENV}: {exc}") from None
