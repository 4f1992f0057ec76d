"""``--home``: the place a local paper comes from, as 'read' and 'locate' take it.

The text is a gazetteer name, alone or qualified: "Athens", "Athens, Texas"
(the state, by name or code: "Athens, TX"), "Athens, Greece", or "Athens,
Georgia, US" (a state and its country). A qualifier may name a country and a
first-level division at once ("Georgia": the country, and the US state;
"Mexico": the country, and the State of México): each is tried, and the one that
holds a place of that name is taken. Where both do (two places), the likelier
reading of the qualifier is, with a warning that names the other and how to ask
for it.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from geosleuth.errors import GazetteerError, GeosleuthWarning, InputError
from geosleuth.gazetteer import Gazetteer, Place

__all__ = ["home_of"]

#: The kinds of place a qualifier reads as, when it can: a state or a country.
_AREAS = ("admin", "country")


def home_of(text: str) -> Place:
    """The place ``--home`` names: "Athens", "Athens, Texas", "Athens, Georgia, US".

    Parameters
    ----------
    text : str
        ``NAME``, ``NAME, STATE-OR-COUNTRY`` or ``NAME, STATE, COUNTRY``.

    Returns
    -------
    Place
        The most populous place of that name in the area the qualifier names
        (the likelier area where two hold one: see the module docstring).

    Raises
    ------
    GazetteerError
        When a part is not in the gazetteer (with the nearest names).
    InputError
        When the text names no place, or no place of that name lies in the area.

    Warns
    -----
    GeosleuthWarning
        When the qualifier names two areas that each hold a place of that name.

    Examples
    --------
    >>> home = home_of("Athens, Georgia")  # the country holds none: the state
    >>> home.country, home.admin1
    ('US', 'GA')
    >>> home_of("Athens, Georgia, US") == home_of("Athens, GA") == home
    True
    >>> home_of("Leeds, Georgia")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: ... 'Leeds' in Georgia (the country) or in Georgia, ...
    """
    gaz = Gazetteer.default()
    name, *rest = (part.strip() for part in text.split(","))
    qualifiers = [q for q in rest if q]
    if not name:
        raise InputError(f"--home {text!r} names no place.", field="--home")
    if len(qualifiers) > 2:
        raise InputError(
            f"--home {text!r}: give 'NAME', 'NAME, STATE-OR-COUNTRY' or 'NAME, "
            "STATE, COUNTRY'.",
            field="--home",
        )
    for part in (name, *qualifiers):
        if not gaz.knows(part):  # names exactly; near misses are hints
            hints = gaz.suggest(part)
            hint = f" Did you mean {', '.join(map(repr, hints))}?" if hints else ""
            raise GazetteerError(
                f"--home: no place is called exactly {part!r} in the gazetteer.{hint}"
            )
    if not qualifiers:
        return gaz.resolve(name)
    areas = _areas(gaz, text, qualifiers)
    named = [gaz.place(p) for p, w in gaz.match_ids(name) if w >= 0.9]  # by name
    found = [(area, place) for area in areas if (place := _largest_in(named, area))]
    if not found:
        several = len(areas) > 1
        where = " or in ".join(_described(gaz, a, several=several) for a in areas)
        raise InputError(
            f"--home {text!r}: no place called {name!r} in {where}.", field="--home"
        )
    area, place = found[0]
    others = [(a, p) for a, p in found[1:] if p != place]
    if others:
        _warn_of_other(gaz, text, name, (area, place), others[0])
    return place


def _areas(gaz: Gazetteer, text: str, qualifiers: Sequence[str]) -> list[Place]:
    """The areas the qualifiers may name, the likelier first.

    One qualifier: each state and country of that name ("Georgia": both), or,
    naming neither, the place it resolves to (whose country is the area). Two:
    the states of the first name in a country of the second.
    """
    first = _readings(gaz, qualifiers[0])
    if len(qualifiers) == 1:
        return first or [gaz.resolve(qualifiers[0])]
    countries = {c.country for c in _readings(gaz, qualifiers[1]) if c.country}
    states = [a for a in first if a.kind == "admin" and a.country in countries]
    if not states:
        raise InputError(
            f"--home {text!r}: no state or province called {qualifiers[0]!r} in "
            f"{qualifiers[1]}.",
            field="--home",
        )
    return states


def _readings(gaz: Gazetteer, qualifier: str) -> list[Place]:
    """The states and countries called ``qualifier`` (or by its code), likeliest first.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> [(p.kind, p.country) for p in _readings(gaz, "Georgia")]
    [('country', 'GE'), ('admin', 'US')]
    >>> [(p.kind, p.admin1) for p in _readings(gaz, "GA")], _readings(gaz, "Leeds")
    ([('admin', 'GA')], [])
    """
    ids = [(p, w) for p, w in gaz.match_ids(qualifier) if w >= 0.9]
    ids.sort(key=lambda t: -t[1] * (1.0 + float(gaz.prior[t[0]])))
    return [gaz.place(p) for p, _ in ids if gaz.kind(p) in _AREAS]


def _largest_in(named: Sequence[Place], area: Place) -> Place | None:
    """The most populous of ``named`` in ``area`` (its state, else its country)."""
    inside = [
        p
        for p in named
        if p.country == area.country
        and (area.kind != "admin" or p.admin1 == area.admin1)
    ]
    return max(inside, key=lambda p: p.population) if inside else None


def _code(gaz: Gazetteer, area: Place) -> str | None:
    """A state's code, where it names the state: "GA" for Georgia, US.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> [_code(gaz, p) for p in _readings(gaz, "Georgia")]
    [None, 'GA']
    """
    code = area.admin1
    if area.kind != "admin" or not code or not code.isalpha():
        return None
    return code if area in _readings(gaz, code) else None


def _country_name(gaz: Gazetteer, area: Place) -> str:
    """The name of the country ``area`` lies in ("United States")."""
    pid = gaz.country_place_id(area.country or "")
    return gaz.place(pid).name if pid is not None else str(area.country)


def _described(gaz: Gazetteer, area: Place, *, several: bool) -> str:
    """``area`` in words; among ``several`` readings of a name, which it is.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> [_described(gaz, p, several=True) for p in _readings(gaz, "Georgia")]
    ['Georgia (the country)', "Georgia, United States ('GA')"]
    """
    if not several:
        return area.name
    if area.kind == "country":
        return f"{area.name} (the country)"
    code = _code(gaz, area)
    also = f" ({code!r})" if code else ""
    return f"{area.name}, {_country_name(gaz, area)}{also}"


def _warn_of_other(
    gaz: Gazetteer,
    text: str,
    name: str,
    taken: tuple[Place, Place],
    other: tuple[Place, Place],
) -> None:
    """Warn that the qualifier's other reading holds another place of that name."""
    (area, place), (other_area, other_place) = taken, other
    ask = ""
    if other_area.kind == "admin":
        code = _code(gaz, other_area)
        spelled = (
            f"{name}, {code}"
            if code
            else f"{name}, {other_area.name}, {_country_name(gaz, other_area)}"
        )
        ask = f" For that one, give --home {spelled!r}."
    warnings.warn(
        f"--home {text!r}: both {_described(gaz, area, several=True)} and "
        f"{_described(gaz, other_area, several=True)} hold a place called "
        f"{name!r}: took the one in {_described(gaz, area, several=True)} "
        f"({_at(place)}), not the one in {_described(gaz, other_area, several=True)} "
        f"({_at(other_place)}).{ask}",
        GeosleuthWarning,
        stacklevel=3,
    )


def _at(place: Place) -> str:
    """Where ``place`` is, lon and lat, to tell two of one name apart."""
    return f"lon {place.lon:.4f}, lat {place.lat:.4f}"
