"""The attribution of a statement, and the speakers a document has named.

:class:`Attribution` records who a sentence's statement comes from: the speaker,
role and reporting verb, the outlets of the reporting chain, whether the speaker
is official, the target or a rumour, the spans of the speaker's words, another
party's denial of the statement, and the clauses with speakers of their own.
:class:`SpeakerRegistry` keeps the speakers seen so far, keyed by surname, to
complete a later short name ("Al-Ceyyasi argues"), and the words that refer to
the target; :data:`TARGET_ROLE` is the role of a target who speaks. Used by
:mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from geosleuth.read.target import name_key

__all__: list[str] = []

#: The role of a speaker who is the target ("She told police she was heading to
#: Denver"): what the target says of her own whereabouts is graded as such
#: (:data:`~geosleuth.read.claims.DEFAULT_READ_GRADES`, ``target``).
TARGET_ROLE = "the target"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a sentence's statement comes from.

    Attributes
    ----------
    speaker : str or None
        The person or organisation; None for the article's own statements.
    role : str or None
        What the speaker is ("SDF commander").
    verb : str or None
        The reporting verb or phrase as written ("announced", "according to").
    chain : tuple of str
        Outlets between speaker and article, nearest first ("ANF",).
    official : bool
        The speaker is an organisation, or has an official or expert role.
    rumour : bool
        An unattributed claim ("it is claimed", "reportedly", "rumours").
    excluded : tuple of (int, int)
        Character spans (in the document) of the speaker's name and role: places
        named there describe the speaker, not the statement.
    org : str or None
        The speaker's organisation when the role names one ("SDF"), or the words
        of an unnamed speaker ("SDF fighters"): "our forces" in the speaker's
        words are its forces.
    inherited : bool
        The attribution comes from an earlier sentence (quotation, pronoun,
        continuation).
    disputed : tuple of (int, int) or None
        Character span (in the document) of another party's denial of the
        statement later in the sentence ("but police denied it"), or of the
        short sentence after it that denies it ("Police denied the report.");
        None if none.
    clauses : tuple of ((int, int), Attribution)
        For a sentence of clauses set against each other that have speakers of
        their own ("Jane Doe is not in Raqqa, *but* police say she is in
        Mosul"; "Police say ..., *but* her brother says ..."), or reporting
        verbs of their own ("Police said she was in Mosul, *and they believe*
        ..."), the span of each clause (in the document) and who states it;
        empty otherwise, and the attribution is the whole sentence's (see
        :meth:`at`).
    target : bool
        The speaker is the target ("She told police she was heading to
        Denver"): its name is the target's, its role begins with
        :data:`TARGET_ROLE`.
    hearsay : str or None
        The words of others' hearsay that a speaker relays ("They say", in
        '"They say he is dead," Rivas said'), or the hearsay that is the
        subject of a reporting verb, with no speaker ("Rumours say"): a rumour,
        at most possible, as "it is rumoured" is
        (:meth:`geosleuth.read.claims._Extractor.build`); None otherwise.
    """

    speaker: str | None = None
    role: str | None = None
    verb: str | None = None
    chain: tuple[str, ...] = ()
    official: bool = False
    rumour: bool = False
    excluded: tuple[tuple[int, int], ...] = ()
    org: str | None = None
    inherited: bool = False
    disputed: tuple[int, int] | None = None
    clauses: tuple[tuple[tuple[int, int], Attribution], ...] = ()
    target: bool = False
    hearsay: str | None = None

    def carried(self) -> Attribution:
        """The same attribution, marked as inherited (for quotes, continuations)."""
        return Attribution(
            speaker=self.speaker, role=self.role, verb=self.verb, chain=self.chain,
            official=self.official, rumour=self.rumour, excluded=(), org=self.org,
            inherited=True, target=self.target,
        )  # fmt: skip

    def at(self, offset: int) -> Attribution:
        """Who states the clause at document ``offset``: its own, else this one."""
        for (a, b), attr in self.clauses:
            if a <= offset < b:
                return attr
        return self


@dataclass(slots=True)
class SpeakerRegistry:
    """Speakers seen so far in a document, keyed by surname, to complete short names.

    Examples
    --------
    >>> reg = SpeakerRegistry()
    >>> reg.add("Said al-Ceyyasi", "researcher")
    >>> reg.complete("Al-Ceyyasi", None)
    ('Said al-Ceyyasi', 'researcher')
    """

    by_key: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    #: The target's name, and the spans (in the document) of the words that
    #: refer to it (:func:`~geosleuth.read.target.find_target_refs`): a subject
    #: there makes the target the speaker.
    target: str | None = None
    target_at: tuple[tuple[int, int], ...] = ()

    def is_target(self, tok: Any) -> bool:
        """Whether the word ``tok`` (of a parse) refers to the target."""
        return self.target is not None and any(
            a <= tok.idx < b for a, b in self.target_at
        )

    def add(self, name: str, role: str | None) -> None:
        """Remember ``name`` (and its role) under its surname key."""
        words = name.split()
        if not words:
            return
        key = name_key(words[-1])
        old = self.by_key.get(key)
        if old is None or len(name) > len(old[0]) or (old[1] is None and role):
            self.by_key[key] = (
                name if old is None or len(name) >= len(old[0]) else old[0],
                role or (old[1] if old else None),
            )

    def complete(self, name: str, role: str | None) -> tuple[str, str | None]:
        """The fullest known form of ``name`` and its role."""
        words = name.split()
        if not words:
            return name, role
        known = self.by_key.get(name_key(words[-1]))
        if known is None:
            return name, role
        full = known[0] if len(known[0]) > len(name) else name
        return full, role or known[1]
