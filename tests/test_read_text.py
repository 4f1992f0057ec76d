"""Loading documents: encodings, HTML extraction, bad input, size limits."""

from __future__ import annotations

import codecs
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.read.text import decode_bytes, load_text, normalize_text, text_from_bytes

try:
    import trafilatura  # noqa: F401

    HAVE_TRAFILATURA = True
except ImportError:
    HAVE_TRAFILATURA = False
needs_trafilatura = pytest.mark.skipif(
    not HAVE_TRAFILATURA, reason="HTML extraction needs the [nlp] extra (trafilatura)"
)

ARABIC = "قال أبو علي البصري إن البغدادي ربما كان مختبئا في بلدة هجين السورية. "
ENGLISH = "Abu Ali al-Basri said that al-Baghdadi may have been hiding in Hajin. "


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_plain_utf8_text_reads_with_title_from_first_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "a.txt", b"Where is he\n\nSeen in Hajin.\n")
    src = load_text(p)
    assert src.text == "Where is he\n\nSeen in Hajin."
    assert src.title == "Where is he"
    assert src.encoding == "utf-8"
    assert src.format == "text"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_unicode_encodings_with_or_without_bom_read_back(
    tmp_path: Path, encoding: str
) -> None:
    text = ENGLISH + ARABIC
    p = _write(tmp_path, "u.txt", text.encode(encoding))
    assert load_text(p).text == normalize_text(text)


def test_arabic_windows_1256_is_detected(tmp_path: Path) -> None:
    text = (ENGLISH + ARABIC) * 3
    p = _write(tmp_path, "ar.txt", text.encode("cp1256"))
    src = load_text(p)
    assert src.encoding == "cp1256"
    assert "البغدادي" in src.text


def test_latin_text_prefers_windows_1252(tmp_path: Path) -> None:
    text = "Café déjà vu – naïve résumé. The report said “he was seen in Hajin”. " * 3
    p = _write(tmp_path, "l.txt", text.encode("cp1252"))
    assert "déjà" in load_text(p).text


#: Sentences of English news with the characters Windows-1252 adds to ASCII: curly
#: quotes, dashes, an ellipsis, currency signs and accented place names.
NEWS_1252 = [
    "The mayor said the bridge would reopen “within weeks” — but residents of the "
    "east bank say they’ve heard that before.",
    "Officials in São Paulo confirmed the outbreak on Tuesday; a spokesman said "
    "the ministry was “monitoring the situation closely”.",
    "The café on Rue de Rivoli, a short walk from the Louvre, reopened after the "
    "strike – its owner called the closure “a disaster”.",
    "Police in Zürich arrested two men on Friday, the canton’s prosecutor said.",
    "Tickets cost £25 in Manchester and €30 in Dublin, the promoter said.",
    "The rebels withdrew from Bogotá’s southern suburbs and regrouped near Cúcuta, "
    "close to the border with Venezuela.",
    "Côte d’Ivoire’s president flew to Montréal for talks with Canadian ministers.",
    "“We’re not leaving,” said one farmer near Kraków. “This is our land.”",
    "The storm hit Ålesund and Tromsø hardest, Norway’s weather service said.",
    "Hurricane season begins in June… forecasters expect an active year.",
]
#: ASCII news around them, as in an article with one such sentence
BEFORE_1252 = "The city council met on Monday to discuss the budget for next year. " * 6
AFTER_1252 = " Council members will vote next week on the plan." * 4


@pytest.mark.parametrize("sentence", NEWS_1252)
def test_english_news_saved_as_windows_1252_round_trips(sentence: str) -> None:
    for text in (sentence, BEFORE_1252 + sentence + AFTER_1252):
        assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_news_paragraphs_saved_as_windows_1252_round_trip() -> None:
    text = "\n\n".join(BEFORE_1252 + s + AFTER_1252 for s in NEWS_1252)
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.shared
def test_seed_article_saved_as_windows_1252_round_trips(shared_dir: Path) -> None:
    # read as Baltic cp775 once: its curly quotes became other letters
    seed = shared_dir / "corpus/seed-2018-baghdadi-hajin.txt"
    text = seed.read_text(encoding="utf-8").replace("ê", "e")
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Москва — столица России и крупнейший город страны. " * 3, "cp1251"),
        (
            "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη. " * 3,
            "cp1253",
        ),
        ("ירושלים היא בירת ישראל והעיר הגדולה ביותר במדינה. " * 3, "cp1255"),
        ("台北市是中華民國的首都，也是台灣的政治、經濟、文化中心。" * 3, "big5"),
        ("서울은 대한민국의 수도이자 최대 도시이다. " * 3, "cp949"),
    ],
)
def test_other_scripts_are_not_read_as_windows_1252(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == (text, encoding)


def _page(charset: str, body: str) -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>T</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    )


@pytest.mark.parametrize("charset", ["iso-8859-1", "latin1", "us-ascii"])
def test_html_latin_1_label_reads_as_windows_1252(charset: str) -> None:
    page = _page(charset, NEWS_1252[0] + " " + NEWS_1252[4])
    assert decode_bytes(page.encode("cp1252"), format="html") == (page, "cp1252")


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "utf-16"])
def test_html_mislabelled_utf8_reads_as_utf8(charset: str) -> None:
    page = _page(charset, NEWS_1252[0] + " " + NEWS_1252[6])
    assert decode_bytes(page.encode("utf-8"), format="html") == (page, "utf-8")


def test_html_utf16_label_in_an_ascii_page_reads_as_utf8() -> None:
    page = _page("utf-16", "He was seen in Hajin, near the border.")
    assert decode_bytes(page.encode("ascii"), format="html") == (page, "utf-8")


@needs_trafilatura
def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    body = f"<p>{ARABIC}</p><p>{ENGLISH}</p>" * 3
    page = (
        '<html><head><meta charset="windows-1256"><title>T</title></head>'
        f"<body><article>{body}</article></body></html>"
    )
    p = _write(tmp_path, "p.html", page.encode("cp1256"))
    src = load_text(p)
    assert src.encoding == "cp1256"
    assert "هجين" in src.text


@needs_trafilatura
def test_html_scripts_styles_and_boilerplate_never_leak(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title>Where is he? | Site</title>
<meta property="article:published_time" content="2018-05-15T10:00:00Z">
<script>var leak = "SCRIPTLEAK";</script><style>.STYLELEAK{color:red}</style>
</head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<article><h1>Where is he?</h1>
<p>Abu Ali al-Basri announced that al-Baghdadi may have been hiding in the Syrian
town of Hajin, near the border with Iraq, according to officials.</p>
<script>document.write("SCRIPTLEAK2")</script>
<p>A second paragraph says he was seen in Abu Kamal last year by several people
who know him well and spoke on condition of anonymity.</p></article>
<footer>Copyright 2018. Cookie policy.</footer></body></html>"""
    src = load_text(_write(tmp_path, "page.html", page.encode()))
    assert "SCRIPTLEAK" not in src.text and "STYLELEAK" not in src.text
    assert "var leak" not in src.text
    assert "Hajin" in src.text and "Abu Kamal" in src.text
    assert src.published is not None and src.published.isoformat() == "2018-05-15"
    assert src.title is not None and "Where is he" in src.title


@needs_trafilatura
def test_tiny_html_falls_back_to_visible_text() -> None:
    src = text_from_bytes(b"<p>Seen in Hajin.</p><script>x()</script>", format="html")
    assert src.text == "Seen in Hajin."


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    md = "# Hiding?\n\nHe was **seen** in [Hajin](http://x) and `Mayadin`.\n\n- item\n"
    src = load_text(_write(tmp_path, "a.md", md.encode()))
    assert src.title == "Hiding?"
    assert "He was seen in Hajin and Mayadin." in src.text
    assert "http" not in src.text and "*" not in src.text


def test_hard_wrapped_lines_are_joined() -> None:
    assert (
        normalize_text("He was seen\nin Hajin.\n\nNext")
        == "He was seen in Hajin.\n\nNext"
    )


def test_binary_file_is_rejected_with_its_name(tmp_path: Path) -> None:
    p = _write(tmp_path, "blob.txt", bytes(range(256)) * 50)
    with pytest.raises(InputError, match=r"'blob\.txt' is not a text document"):
        load_text(p)


def test_a_directory_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"is a directory, not a document\.") as err:
        load_text(tmp_path)
    assert err.value.message == f"{str(tmp_path)!r} is a directory, not a document."
    assert err.value.path == str(tmp_path)


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        # a UTF-8 mark, then Latin-1 bytes (é = 0xE9 alone is no UTF-8)
        ("bom8.txt", codecs.BOM_UTF8 + ("café " + ENGLISH).encode("latin-1"), "UTF-8"),
        # a UTF-16 mark, then a high surrogate without its low half
        (
            "bom16.txt",
            codecs.BOM_UTF16_BE + b"\xd8\x00\x00a" + ENGLISH.encode("utf-16-be"),
            "UTF-16-BE",
        ),
    ],
)
def test_a_byte_order_mark_that_lies_is_named(
    tmp_path: Path, name: str, data: bytes, encoding: str
) -> None:
    want = (
        f"'{name}' starts with a {encoding} byte-order mark but is not valid "
        f"{encoding}. Re-save it as UTF-8."
    )
    with pytest.raises(InputError, match=re.escape(want)) as err:
        load_text(_write(tmp_path, name, data))
    assert err.value.path == str(tmp_path / name)  # the file as given, not its name


@pytest.mark.parametrize(
    ("data", "why"),
    [
        # UTF-8 text with a NUL byte in it: no UTF-16/32 reading either
        ((ENGLISH + "\x00" + ENGLISH).encode("utf-8"), "it holds NUL bytes"),
        # valid UTF-16 (with its mark) that decodes to a NUL character
        ((ENGLISH + "\x00" + ENGLISH).encode("utf-16"), "it holds NUL characters"),
    ],
)
def test_nul_bytes_or_characters_mean_a_binary_file(
    tmp_path: Path, data: bytes, why: str
) -> None:
    with pytest.raises(
        InputError, match=rf"^'nul\.txt' is not a text document: {why}\b"
    ) as err:
        load_text(_write(tmp_path, "nul.txt", data))
    assert err.value.message.endswith(
        "geosleuth reads .txt, .md and .html files in any text encoding."
    )
    assert err.value.path == str(tmp_path / "nul.txt")


def test_png_bytes_are_rejected(tmp_path: Path) -> None:
    p = _write(
        tmp_path, "img.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100
    )
    with pytest.raises(InputError, match="not a text document"):
        load_text(p)


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n"])
def test_empty_file_is_rejected(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match=r"'e\.txt' is empty"):
        load_text(_write(tmp_path, "e.txt", data))


@needs_trafilatura
def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    p = _write(tmp_path, "s.html", b"<html><script>alert(1)</script></html>")
    with pytest.raises(InputError, match="has no text to read"):
        load_text(p)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        load_text(tmp_path / "nope.txt")


def test_large_file_is_cut_at_max_bytes_with_a_warning(tmp_path: Path) -> None:
    line = "Abu Ali al-Basri said he was seen in Hajin — “again”. "
    p = _write(tmp_path, "big.txt", (line * 2000).encode())
    with pytest.warns(EvidenceWarning, match="only its first"):
        src = load_text(p, max_bytes=10_001)  # cuts inside a multi-byte character
    assert src.truncated
    assert len(src.text.encode()) <= 10_001


def test_long_text_is_cut_at_max_chars_on_a_sentence(tmp_path: Path) -> None:
    p = _write(tmp_path, "long.txt", ("He was seen in Hajin. " * 500).encode())
    with pytest.warns(EvidenceWarning, match=r"the limit is 1000: max_chars, or read"):
        src = load_text(p, max_chars=1000)
    assert len(src.text) <= 1000
    assert src.text.endswith(".")


def test_fifty_megabyte_file_is_bounded(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        chunk = ("He was seen in Hajin. " * 1000).encode()
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        src = load_text(p)
    assert len(src.text) <= 200_000
    assert sum(issubclass(w.category, EvidenceWarning) for w in caught) == 2


def test_decode_bytes_reports_utf16_without_bom() -> None:
    text, enc = decode_bytes((ENGLISH * 4).encode("utf-16-le"))
    assert text == ENGLISH * 4
    assert enc.startswith("utf")


@given(st.binary(max_size=400))
def test_any_bytes_either_read_or_raise_input_error(data: bytes) -> None:
    try:
        with warnings.catch_warnings():
            # a stray byte in UTF-8 text is read with a warning: no error
            warnings.simplefilter("ignore", EvidenceWarning)
            src = text_from_bytes(data)
    except InputError:
        return
    assert src.text
    assert "\x00" not in src.text
    assert src.text == src.text.strip()


@given(st.text(max_size=300))
def test_normalised_text_is_stable(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


# -- UTF-8 with a stray byte (review r12, F1) --------------------------------------
_NEWS = (
    "Police said Juan Pérez was seen in Medellín on Monday. Officers in São Paulo "
    "and Bogotá were told."
)


def test_a_stray_windows_byte_in_utf8_text_is_that_byte_not_mojibake() -> None:
    data = _NEWS.encode("utf-8") + b" He is wanted for fraud \x92 his lawyer said."
    with pytest.warns(EvidenceWarning, match=r"UTF-8 but for 1 stray byte\(s\)"):
        text, encoding = decode_bytes(data, name="stray.txt")
    # before: the whole file read as ISO-8859-2, 'PĂŠrez' and 'SĂŁo'
    assert encoding == "utf-8"
    assert text == _NEWS + " He is wanted for fraud \u2019 his lawyer said."


def test_a_text_in_windows_1252_throughout_is_still_read_so() -> None:
    data = ("Café crème in Besançon, Zürich and Málaga. " * 4).encode("cp1252")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        text, encoding = decode_bytes(data, name="latin.txt")
    assert encoding == "cp1252" and "Besançon" in text
    # no stray-byte warning: it is not UTF-8; the guess is warned of (r51 M1)
    assert [str(w.message)[:60] for w in said] == [
        "'latin.txt' is not UTF-8 and names no encoding: read as Wind"
    ]


@given(st.integers(0, 12), st.integers(1, 30))
def test_stray_bytes_within_the_bound_are_read_as_windows_1252(
    n_stray: int, n_good: int
) -> None:
    good = ("é " * n_good).encode("utf-8")
    data = "Pérez ".encode() + good + b"\x93quote\x94 " * n_stray + b"end."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text, encoding = decode_bytes(data, name="x.txt")
    if 2 * n_stray <= max(8, (n_good + 1) // 10):
        assert encoding == "utf-8"
        assert text.count("“quote”") == n_stray and "Pérez" in text
    assert "\ufffd" not in text
