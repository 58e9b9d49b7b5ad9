"""A transcript's lines as what was said, on the text before the page is parsed.

A podcast or video page publishes its transcript as cues: a line per turn that
opens with a time stamp ("[02:33]", often a link that seeks the player) and
the speaker ("<b>Alex:</b>"), then what was said ("Average salary: £39,850.",
"And job prospects? Limited."). A listener hears the facts; the readers see a
speaker's name as the label of the line. `plain` writes each cue as what was
said: without its time stamp and speaker, and a short question with its
answer ("And job prospects? Limited.") as a label and its value ("job
prospects: Limited."). A page with fewer than three cues is no transcript and
is returned unchanged (the same object), as is one without a time stamp after
one search.
"""

from __future__ import annotations

import re

from extract.parse.fields import has_keyword

_TIME = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?"
_ANY = re.compile(rf">\s*{_TIME}")  # a time stamp opens some element's text
_CUE = re.compile(
    r"(?P<open><(?P<tag>p|li|div|dd)\b[^>]*>)\s*"
    rf"(?P<time>(?:<(?P<tt>a|span|time|small|b|strong)\b[^>]*>\s*)?{_TIME}"
    r"(?:\s*</(?P=tt)\s*>)?\s*)?"
    r"(?P<who><(?P<wt>b|strong|span|em|cite)\b[^>]*>\s*(?P<name>[A-Z][\w.'’ -]{0,30}?)\s*:\s*"
    r"</(?P=wt)\s*>\s*)?"
    r"(?P<said>[^<]{1,300})(?=</(?P=tag)\s*>)",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"^(?:(?:and|so|ok(?:ay)?|right|now|then),?\s+)*(?:what about|how about)?\s*(?:the\s+)?"
    r"(?P<q>[A-Za-z][\w '’-]{1,40}?)\?\s+(?P<a>[^?]{1,120})$",
    re.IGNORECASE,
)
_MIN_CUES = 3


def plain(html: str) -> str:
    """`html` with the cues of its transcript written as what was said."""
    if _ANY.search(html) is None:
        return html
    cues = [m for m in _CUE.finditer(html) if _is_cue(m)]
    if len(cues) < _MIN_CUES:
        return html
    out: list[str] = []
    pos = 0
    for m in cues:
        out += [html[pos : m.start()], m.group("open"), _said(m.group("said"))]
        pos = m.end()
    out.append(html[pos:])
    return "".join(out)


def _is_cue(m: re.Match[str]) -> bool:
    """A time stamp opens it, or a speaker does whose name is no field label ("Salary:")."""
    if m.group("time"):
        return True
    return bool(m.group("who")) and not has_keyword(m.group("name"))


def _said(text: str) -> str:
    """What was said; a fact told as "Label: value." or asked and answered as a label and its
    value, without the full stop that ends the spoken sentence."""
    said = text.strip()
    asked = _QUESTION.match(said)
    if asked and has_keyword(asked.group("q")):
        said = f"{asked.group('q')}: {asked.group('a')}"
    label, colon, value = said.partition(": ")
    if colon and has_keyword(label) and len(value.split()) <= 12 and value.count(". ") == 0:
        return f"{label}: {value.rstrip().removesuffix('.')}"
    return said
