"""The layout of :mod:`geosleuth.read.target`: one public face, split by sub-concept.

The names, the pronouns and the gender live in private modules; ``target`` re-exports
every name the other modules and the tests take from it, and each module imports on
its own, in any order (no import cycle).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import geosleuth.read._target_gender as gender
import geosleuth.read._target_names as names
import geosleuth.read._target_pronouns as pronouns
import geosleuth.read.target as target

#: Every name imported from ``geosleuth.read.target`` elsewhere, and where it lives.
IMPORTED = {
    "PRONOUN_REACH": pronouns,
    "Target": names,
    "TargetRef": names,
    "_find_refs": target,
    "_given_name_refs": target,
    "_kin_pairs": pronouns,
    "_names_another": names,
    "_speakers_of": gender,
    "_witnesses_of": gender,
    "find_object_pronouns": target,
    "find_possessive_pronouns": target,
    "find_speaker_pronouns": target,
    "find_target_refs": target,
    "infer_target": target,
    "name_key": names,
    "object_pronoun_refs": pronouns,
    "people": target,
    "possessive_pronoun_refs": pronouns,
    "pronoun_refs": pronouns,
    "same_person": names,
    "target_gender": gender,
}


@pytest.mark.parametrize("name", sorted(IMPORTED))
def test_target_reexports_every_name_taken_from_it(name: str) -> None:
    home = IMPORTED[name]
    assert getattr(target, name) is getattr(home, name)


@pytest.mark.parametrize("module", [target, names, pronouns, gender])
def test_every_name_of_all_is_defined(module: Any) -> None:
    for name in module.__all__:
        assert hasattr(module, name), f"{module.__name__}.{name}"


def test_the_public_names_are_those_of_before_the_split() -> None:
    assert sorted(target.__all__) == [
        "PRONOUN_REACH",
        "Target",
        "TargetRef",
        "find_object_pronouns",
        "find_possessive_pronouns",
        "find_speaker_pronouns",
        "find_target_refs",
        "infer_target",
        "name_key",
        "object_pronoun_refs",
        "possessive_pronoun_refs",
        "same_person",
        "target_gender",
    ]


@pytest.mark.parametrize(
    "first",
    [
        "geosleuth.read._target_names",
        "geosleuth.read._target_pronouns",
        "geosleuth.read._target_gender",
        "geosleuth.read.target",
    ],
)
def test_each_module_imports_first_without_a_cycle(first: str) -> None:
    code = f"import {first}; import geosleuth.read.target as t; t.find_target_refs"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_lower_modules_do_not_import_the_public_face() -> None:
    # names < pronouns < gender < target: no module imports one above it
    for module, above in (
        (names, ("_target_pronouns", "_target_gender", "target")),
        (pronouns, ("_target_gender", "target")),
        (gender, ("target",)),
    ):
        text = Path(module.__file__).read_text(encoding="utf-8")
        imports = [
            ln for ln in text.splitlines() if ln.startswith(("from ", "import "))
        ]
        for name in above:
            assert not any(f"geosleuth.read.{name} " in ln for ln in imports), (
                module.__name__,
                name,
            )
