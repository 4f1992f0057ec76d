"""The publication date a document gives: as given, in its metadata, or front matter.

:func:`_published` checks a date given (``published=``, ``--published``);
:func:`_metadata_date` reads one from a page's metadata, where trafilatura found
it, and :func:`_front_matter` / :func:`_front_date` from the front matter that
opens a Markdown or text file. A date that is no day, or more than a year ahead,
is not used, with a warning naming the document (:func:`_own_date`); one given
so far ahead is refused. Moved out of :mod:`geosleuth.read.document`, which
calls them in this order.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from geosleuth.casefile import far_ahead
from geosleuth.casefile._dates import OLD_YEAR, too_early
from geosleuth.errors import InputError
from geosleuth.read.text import (
    MAX_BYTES,
    TextFormat,
    TextSource,
    _warn,
    decode_bytes,
)

__all__: list[str] = []


def _published(value: dt.date | str | None) -> dt.date | None:
    """The publication date given (``published=``, ``--published``), checked.

    Refused when it is no date, or more than
    :data:`~geosleuth.casefile.MAX_DAYS_AHEAD` days after today (as in a case
    file: a mistyped year, which ``geosleuth locate`` would refuse later). A date
    after today within that is taken; given as text, it is warned of.

    Examples
    --------
    >>> _published("2018-05-15")
    datetime.date(2018, 5, 15)
    >>> _published("2999-01-01")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The publication date is 2999-01-01, more than a ...
    >>> _published("0204-03-04")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The publication date given (published) is 0204-03-04...
    """
    if value is None or isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise InputError(
                f"The publication date must be a date as YYYY-MM-DD. Got {value!r} "
                "instead.",
                field="published",
            ) from None
    if day is None:
        return None
    early = too_early(day)
    if early is not None:  # a mistyped year (review r85, M1)
        raise InputError(
            f"The publication date given (published) is {early}: a mistyped "
            "year? Check it (YYYY-MM-DD).",
            field="published",
        )
    if day.year < OLD_YEAR:
        _warn(
            f"The publication date given is {day.isoformat()}, before {OLD_YEAR}: "
            "check the year. It is used as given."
        )
    today = dt.date.today()
    ahead = far_ahead(day, today=today)
    if ahead is not None:
        raise InputError(
            f"The publication date is {ahead}: evidence cannot be dated so far "
            "ahead. Check the year.",
            field="published",
        )
    if day > today and not isinstance(value, dt.date):
        _warn(
            f"The publication date {day.isoformat()} is after today "
            f"({today.isoformat()}); the items read count as known only from then."
        )
    return day


def _own_date(day: dt.date, name: str, what: str) -> dt.date | None:
    """A publication date the document gives (``what``), or None if not to be used.

    More than :data:`~geosleuth.casefile.MAX_DAYS_AHEAD` days after today it is
    not used (as :func:`_published` refuses such a date given); after today within
    that it is, with a warning. A year below 1000 is not used either, and one
    before 1900 is used with a warning (a mistyped year: review r85, M1). Each
    warns naming the document and ``what``.
    """
    early = too_early(day)
    if early is not None:
        _warn(
            f"{name!r} gives its publication date as {early} ({what}): a "
            "mistyped year? It is not used. Give published= (--published) to "
            "set it."
        )
        return None
    if day.year < OLD_YEAR:
        _warn(
            f"{name!r} gives its publication date as {day.isoformat()} ({what}), "
            f"before {OLD_YEAR}: check the year. It is used as given."
        )
    today = dt.date.today()
    if far_ahead(day, today=today) is not None:
        _warn(
            f"{name!r} gives its publication date as {day.isoformat()} ({what}), "
            f"more than a year after today ({today.isoformat()}); it is not used. "
            "Give published= (--published) to fix it."
        )
        return None
    if day > today:
        _warn(
            f"{name!r} gives its publication date as {day.isoformat()} ({what}), "
            f"after today ({today.isoformat()}); the items read from it count as "
            "known only from then."
        )
    return day


# -- publication dates written in a page's metadata or a file's front matter ----------

#: A date as metadata writes it: 2023-06-15, 2023/06/15, 2023-06-15T10:00:00Z.
_YMD = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
#: 20230615 (and 20230615T100000).
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T|\s*$)")
#: 15/06/2023, 06/15/2023, 15.06.2023: day and month in either order.
_DMY = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])")


def _date_value(value: str) -> tuple[dt.date, ...] | None:
    """The days a metadata value may mean: () if it is no day, None if not a date.

    Examples
    --------
    >>> _date_value("2023-06-15T10:00:00Z"), _date_value("2023-06-31")
    ((datetime.date(2023, 6, 15),), ())
    >>> _date_value("30/02/2023"), _date_value("June 2023") is None
    ((), True)
    """

    def day(y: str, m: str, d: str) -> tuple[dt.date, ...]:
        try:
            return (dt.date(int(y), int(m), int(d)),)
        except ValueError:
            return ()

    if (m := _YMD.match(value)) or (m := _COMPACT.match(value)):
        return day(*m.groups())
    if m := _DMY.match(value):
        a, b, y = m.groups()
        return tuple(dict.fromkeys((*day(y, b, a), *day(y, a, b))))
    return None


#: Meta fields of a publication date (name, property, itemprop or http-equiv):
#: article:published_time, date, dc.date.issued, datePublished, pubdate ...
_META_FIELD = re.compile(r"date|time|published|publication|created|issued", re.I)
_META_NOT_FIELD = re.compile(r"modif|updat|expir|revis|lastmod|valid", re.I)
_JSON_LD_DATE = re.compile(
    r'"(datePublished|dateCreated|uploadDate)"\s*:\s*"([^"\\]{1,64})"'
)


def _meta_dates(html: str) -> list[tuple[str, str, tuple[dt.date, ...] | None]]:
    """The publication dates a page's metadata writes: (field, value, its days).

    Examples
    --------
    >>> _meta_dates('<meta property="article:published_time" content="2023-06-31">')
    [('article:published_time', '2023-06-31', ())]
    """
    import contextlib
    from html.parser import HTMLParser

    metas: list[dict[str, str]] = []

    class _Metas(HTMLParser):  # the standard library's: no extra needed
        def handle_starttag(
            self, tag: str, attrs: list[tuple[str, str | None]]
        ) -> None:
            if tag == "meta":
                metas.append({k.lower(): v for k, v in attrs if v is not None})

        def handle_startendtag(
            self, tag: str, attrs: list[tuple[str, str | None]]
        ) -> None:
            self.handle_starttag(tag, attrs)

    with contextlib.suppress(ValueError, AssertionError):  # a page too broken
        _Metas(convert_charrefs=True).feed(html)
    out: list[tuple[str, str, tuple[dt.date, ...] | None]] = []
    for el in metas:
        value = el.get("content") or el.get("datetime")
        for attr in ("name", "property", "itemprop", "http-equiv"):
            field = el.get(attr)
            if field and value:
                break
        else:
            continue
        if _META_FIELD.search(field) and not _META_NOT_FIELD.search(field):
            out.append((field, value.strip(), _date_value(value)))
    out += [(m[1], m[2], _date_value(m[2])) for m in _JSON_LD_DATE.finditer(html)]
    return out


def _metadata_date(path: str | os.PathLike[str], src: TextSource) -> dt.date | None:
    """The publication date read from a page's metadata, if it is to be used.

    ``src.published`` is the date trafilatura found. Where the page's metadata
    writes a date that is no day ("2023-06-31", "30/02/2023"), trafilatura falls
    back to another (the 1st of the month, or of January), which would move every
    relative date of the text; unless it is a day another field writes, it is not
    used, with a warning that names the field and its value. A date more than a
    year ahead is not used either (:func:`_own_date`).
    """
    found = src.published
    if found is None:
        return None
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES)
        with warnings.catch_warnings():  # the text's own reading says them
            warnings.simplefilter("ignore")
            html, _ = decode_bytes(data, name=src.name, format="html", truncated=True)
    except (OSError, InputError):
        html = ""
    fields = _meta_dates(html)
    days = {d for _, _, ds in fields for d in ds or ()}
    bad = [(f, v) for f, v, ds in fields if ds == ()]
    if bad and found not in days:
        field, value = bad[0]
        _warn(
            f"{src.name!r} gives its publication date in its metadata as {field} = "
            f"{value!r}, which is not a real date; it is not used. Give published= "
            "(--published) to set it."
        )
        return None
    # "10/01/2019" is 10 January or 1 October: as in front matter, not used,
    # unless another field writes the day alone (review 14, F10)
    sure = {ds[0] for _, _, ds in fields if ds and len(ds) == 1}
    both = [(f, v, ds) for f, v, ds in fields if ds and len(ds) > 1]
    if both and found not in sure:
        field, value, ds = both[0]
        readings = " or ".join(d.isoformat() for d in ds)
        _warn(
            f"{src.name!r} gives its publication date in its metadata as {field} = "
            f"{value!r}, which may be {readings} (day or month first); it is not "
            "used. Give published= (--published) to set it."
        )
        return None
    return _own_date(found, src.name, "in its metadata")


#: Front matter: a YAML block between '---' lines at the very top of a file.
_FRONT = re.compile(
    r"---[ \t]*\r?\n(?P<yaml>(?:[^\n]*\n){0,200}?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)"
)
#: Keys of which front matter has at least one (Jekyll, Hugo, Pandoc ...).
_FRONT_KEYS = frozenset(
    {"title", "date", "published", "publishdate", "pubdate", "author", "authors",
     "tags", "categories", "layout", "description", "draft", "slug", "lastmod",
     "summary", "subtitle", "keywords", "lang", "language", "url", "source",
     "publisher", "permalink"}
)  # fmt: skip
#: Its keys of the publication date, the first found used; but a flag
#: (Jekyll's ``published: false`` marks a draft) is no date.
_FRONT_DATE_KEYS = ("published", "publishdate", "pubdate", "date")
_YAML_FLAGS = frozenset({"", "true", "false", "yes", "no", "on", "off"})
_FRONT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text"})


#: A front matter line "key: value" ("title: Syria: commander killed"), split at
#: the first ": "; or a key alone ("tags:", a list in the lines after it).
_FRONT_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?")


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    """A file's front matter: its fields (as text), lines, and the text after it.

    ``read_as`` says how it was read when it is no YAML ("" when it is).
    """

    fields: dict[str, str]
    lines: int
    body: str
    read_as: str = ""


def _front_lines(block: str, name: str) -> dict[str, str]:
    r"""The fields of a front matter that is no YAML, read as ``key: value`` lines.

    A headline with a colon ("title: Syria: commander killed") is no YAML (a plain
    value holds no ": "), and newsrooms write such titles daily. Each line is
    split at its first ": ", and a value in quotes loses them. An indented line
    continues the value above it ("a title over" / "  two lines"); a list item
    ("- news") makes the key above a list, which is no text field (as in YAML);
    blank lines and comments ("# ...") are skipped. Any other line is warned of,
    naming the file and the line, and is read neither as metadata nor as text.

    Examples
    --------
    >>> _front_lines("title: Syria: commander killed\ndate: 2023-03-10\n", "fm.txt")
    {'title': 'Syria: commander killed', 'date': '2023-03-10'}
    >>> _front_lines("title: 'Analysis: a long'\n  headline\ntags:\n- war\n", "fm.md")
    {'title': 'Analysis: a long headline'}
    """
    fields: dict[str, str] = {}
    key: str | None = None  # the key that indented lines and list items belong to
    for n, raw in enumerate(block.splitlines(), start=2):  # line 1 is the '---'
        line = raw.rstrip("\r \t")
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if key is not None and (text == "-" or text.startswith(("- ", "-\t"))):
            fields.pop(key, None)  # a list
            continue
        if key is not None and line[0] in " \t":
            if key in fields:
                fields[key] = f"{fields[key]} {text}".strip()
            continue
        m = _FRONT_LINE.fullmatch(line)
        if m is None:
            key = None
            _warn(
                f"Line {n} of {name!r}'s front matter, {text!r}, is not a "
                "'key: value' line (as 'title: ...' or 'date: YYYY-MM-DD'); it is "
                "read neither as metadata nor as text. Write it as 'key: value', or "
                "move it below the closing '---'."
            )
            continue
        key = m.group("key").lower()
        value = (m.group("value") or "").strip()
        quote = value[:1]
        if quote in ("'", '"') and value.endswith(quote) and value.count(quote) == 2:
            value = value[1:-1]  # 'title: "Syria: commander killed"'
        elif re.fullmatch(r"[|>][+-]?", value):
            value = ""  # a block of the lines below
        fields[key] = value
    return {k: v for k, v in fields.items() if v}


def _front_matter(path: str | os.PathLike[str]) -> _FrontMatter | None:
    """The YAML front matter at the top of a ``.md`` or ``.txt`` file, if any.

    Only a block that reads as a YAML mapping with a key front matter has
    (``title``, ``date``, ``author`` ...) counts: a text that opens with a rule
    (``---``) keeps it as text. A block that is no YAML ("title: Syria: commander
    killed") but has such a key on a line of its own is read as ``key: value``
    lines (:func:`_front_lines`, which warns of any other line). A file that
    cannot be read or decoded gives None (:func:`~geosleuth.read.text.load_text`
    says why).
    """
    import yaml

    p = Path(path)
    if p.suffix.lower() not in _FRONT_SUFFIXES:
        return None
    try:
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(8)
            # UTF-8 (with or without its mark), or UTF-16 with its mark: "---"
            # in either (an analyst's editor may save UTF-16; review 14)
            if not (
                head.removeprefix(b"\xef\xbb\xbf").startswith(b"---")
                or head in (b"\xff\xfe-\x00-\x00-\x00", b"\xfe\xff\x00-\x00-\x00-")
            ):
                return None
            fh.seek(0)
            data = fh.read(MAX_BYTES)
        fmt: TextFormat = (
            "markdown" if p.suffix.lower() in (".md", ".markdown") else "text"
        )
        with warnings.catch_warnings():  # the text's own reading says them
            warnings.simplefilter("ignore")
            raw, _ = decode_bytes(
                data, name=p.name, format=fmt, truncated=size > len(data)
            )
    except (OSError, InputError):
        return None
    m = _FRONT.match(raw)
    if m is None:
        return None
    lines = m.group(0).count("\n")
    try:
        doc = yaml.load(m.group("yaml"), Loader=yaml.BaseLoader)  # all text
    except (yaml.YAMLError, RecursionError) as exc:
        # no YAML: "title: Syria: commander killed" (review 15, where the whole
        # block, publication date and all, was read as the article's text)
        keys = {
            k.group("key").lower()
            for line in m.group("yaml").splitlines()
            if (k := _FRONT_LINE.fullmatch(line.rstrip("\r \t")))
        }
        if not keys & _FRONT_KEYS:
            return None  # a text that opens with a rule
        mark = getattr(exc, "problem_mark", None)
        why = f" at line {mark.line + 2}" if mark is not None else ""
        return _FrontMatter(
            _front_lines(m.group("yaml"), p.name),
            lines,
            raw[m.end() :],
            read_as=f"not valid YAML{why}: read as 'key: value' lines",
        )
    if not isinstance(doc, dict) or not {str(k).lower() for k in doc} & _FRONT_KEYS:
        return None
    fields = {str(k).lower(): v for k, v in doc.items() if isinstance(v, str)}
    return _FrontMatter(fields, lines, raw[m.end() :])


def _front_date(front: _FrontMatter, name: str) -> tuple[dt.date | None, str]:
    """The publication date of ``front`` if it is to be used, and its key."""
    key = next(
        (
            k
            for k in _FRONT_DATE_KEYS
            if front.fields.get(k, "").strip().lower() not in _YAML_FLAGS
        ),
        "",
    )
    if not key:
        return None, key
    value = front.fields[key].strip()
    days = _date_value(value)
    if not days or len(days) > 1:
        why = "not a real date" if days == () else "not a date as YYYY-MM-DD"
        _warn(
            f"{name!r} gives its publication date in its front matter as {key}: "
            f"{value!r}, which is {why}; it is not used. Give published= "
            "(--published) to set it."
        )
        return None, key
    return _own_date(days[0], name, f"its front matter's {key!r}"), key
