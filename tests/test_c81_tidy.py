"""The shared rule of whom a text gives a nickname (:func:`nickname_givers`).

The rule of :mod:`geosleuth.read._sighting_denials` ("the arrest of *El
Güero*" is the target's where the text gave the target that nickname), with
its cue words shared with the nicknames that are no places
(:mod:`geosleuth.read._toponym_uses`).
"""

from __future__ import annotations

import pytest

from geosleuth.read._toponym_uses import nickname_givers


@pytest.mark.parametrize(
    ("text", "nick", "givers"),
    [
        # the word before a cue and the nickname, in quotes or not
        ("Rodrigo Salcedo Ibarra, alias El Güero, fled.", "El Güero", ["Ibarra"]),
        ("Salcedo, known as “El Güero”, fled.", "El Güero", ["Salcedo"]),
        ("Salcedo aka 'El Güero', fled.", "El Güero", ["Salcedo"]),
        ("Salcedo, a.k.a. El Güero, fled.", "El Güero", ["Salcedo"]),
        ("Salcedo, nicknamed El Güero, fled.", "El Güero", ["Salcedo"]),
        ("Salcedo, dubbed El Güero by the press, fled.", "El Güero", ["Salcedo"]),
        # the words on either side of the nickname in quotes
        ('Rodrigo "El Güero" Salcedo fled.', "El Güero", ["Rodrigo", "Salcedo"]),
        ("Joaquín ‘El Chapo’ Guzmán fled.", "El Chapo", ["Joaquín", "Guzmán"]),
        # both ways, each giver in turn
        ('Guzmán, alias El Chapo, and Joaquín "El Chapo" Guzmán', "El Chapo",
         ["Guzmán", "Joaquín", "Guzmán"]),
    ],
)  # fmt: skip
def test_the_words_given_a_nickname(text: str, nick: str, givers: list[str]) -> None:
    assert nickname_givers(text, nick) == givers


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        # near misses: the nickname given to no one, or another nickname
        ("El Mencho was seen in Jalisco.", "El Mencho"),
        ('Rodrigo "El Güero" Salcedo fled.', "El Chapo"),
        # a nickname that only starts the word after the cue
        ("Salcedo, alias El Güeros, fled.", "El Güero"),
        # a cue word that is no cue here: "called" names no nickname
        ("Salcedo called El Güero last week.", "El Güero"),
        # the quotes must close right after the nickname
        ('Rodrigo "El Güero Salcedo" fled.', "El Güero"),
    ],
)  # fmt: skip
def test_no_one_given_the_nickname(text: str, nick: str) -> None:
    assert nickname_givers(text, nick) == []


def test_the_nickname_is_matched_as_written_not_as_a_pattern() -> None:
    # "." in a nickname is a full stop, not any character
    nick = "El Sr. Gómez"
    assert nickname_givers("Salcedo, alias El Sr. Gómez, fled.", nick) == ["Salcedo"]
    assert nickname_givers("Salcedo, alias El Srx Gómez, fled.", nick) == []
