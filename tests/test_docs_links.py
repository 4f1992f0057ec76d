"""Every relative link in README.md and docs/*.md points to something that exists.

A link to a file needs the file; a link with a ``#anchor`` needs a heading of
that file (or of the same page, for ``#anchor`` alone) whose GitHub anchor it
is: the heading's text lower-cased, punctuation dropped except ``-`` and
``_``, each space a ``-``, and ``-1``, ``-2`` ... after a repeated one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _outside_fences(text: str) -> list[str]:
    """The lines of a page that are not in a fenced code block."""
    lines, fenced = [], False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(line)
    return lines


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading (before any ``-1`` for a repeat)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text
    text = text.replace("`", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors of a page's headings, repeats numbered as GitHub numbers them."""
    seen: dict[str, int] = {}
    found = set()
    for line in _outside_fences(page.read_text("utf-8")):
        match = _HEADING.match(line)
        if not match:
            continue
        anchor = github_anchor(match.group(2))
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        found.add(anchor if count == 0 else f"{anchor}-{count}")
    return found


def links(page: Path) -> list[str]:
    """The targets of a page's links and images, code left out."""
    text = "\n".join(_outside_fences(page.read_text("utf-8")))
    text = _CODE_SPAN.sub("", text)
    return _LINK.findall(text)


def broken_links(page: Path) -> list[str]:
    """Each relative link of a page whose file or heading does not exist."""
    broken = []
    for target in links(page):
        if _SCHEME.match(target):
            continue  # http:, https:, mailto: are not checked here
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{page.name}: {target} (no such file)")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{page.name}: {target} (no such heading)")
    return broken


def test_the_pages_are_there() -> None:
    assert (REPO / "README.md").exists()
    assert len(PAGES) > 1, "docs/*.md holds the reference the README links to"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_relative_link_points_to_a_file_and_heading_that_exist(
    page: Path,
) -> None:
    assert broken_links(page) == []


def test_every_doc_is_linked_from_the_readme() -> None:
    readme = REPO / "README.md"
    linked = {
        (readme.parent / target.partition("#")[0]).resolve()
        for target in links(readme)
        if not _SCHEME.match(target)
    }
    unlinked = [p.name for p in PAGES[1:] if p.resolve() not in linked]
    assert unlinked == []


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Limits, honestly", "limits-honestly"),
        (
            "Reading news (`python eval/geoparse.py`)",
            "reading-news-python-evalgeoparsepy",
        ),
        (
            "Geographic profiling (`python eval/snow.py`, `python eval/desalvo.py`)",
            "geographic-profiling-python-evalsnowpy-python-evaldesalvopy",
        ),
        ("Outside the region: `rest_of_world`", "outside-the-region-rest_of_world"),
        ("A track's contributions", "a-tracks-contributions"),
        ("Für Zürich", "für-zürich"),
    ],
)
def test_anchors_follow_githubs_rule(heading: str, anchor: str) -> None:
    assert github_anchor(heading) == anchor


def test_a_broken_link_is_caught(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other page\n\n## Twice\n\n## Twice\n")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n## A section\n\n"
        "[ok](other.md) [ok](other.md#other-page) [ok](#a-section) "
        "[ok](other.md#twice-1) [ok](https://example.org/x.md#nothing)\n"
        "![ok](other.md) `[code, not a link](gone.md)`\n\n"
        "```\n[fenced, not a link](gone.md)\n```\n\n"
        "[gone](gone.md) [bad anchor](other.md#nowhere) [bad](#b-section)\n"
        "[across\nlines](other.md#twice-2)\n"
    )
    assert broken_links(page) == [
        "page.md: gone.md (no such file)",
        "page.md: other.md#nowhere (no such heading)",
        "page.md: #b-section (no such heading)",
        "page.md: other.md#twice-2 (no such heading)",
    ]
