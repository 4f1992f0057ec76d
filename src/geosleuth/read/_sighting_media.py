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

from geosleuth.read._sentence import Sentence
from geosleuth.read.attribution import modifiers_start

__all__ = ["_camera_phrase", "_medium", "camera_of"]


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
            return str(s.sent.doc.text[prep.idx : tok.idx + len(tok.text)])
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
    return str(doc.text[doc[first].idx : doc[last].idx + len(doc[last].text)])


def camera_of(s: Sentence, at: int) -> str | None:
    """The camera that saw, by the verb at offset ``at``, or None.

    The verb's subject ("*CCTV footage* showed her"), what the passive was seen
    on or by ("caught *on camera*", "recorded *by a doorbell camera*", "seen *on
    CCTV*"), or the verb itself ("filmed", "photographed"). Returns its words.
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
    return None
