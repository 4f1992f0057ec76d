"""Another's spouse or counsel: what it says of "her husband" is not the target's.

Helper of :mod:`geosleuth.read.life`. "*The wife of Jalmaani's deputy* said her
husband was alive and in Patikul": the target is named, but only as the owner
of the one whose wife speaks; her husband is the deputy. "*The lawyer for
Jalmaani's co-accused*, Abdul Sali, said his client was alive and in Jolo": the
client is the co-accused. What such a speaker says of the one it calls so
(:func:`~geosleuth.read._life_claims.kin_of_another`) is set aside as
``not_target``: that he lives, and the places of his clause, which no other
rule then reads as the target's (a place set aside is taken, as one read is:
:attr:`~geosleuth.read.claims._Extractor.taken`). The target's own spouse or
counsel ("Jalmaani's wife said her husband was alive and hiding in Patikul")
speaks of the target (:func:`~geosleuth.read._life_claims.called_by_kin`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geosleuth.read._life_claims import kin_of_another
from geosleuth.read._sentence import Sentence, resolved

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["set_aside_others_kin"]

#: Words by which a clause says one lives: "was *alive*", "*survived*".
_LIVING = frozenset({"alive", "survive", "safe"})


def set_aside_others_kin(ex: _Extractor, s: Sentence) -> None:
    """Set aside what another's spouse or counsel in ``s`` says of its own.

    The clause of "her husband" or "his client" (the verb it is the subject
    of, with all it holds), where the speaker is another's spouse or counsel
    and the clause does not name the target itself ("... said her husband was
    with Jalmaani in Patikul" is left to the other rules): its places whose
    subject is that one, and its word that he lives.
    """
    if s.sent is None:
        return
    for who in s.sent:
        if who.dep_ not in ("nsubj", "nsubjpass"):
            continue
        speaker = kin_of_another(who, ex.refs)
        if speaker is None:
            continue
        tokens = list(who.head.subtree)
        lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(lo <= r.start < hi for r in s.refs):
            continue  # the target named in the clause too
        called = f"{who.text!r}, as {speaker!r} calls one of its own"
        for m in s.places:
            if (
                lo <= m.start < hi
                and m.start not in ex.taken
                and resolved(m)
                and _subject_of_place(ex, m.start) == who.i
            ):
                ex.taken[m.start] = "claim"
                ex.reject(
                    "not_target",
                    f"{m.text!r} is where another is said to be ({called}), not "
                    "the target",
                    (m.start, m.end),
                )
        if any(t.lemma_.lower() in _LIVING for t in tokens):
            ex.reject(
                "not_target",
                f"said to live, but of another ({called}), not the target",
                s.span,
            )


def _subject_of_place(ex: _Extractor, at: int) -> int:
    """The subject (token index) of the nearest clause above the place at ``at``.

    "her husband was alive and in *Patikul*": "husband", the subject of "was";
    -1 when there is none.
    """
    span = ex.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return -1
    for up in span[0].ancestors:
        subject = next(
            (c.i for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        if subject is not None:
            return int(subject)
    return -1
