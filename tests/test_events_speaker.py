"""Reported speech whose complementizer carries the subject pronoun: the speaker is the source."""

from __future__ import annotations

import pytest

from rasd.coder import sentence_coder


def _events(text: str) -> list[tuple[str, list[str]]]:
    return [(e.type, [a.name for a in e.source]) for e in sentence_coder()(text).events]


@pytest.mark.parametrize(
    ("text", "ptype", "source"),
    [
        ("قالت حركة نداء تونس إنها ترفض قرار الحكومة.", "REJECT", "حركة نداء تونس"),
        ("أعلن الجيش العراقي أنه قتل 20 مسلحا من داعش في الموصل.", "ASSAULT", "الجيش العراقي"),
    ],
)
def test_the_speaker_is_the_subject_of_the_pronoun(text: str, ptype: str, source: str) -> None:
    assert (ptype, [source]) in _events(text)


def test_a_passive_after_the_pronoun_is_not_the_speakers_act() -> None:
    """قالت مصادر ليبية إنه قتل، ... : he was killed; the sources did not kill him."""
    found = _events("قالت مصادر حكومية ليبية إنه قتل، لكن قيادات في الجيش نفت ذلك.")
    assert all("مصادر حكومية ليبية" not in " ".join(src) for _t, src in found)


def test_a_quotation_before_the_complementizer_breaks_the_link() -> None:
    """«قال كوتون: هذه الصفقة ... إنه يرفع»: the pronoun is the deal's, not the speaker's."""
    found = _events("وقال السيناتور توم كوتون: هذه الصفقة سيئة، إنه يرفع الحظر المفروض على الأسلحة.")
    assert all("توم كوتون" not in " ".join(src) for _t, src in found)
