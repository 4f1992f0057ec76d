"""The command line after review r25: --home, targets never named, words and units.

- M1: ``--home 'Athens, Georgia'`` was refused, "Georgia" read as the country
  only; a qualifier that names a country and a state is tried as each;
- M2: a ``--target`` that the text never names gave a confident map, unsaid;
- M4: ``verify README.md`` (or a 'profile' folder) spoke of an ``[Errno 2]``
  about an estimate.json the user never named;
- M5: ``searched --date`` years ahead was an error at a case-file line that
  does not exist;
- M7: ``read``'s "not used" (rejected) and "unused" were two things;
  ``read --help`` listed three of the keys of <doc>.json;
- M8: ``eval/calibration.py`` buried its table under 182 warnings;
- L1: flags showed a ``<bool>`` value in --help; L3: errors began with an
  empty line; L4: date errors named no option, or no format; L5: profile's
  lengths read "1.109e+04 m"; L8: a case file's line was said twice; L9:
  bench/read.py ignored GEOSLEUTH_SHARED.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.cli.read import home_of
from geosleuth.errors import GeosleuthWarning, InputError

runner = CliRunner()

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


def run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def flat(text: str) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(text.split())


def small_case(extra: str = "", sigma: str = "0.5") -> str:
    """A small case on Yr Wyddfa, for Jane Doe."""
    return (
        "target: Jane Doe\n"
        "region: {west: -4.16, south: 53.03, east: -3.98, north: 53.12}\n"
        "grid: {cell_km: 0.5}\n"
        "evidence:\n"
        "  - id: s1\n    kind: sighting\n    date: 2024-10-12\n"
        f"    place: {{lon: -4.05, lat: 53.07}}\n    sigma_km: {sigma}\n{extra}"
    )


# -- M1: --home with a qualifier that is a country and a state --------------------


def test_home_in_georgia_is_the_us_state_where_the_country_has_no_such_place() -> None:
    home = home_of("Athens, Georgia")
    assert (home.country, home.admin1) == ("US", "GA")
    assert home_of("Athens, GA") == home_of("Athens, Georgia, US") == home
    tbilisi = home_of("Tbilisi, Georgia")  # and the country, where it holds one
    assert tbilisi.country == "GE"


def test_home_in_a_name_of_two_areas_that_both_hold_one_says_which_it_took() -> None:
    with pytest.warns(GeosleuthWarning) as caught:
        home = home_of("Emiliano Zapata, Mexico")
    assert (home.country, home.admin1) == ("MX", "17")  # the country's largest
    (said,) = [str(w.message) for w in caught]
    assert "both Mexico (the country) and México, Mexico hold" in said
    assert "give --home 'Emiliano Zapata, México, Mexico'" in said
    other = home_of("Emiliano Zapata, México, Mexico")
    assert (other.country, other.admin1) == ("MX", "15")


def test_home_in_neither_area_names_both_and_the_states_code() -> None:
    with pytest.raises(InputError, match="no place called 'Leeds'") as info:
        home_of("Leeds, Georgia")
    assert info.value.message == (
        "--home 'Leeds, Georgia': no place called 'Leeds' in Georgia (the "
        "country) or in Georgia, United States ('GA')."
    )
    with pytest.raises(InputError, match=r"no place called 'Athens' in Alaska\."):
        home_of("Athens, Alaska")  # one reading: said as before


def test_home_with_a_state_not_in_the_country_given_is_refused() -> None:
    with pytest.raises(InputError, match="no state or province called 'Georgia'"):
        home_of("Athens, Georgia, Greece")
    with pytest.raises(InputError, match="give 'NAME', 'NAME, STATE-OR-COUNTRY'"):
        home_of("Athens, Georgia, US, Earth")


# -- M2: a target the text never names ---------------------------------------------

NOT_HER = (
    "Police said John Smith was seen in Leeds on Sunday.\n\n"
    "Smith is 34 and was reported missing on Monday.\n"
)


@pytest.mark.nlp
def test_read_warns_of_a_target_the_text_never_names(tmp_path: Path, nlp: Any) -> None:
    article = tmp_path / "smith.txt"
    article.write_text(NOT_HER, encoding="utf-8")
    result = run("read", article, "--out", tmp_path / "o", "--target", "Jane Doe",
                 "--published", "2024-06-03")  # fmt: skip
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "never name" in line]
    assert said == [
        "EvidenceWarning: smith.txt never names 'Jane Doe' (--target): nothing read "
        "from it is about that person, only what holds whoever is sought (a front "
        "line, a territory). Check the name, or leave --target out to read each "
        "for the person it names most."
    ]
    # the name, given whole or in part, is named
    result = run("read", article, "--out", tmp_path / "p", "--target", "Smith",
                 "--published", "2024-06-03")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "never name" not in result.output


@pytest.mark.nlp
def test_locate_warns_of_an_article_that_never_names_the_cases_target(
    tmp_path: Path, nlp: Any
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(small_case(), encoding="utf-8")
    article = tmp_path / "smith.txt"
    article.write_text(NOT_HER, encoding="utf-8")
    result = run("locate", case, article, "--out", tmp_path / "o", "-q",
                 "--published", "2024-10-12")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "EvidenceWarning: smith.txt never names 'Jane Doe' (the case's target): "
        "nothing read from it is about that person" in flat(result.output)
    )
    assert "leave --target out" not in flat(result.output)


# -- M4: verify what is no output of locate ----------------------------------------


def test_verify_refuses_a_file_or_folder_that_is_no_output_of_locate(
    tmp_path: Path,
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# notes\n", encoding="utf-8")
    profile = tmp_path / "pf"
    profile.mkdir()
    (profile / "profile.json").write_text('{"peak": {}}', encoding="utf-8")
    give = (
        "give its output folder, its estimate.json or its posterior.npz (or "
        "another of the files it writes: estimate.geojson, map.png, report.html)."
    )
    for given, message in (
        (readme, f"{readme} is not an output of 'geosleuth locate': {give}"),
        (
            profile,
            f"{profile} is not an output folder of 'geosleuth locate' (it holds no "
            f"estimate.json): {give}",
        ),
        (
            profile / "profile.json",
            f"{profile / 'profile.json'} is not an output of 'geosleuth locate': "
            f"{give}",
        ),
    ):
        result = run("verify", given)
        assert result.exit_code == 1
        assert result.output == f"InputError: {message} ({given})\n"


# -- M5: searched --date years ahead -----------------------------------------------


def test_searched_refuses_a_date_years_ahead_as_its_option(tmp_path: Path) -> None:
    case = tmp_path / "h.yaml"
    case.write_text(HIKER.read_text(encoding="utf-8"), encoding="utf-8")
    day = dt.date.today() + dt.timedelta(days=800)
    result = run("searched", case, "--date", day.isoformat(), "--pd", 0.6,
                 "--point=-4.05,53.07", "--radius-km", 0.5)  # fmt: skip
    assert result.exit_code == 1
    assert result.output.startswith(
        f"InputError: --date is {day.isoformat()}, more than a year after today"
    )
    assert "h.yaml" not in result.output  # no line of the file
    assert case.read_text(encoding="utf-8") == HIKER.read_text(encoding="utf-8")


# -- M7: read's words --------------------------------------------------------------


def test_read_help_lists_every_key_of_a_reading() -> None:
    from geosleuth.read.document import Reading

    keys = Reading("d", None, "", None, (), (), (), (), (), None, "d.txt").to_dict()
    words = flat(run("read", "--help").output.replace("│", " "))
    for key in keys:
        assert f" {key}" in words, key


UNUSED = (
    "Jane Doe, 34, of Leeds, was reported missing on Monday. Police said Jane Doe "
    "was seen in Leeds on Sunday. The men were found alive. Jane Doe is 34.\n"
)


@pytest.mark.nlp
def test_read_says_rejected_and_unused_as_its_json_does(
    tmp_path: Path, nlp: Any
) -> None:
    article = tmp_path / "doe.txt"
    article.write_text(UNUSED, encoding="utf-8")
    result = run("read", article, "--out", tmp_path / "o", "--target", "Jane Doe",
                 "--published", "2024-06-03")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "o" / "doe.json").read_text(encoding="utf-8"))
    assert len(data["unused"]) == 2
    assert "rejected" in result.output.splitlines()[2]  # the table's header
    assert "not used" not in result.output
    assert flat(result.output).count("Unused: 2 sentences about the target") == 1


# -- M8: eval/calibration.py --------------------------------------------------------


def test_calibration_counts_its_warnings_under_the_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "calibration", REPO / "eval" / "calibration.py"
    )
    assert spec is not None and spec.loader is not None
    calibration = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "calibration", calibration)  # for its dataclass
    spec.loader.exec_module(calibration)
    monkeypatch.setattr(sys, "argv", ["calibration.py", "--trials", "20"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none may escape
        assert calibration.main() == 0
    out, err = capsys.readouterr()
    assert err == ""
    last = out.strip().splitlines()[-1]
    assert last.startswith("Of the 60 fusions, ")
    assert 'warned "The study region\'s edge cuts the evidence"' in last


# -- L1, L3, L4, L5, L8, L9 --------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["locate"], ["read"], ["profile"]])
def test_flags_show_no_value_in_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "<bool>" not in result.output
    help_row = next(r for r in result.output.splitlines() if "--help" in r)
    assert "Show this message" in help_row  # no value between


def test_an_error_is_one_line_with_no_empty_line_before_it(tmp_path: Path) -> None:
    case = tmp_path / "typo8.yaml"
    case.write_text(small_case(sigma="-10"), encoding="utf-8")
    result = run("locate", case, "--out", tmp_path / "o")  # the spinner's run
    assert result.exit_code == 1
    assert result.output.startswith("CaseFileError: The 'sigma_km' of sighting 's1'")
    assert len(result.output.splitlines()) == 1
    # the file and line once (L8), as the message gives them
    assert f"({case}, line 9)" in result.output
    assert ":9)" not in result.output


@pytest.mark.parametrize(
    ("command", "option", "value", "message"),
    [
        (
            "locate",
            "--as-of",
            "2018-02-30",
            "--as-of is written YYYY-MM-DD, but 2018-02-30 is not a day of the "
            "calendar (check the month and the day).",
        ),
        (
            "searched",
            "--date",
            "2024-13-01",
            "--date is written YYYY-MM-DD, but 2024-13-01 is not a day of the "
            "calendar (check the month and the day).",
        ),
        (
            "read",
            "--published",
            "12/05/2018",
            "--published must be a date written YYYY-MM-DD. Got '12/05/2018' instead.",
        ),
        (
            "read",
            "--published",
            "2999-05-12",
            "--published is 2999-05-12, more than a year after today",
        ),
    ],
)
def test_a_date_error_names_its_option_and_format(
    tmp_path: Path, command: str, option: str, value: str, message: str
) -> None:
    case = tmp_path / "h.yaml"
    case.write_text(HIKER.read_text(encoding="utf-8"), encoding="utf-8")
    extra = ["--pd", 0.5] if command == "searched" else ["--out", tmp_path / "o"]
    result = run(command, case, option, value, *extra)
    assert result.exit_code == 1
    assert result.output.startswith(f"InputError: {message}")
    assert len(result.output.splitlines()) == 1
    assert not (tmp_path / "o").exists()
    assert case.read_text(encoding="utf-8") == HIKER.read_text(encoding="utf-8")


def test_locate_help_gives_the_format_of_published() -> None:
    command = typer.main.get_command(app).commands["locate"]  # type: ignore[attr-defined]
    (published,) = [p for p in command.params if p.name == "published"]
    assert "(YYYY-MM-DD)" in published.help


def test_profile_prints_lengths_in_km_or_m_and_says_lon_lat(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text(
        "lon,lat\n-71.20,42.30\n-71.05,42.45\n-71.10,42.20\n-70.95,42.35\n"
        "-71.00,42.28\n",
        encoding="utf-8",
    )
    result = run("profile", events, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    text = flat(result.output.replace("│", " "))
    assert "e+0" not in text
    assert "peak (lon, lat) -71." in text
    record = json.loads((tmp_path / "o" / "profile.json").read_text())
    buffer_km = record["parameters"]["buffer_km"]
    assert buffer_km > 1
    assert f"buffer {float(f'{buffer_km:.3g}'):g} km" in text
    assert " km ┃" not in text and "cells of " in text


def test_bench_read_takes_the_shared_folder_from_geosleuth_shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEOSLEUTH_SHARED", str(tmp_path))
    spec = importlib.util.spec_from_file_location(
        "bench_read", REPO / "bench" / "read.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert tmp_path / "data" / "geoparse" / "lgl.xml" == bench.LGL
    with pytest.raises(SystemExit, match="GEOSLEUTH_SHARED"):
        bench.lgl_texts()
