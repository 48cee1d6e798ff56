"""Named entities: features, the CRF tagger and its training, corpus readers, resolution and places.

Kept light on purpose: nothing heavy is imported here; import ``rasd.entities.ner`` for the tagger.
"""
