"""What a person was seen through: a screen or recording, or a camera.

A seeing through a screen or a recording ("saw her on TV", "in a video", "a video
filmed in Denver") shows the target, not where the target is: :func:`_medium`
finds the medium of a verb of seeing. A camera that saw ("CCTV footage showed
her", "caught on camera", "recorded by a doorbell camera", "filmed") places the
target as a witness does: :func:`camera_of` finds the camera of a verb of
seeing, and :func:`_camera_phrase` the words of a camera that a noun heads, but
not of a recording to watch ("TV footage", "a propaganda video"). Used by
:mod:`geosleuth.read.sightings` and :mod:`geosleuth.read.found`.
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._sentence import Sentence
from geosleuth.read.attribution import modifiers_start

__all__ = [
    "_camera_phrase",
    "_medium",
    "camera_of",
    "corrected_next",
    "footage_of",
    "footage_put_out",
    "not_filmed",
    "not_the_one",
    "puts_out_footage",
]


#: What shows a person without the person being there: "on TV", "on the news",
#: "in a video", "in footage", "in a photo", "on social media".
_MEDIA = frozenset(
    {"tv", "television", "news", "video", "footage", "broadcast", "recording",
     "clip", "photo", "photograph", "picture", "image", "screen", "livestream",
     "internet", "youtube", "media"}
)  # fmt: skip


#: The same in words, for a sentence that was not parsed: "on TV", "in a new video".
_MEDIUM_TEXT = re.compile(
    r"\b(?:on|in|via|through)\s+(?:(?:a|an|the|his|her|its|their)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:tv|television|news|videos?|footage|broadcasts?|"
    r"recordings?|clips?|photos?|photographs?|pictures?|images?|screens?|"
    r"livestreams?|internet|youtube|social\s+media)\b",
    re.IGNORECASE,
)


def _medium(s: Sentence, at: int) -> str | None:
    """The screen or recording through which the one seen at ``at`` was seen.

    A phrase "on TV", "on the news", "in a (new) video", "in footage" whose
    nearest verb is the verb of seeing at offset ``at`` ("Residents saw her on TV
    in Denver", "He was seen in a video filmed in Denver"), or a recording that the
    verb describes ("a video filmed in Denver"). A medium of another verb ("seen in
    Mosul, days after appearing in a video") is not the seeing's. Without a parse,
    such a phrase after the verb in the same clause. Returns its words, or None.
    """
    verb = next(
        (t for t in (s.sent if s.sent is not None else []) if t.idx == at), None
    )
    if verb is None:
        rest = re.split(r"[,;:]", s.text[at - s.span[0] :], maxsplit=1)[0]
        found = _MEDIUM_TEXT.search(rest)
        return None if found is None else found.group(0)
    if (
        verb.dep_ == "acl"
        and verb.head.lower_ in _MEDIA
        and _camera_phrase(verb.head) is None  # "CCTV footage showing her in Leeds"
    ):
        return f"{verb.head.text} {verb.text}"  # "a video filmed in Denver"
    for tok in s.sent:  # "in TV footage", not "in news reports"
        prep = tok.head
        if (
            tok.lower_ not in _MEDIA
            or tok.dep_ != "pobj"
            or prep.lower_ not in ("on", "in", "via", "through")
            or _camera_phrase(tok, bare=False) is not None  # "in CCTV footage"
        ):
            continue
        head = prep.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            return str(doc_text(s.sent.doc)[prep.idx : tok.idx + len(tok.text)])
    return None


#: Cameras, the ones who see in "CCTV footage showed her in Leeds", "a security
#: camera captured Jane Doe", "caught on camera": footage is a camera's unless
#: :data:`_BROADCAST` says otherwise.
_CAMERAS = frozenset({"camera", "cctv", "webcam", "dashcam", "bodycam", "footage"})


#: Words that make a recording a camera's: "security video", "CCTV images".
_CAMERA_MARKS = frozenset(
    {"cctv", "security", "surveillance", "doorbell", "dashcam", "webcam", "bodycam",
     "camera", "cameras"}
)  # fmt: skip


#: Words that make a recording one to watch, not a camera's that saw the one in
#: it: "TV footage", "a propaganda video".
_BROADCAST = frozenset(
    {"tv", "television", "news", "broadcast", "propaganda", "archive", "archival",
     "youtube", "documentary", "movie"}
)  # fmt: skip


#: Verbs of seeing whose doer is a camera, whatever its subject.
_FILMING = frozenset({"film", "photograph"})


def _camera_phrase(tok: Any, *, bare: bool = True) -> str | None:
    """The words of the camera that the noun ``tok`` heads, or None if no camera.

    A camera ("a security camera", "CCTV", "cameras"), footage ("doorbell
    footage"; bare "footage" only with ``bare``) or a recording that a camera
    word marks ("surveillance video", "images from a traffic camera"), but not
    one to watch ("TV footage", "a propaganda video").
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN") or not (lemma in _CAMERAS or lemma in _MEDIA):
        return None
    words = {t.lower_ for t in tok.subtree}
    if words & _BROADCAST:
        return None
    marked = bool((words - {tok.lower_}) & _CAMERA_MARKS)
    if not (marked or (lemma in _CAMERAS and (bare or lemma != "footage"))):
        return None
    first = modifiers_start(tok)
    last = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            last = child.right_edge.i
            break
    doc = tok.doc
    return str(doc_text(doc)[doc[first].idx : doc[last].idx + len(doc[last].text)])


def camera_of(s: Sentence, at: int) -> str | None:
    """The camera that saw, by the verb at offset ``at``, or None.

    The verb's subject ("*CCTV footage* showed her"), what the passive was seen
    on or by ("caught *on camera*", "recorded *by a doorbell camera*", "seen *on
    CCTV*"), the verb itself ("filmed", "photographed"), or the footage of
    someone that it has or puts out ("Police have *CCTV footage of Jane Doe*":
    :func:`footage_of`). Returns its words.
    """
    verb = next(
        (t for t in (s.sent if s.sent is not None else []) if t.idx == at), None
    )
    if verb is None:
        word = re.match(r"\w+", s.text[at - s.span[0] :])
        filming = word is not None and word.group(0).lower() in (
            "filmed", "photographed"
        )  # fmt: skip
        return word.group(0) if filming and word is not None else None
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent", "prep"):
            heads = (
                [child]
                if child.dep_ == "nsubj"
                else [g for g in child.children if g.dep_ == "pobj"]
            )
            for head in heads:
                phrase = _camera_phrase(head, bare=child.dep_ == "nsubj")
                if phrase is None:
                    continue
                if child.dep_ == "nsubj":
                    return phrase
                return f"{child.text} {phrase}"
    if verb.lemma_.lower() in _FILMING:
        return str(verb.text)
    if verb.dep_ in ("acl", "relcl"):
        # "Police released *CCTV footage* showing her": the footage it describes
        phrase = _camera_phrase(verb.head)
        if phrase is not None:
            return phrase
    for child in verb.children:
        # "Police have *CCTV footage of Jane Doe*": the footage they have
        if child.dep_ in ("dobj", "obj") and footage_of(child):
            return _camera_phrase(child)
    return None


#: Verbs by which footage that a noun describes was had or put out: "Police
#: *released* CCTV footage showing her at Leeds station", "have *reviewed*
#: footage that shows her in Leeds", "Police said they *have* CCTV footage
#: showing her", "footage showing her ... *was handed to* detectives".
_FOOTAGE_HAD = frozenset(
    {"release", "publish", "share", "obtain", "review", "find", "post", "issue",
     "examine", "recover", "circulate", "air", "analyse", "analyze", "study",
     "view", "retrieve", "show", "have", "hold", "hand", "give", "pass", "send",
     "submit", "receive", "seize", "collect", "gather", "provide", "uncover",
     "discover", "broadcast"}
)  # fmt: skip
#: ... of holding it, which a relative clause makes a request: "Anyone *who
#: has* CCTV footage showing her ... should call police".
_FOOTAGE_HELD = frozenset({"have", "hold", "possess"})
#: Who holds footage in an appeal: "*You* may have footage", "*anyone*".
_ANYONE = frozenset(
    {"you", "anyone", "anybody", "whoever", "everyone", "everybody", "someone",
     "somebody", "those"}
)  # fmt: skip
_FOOTAGE_CAME = frozenset({"emerge", "surface", "circulate", "appear"})
#: ... and of going through it: "trawling *through* CCTV footage".
_THROUGH = frozenset({"trawl", "go", "comb", "sift", "look", "scour", "work"})
#: What is taken from footage: "a *still* from CCTV footage showing her".
_FRAMES = frozenset(
    {"still", "image", "picture", "photo", "photograph", "screenshot", "frame",
     "grab", "clip", "snapshot"}
)  # fmt: skip
#: The words before a clause of a time past that footage came out in: "*after*
#: CCTV footage showing her in Leeds came to light" (not "*if* police released",
#: nor "*when* footage comes to light").
_AFTER_MARKS = frozenset({"after", "when", "since", "as", "once", "because"})


#: Words that say the one a camera showed was not the target, or the footage
#: not real, said of the one shown or of the footage (review r27, 9): "they
#: later said *the woman was not her*", "turned out *to show another woman*",
#: "the footage *was later found to be fake*". Not of another seen with her
#: ("showing her at Leeds station *with another woman*") nor of other things
#: ("urged people not to share *fake sightings* online").
_NOT_THE_ONE = re.compile(
    r"(?:\bnot|n['’]t)\s+(?:actually\s+)?(?:her|him)\b(?=\s*(?:[.,;:]|$))|"
    r"\b(?:show(?:s|ed|n)?|be|was|were|is)\s+(?:in\s+fact\s+|actually\s+)?"
    r"(?:another\s+(?:woman|man|person|girl|boy)|(?:someone|somebody)\s+else)\b"
    r"(?=\s*(?:[.,;:]|$|,?\s*not\b))|"
    r"\b(?:it|footage|video|clip|film|images?|recording|still|photo(?:graph)?|"
    r"picture)\s+(?:[\w’'-]+\s+){0,2}?(?:was|were|is|are|had\s+been|has\s+been|"
    r"(?:turned\s+out|proved)\s+to\s+be)\s+(?:later\s+|in\s+fact\s+|[a-z]+ly\s+)?"
    r"(?:(?:found|shown|confirmed|revealed)\s+to\s+be\s+)?"
    r"(?:(?:an?\s+)?(?:fake|hoax|forgery)|faked|doctored|fabricated|staged)\b",
    re.IGNORECASE,
)
#: What a correction in the next sentence says it of: the footage or the one
#: shown ("*It* later emerged *the footage* showed another woman."), not
#: other footage ("*A second clip* showed another woman.").
_FOOTAGE_REF = re.compile(
    r"\b(?:it|(?:the|that|this)\s+(?:[\w-]+\s+)?(?:footage|video|clip|film|"
    r"images?|recording|still|woman|man|person|figure))\b",
    re.IGNORECASE,
)
_NEXT_END = re.compile(r"[.!?](?=\s|$)")
#: The one shown named as a relative in the next sentence (review r27, 9):
#: "It later emerged the footage *showed her sister*.", "The woman was in fact
#: *a relative*." Not one shown besides her ("It *also* showed her sister."),
#: nor a relative's things ("showed her sister's car").
_KIN_SHOWN = re.compile(
    # "the footage showed her sister." / "the woman was in fact her sister.";
    # not "The man with her was actually her cousin", "showed her friend, who
    # was with her" (review r29, 3): the one shown, at the clause's end
    r"(?:\bshow(?:s|ed|n)?|\b(?:it|she|the\s+(?:woman|girl|person|figure))\s+"
    r"(?:was|is)\s+(?:in\s+fact|actually))\s+"
    r"(?:(?:her|his|their)\s+(?:own\s+|older\s+|younger\s+|elder\s+|twin\s+)?"
    r"(?:sister|brother|cousin|mother|father|daughter|son|twin|aunt|uncle|niece|"
    r"nephew|grandmother|grandfather|wife|husband|partner|friend)|"
    r"an?\s+(?:close\s+|female\s+|male\s+)?relative)\b"
    r"(?=\s*(?:[.;:!?]|$|,?\s*not\b))",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(?:also|too|as\s+well|both)\b", re.IGNORECASE)


def _had_by(verb: Any, lemma: str) -> bool:
    """Whether ``verb`` (lemma ``lemma``) has footage, not asks who has it.

    "Police said they *have* CCTV footage showing her"; not "Anyone *who has*
    CCTV footage showing her ... should call police", "If *you* have footage".
    """
    if lemma not in _FOOTAGE_HAD:
        return False
    if lemma in _FOOTAGE_HELD and verb.dep_ == "relcl":
        return False
    return not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _ANYONE for c in verb.children
    ) and not (verb.dep_ == "relcl" and verb.head.lower_ in _ANYONE)


def _came(verb: Any) -> bool:
    """Whether ``verb`` says footage came out: "emerged", "*came to light*"."""
    lemma = verb.lemma_.lower()
    return lemma in _FOOTAGE_CAME or (
        lemma == "come"
        and any(
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(p.lower_ == "light" for p in c.children)
            for c in verb.children
        )
    )


def footage_put_out(noun: Any) -> bool:
    """Whether the footage that ``noun`` heads was had or put out, affirmed.

    A camera noun that a participle or relative clause describes ("footage
    *showing* her", "footage *that shows* her") is seen footage only as the
    object of an affirmed verb of having or putting it out ("Police *released*
    CCTV footage showing her at Leeds station", "Police *are examining* footage
    that may show her", "Police said they *have* CCTV footage showing her",
    "trawling *through* footage", "issued a still *from* CCTV footage"), the
    subject of one in the passive ("CCTV footage showing her *was released*",
    "*was handed to* detectives"), of "emerged", "surfaced", "came to light"
    (also after "after": "appealing for witnesses *after* CCTV footage showing
    her in Leeds *came to light*"), or of "was the last confirmed sighting". Not
    footage wanted, sought or denied: "*There is no* CCTV footage showing her",
    "*Anyone with* dashcam footage showing her ... is asked to call police",
    "*Anyone who has* footage", "Police *appealed for* / *hope to find* / *have
    found no* footage".

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> doc = load_nlp()("Police released CCTV footage showing her in Leeds.")
    >>> footage_put_out(doc[3])
    True
    >>> doc = load_nlp()("Police appealed for CCTV footage showing her in Leeds.")
    >>> footage_put_out(doc[4])
    False
    >>> doc = load_nlp()("Police issued a still from CCTV footage showing her.")
    >>> footage_put_out(doc[6])
    True
    """
    if any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children
    ):
        return False
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ == "pobj" and lemma == "from" and verb.head.i != verb.i:
        # "Police issued a still from CCTV footage showing her": the still's
        frame = verb.head
        if frame.pos_ in ("NOUN", "PROPN"):
            return frame.lemma_.lower() in _FRAMES and footage_put_out(frame)
        verb, lemma = frame, frame.lemma_.lower()
        had = _had_by(verb, lemma) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _FRAMES for c in verb.children
        )
    elif noun.dep_ == "pobj" and lemma == "through":
        # "Detectives are trawling through CCTV footage that could show her"
        verb = verb.head
        had = verb.lemma_.lower() in _THROUGH
    elif noun.dep_ in ("dobj", "obj", "nsubjpass"):
        had = _had_by(verb, lemma) and (
            noun.dep_ != "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
        )
    elif noun.dep_ == "nsubj" or (noun.dep_ == "pobj" and verb.dep_ == "mark"):
        # "footage showing her emerged", "... was the last confirmed sighting";
        # "after CCTV footage ... came to light", which the parse may hang on
        # "after"
        if noun.dep_ == "pobj":
            verb = verb.head
            lemma = verb.lemma_.lower()
        had = _came(verb) or (
            lemma == "be"
            and any(c.dep_ == "attr" and c.lemma_ == "sighting" for c in verb.children)
        )
    else:
        return False
    said = verb.tag_ in ("VBD", "VBZ", "VBP") or (
        verb.tag_ in ("VBN", "VBG")
        and any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )
    # "after CCTV footage ... came to light": a time past, not "if (or when)
    # footage comes to light"
    after = (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _AFTER_MARKS for c in verb.children)
        and (verb.tag_ == "VBD" or any(c.lemma_ == "have" for c in verb.children))
    )
    if not (had and said) or (verb.dep_ in ("xcomp", "advcl", "pcomp") and not after):
        return False  # "hope to find", "if police released"
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ == "never":
            return False
        if c.dep_ == "aux" and c.tag_ == "MD":
            return False  # "police may have released"
    return True


#: Verbs by which footage that a noun describes shows someone: "footage
#: *showing* her", "footage that *captured* him".
_SHOWING = frozenset({"show", "capture", "record", "film", "picture", "depict"})


def footage_of(noun: Any) -> list[Any]:
    """The words of the ones that the camera footage ``noun`` heads is of.

    The object of its "of" ("CCTV footage *of Jane Doe* at Leeds station"),
    or of a verb of showing that describes it ("footage *showing her*",
    "footage that *captured Jane Doe*"): each head word. Empty for a noun that
    is no camera's (:func:`_camera_phrase`: "TV footage of her", "a video of
    her"), or footage of no one named ("footage of the area").
    """
    if _camera_phrase(noun) is None:
        return []
    out = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    out += [
        g
        for c in noun.children
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _SHOWING
        for g in c.children
        if g.dep_ in ("dobj", "obj")
    ]
    return [w for w in out if w.pos_ in ("PROPN", "PRON")]


def puts_out_footage(verb: Any) -> bool:
    """Whether ``verb`` has or puts out camera footage of someone named.

    "Police *have* CCTV footage of Jane Doe at Leeds station", "Police
    *released* CCTV footage showing her": its object is a camera's footage of
    someone (:func:`footage_of`), had or put out, affirmed
    (:func:`footage_put_out`), so that its subject is the one who says where
    the footage shows them (:mod:`geosleuth.read.attribution`). Not "Police
    are looking for CCTV footage of her", "hope to find", "Anyone who has
    footage of her", "Police have no footage of her".

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> doc = load_nlp()("Police have CCTV footage of Jane Doe at Leeds station.")
    >>> puts_out_footage(doc[1])
    True
    >>> doc = load_nlp()("Police hope to find CCTV footage of Jane Doe.")
    >>> puts_out_footage(doc[3])
    False
    """
    return any(
        c.dep_ in ("dobj", "obj") and footage_of(c) and footage_put_out(c)
        for c in verb.children
    )


def not_the_one(text: str) -> str | None:
    """The words of ``text`` that say the one filmed was not the target, or None.

    "they later said the woman was not her", "turned out to show another
    woman", "was fake" (:data:`_NOT_THE_ONE`); not another seen with the target
    ("showing her at Leeds station with another woman").

    Examples
    --------
    >>> not_the_one("; they later said the woman was not her.")
    'not her'
    >>> not_the_one("turned out to show another woman.")
    'show another woman'
    >>> not_the_one(" showing her at Leeds station with another woman.") is None
    True
    >>> not_the_one(" and urged people not to share fake sightings online.") is None
    True
    >>> not_the_one(" in Leeds. The footage was later found to be fake.")
    'footage was later found to be fake'
    """
    found = _NOT_THE_ONE.search(text)
    return None if found is None else found.group(0)


def _next_sentence(ex: Any, s: Sentence) -> str:
    """The text of the sentence after ``s`` (to its first full stop), or ""."""
    rest = ex.text[s.span[1] : s.span[1] + 400]
    end = _NEXT_END.search(rest.lstrip())
    return rest.lstrip()[: end.end()] if end is not None else ""


def corrected_next(ex: Any, s: Sentence) -> str | None:
    """The words of the sentence after ``s`` that say its footage was another's.

    "Police released CCTV footage showing her at Leeds station. *It later
    emerged the footage showed another woman.*", "*It was later found to show
    someone else.*", "*It later emerged the footage showed her sister.*": the
    words of :func:`not_the_one` or :data:`_KIN_SHOWN` in a sentence that
    speaks of the footage or the one shown (:data:`_FOOTAGE_REF`). Not "She was
    later seen in York with another woman.", "A second clip showed another
    woman.", "It also showed her sister."
    """
    text = _next_sentence(ex, s)
    kin = _KIN_SHOWN.search(text)
    wrong = not_the_one(text) or (None if kin is None else kin.group(0))
    if wrong is None or _FOOTAGE_REF.search(text) is None or _ALSO.search(text):
        return None
    return wrong


def not_filmed(ex: Any, s: Sentence, verb: Any, footage: Any) -> bool:
    """Whether a camera's seeing of the target by ``verb`` is no sighting, noted.

    ``footage`` is the camera noun that ``verb`` describes ("footage *showing*
    her"), else None. No sighting: footage not had or put out
    (:func:`footage_put_out`: "There is no CCTV footage showing her", "Police
    appealed for footage showing her"), or the one shown said to be another or
    the footage fake, in the rest of the sentence or in the next
    (:func:`not_the_one`: "they later said the woman was not her";
    :func:`corrected_next`: "... . It later emerged the footage showed another
    woman."). Each is set aside on ``ex`` with its reason.
    """
    if footage is not None and not footage_put_out(footage):
        no = any(
            c.lower_ in ("no", "not", "never", "n't")
            for c in (*footage.children, *footage.head.children)
        )
        ex.reject(
            "negated" if no else "conditional",
            f"footage showing the target ({footage.text!r}) not said to be had or "
            f"put out ({footage.head.text!r})",
            s.span,
        )
        return True
    wrong = not_the_one(s.text[verb.idx - s.span[0] :])
    later = corrected_next(ex, s) if wrong is None else None
    if wrong is not None or later is not None:
        where = "" if later is None else " in the next sentence"
        ex.reject(
            "invalid", f"footage of the target called {wrong or later!r}{where}", s.span
        )
        return True
    return False
