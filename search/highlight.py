"""Marking the hits of a query in the texts the public sees.

Works on the original text: every character is normalised on its own (width, case,
traditional → simplified) so that a position in the normalised text maps back to a character
of the original. Exact occurrences of an alternative (including pinyin and initials, matched
against the characters' readings) are marked everywhere; scattered characters only in the name
and purpose, and only when the term has no exact occurrence there.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import ParsedQuery, Term, normalize, run_spans, run_syllables

SNIPPET_RADIUS = 24
ASCII_WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class _Normalized:
    text: str
    origin: list[int]  # origin[i]: index in the original text of normalised character i
    syllables: list[str]  # the reading of each normalised character ("" for non-Han)


@functools.lru_cache(maxsize=4096)
def _normalized(text: str) -> _Normalized:
    norm = normalize(text)
    if len(norm) == len(text):
        # the usual case: every character normalises to one character
        origin = list(range(len(text)))
    else:
        chars: list[str] = []
        origin = []
        for i, char in enumerate(text):
            for n in normalize(char):
                chars.append(n)
                origin.append(i)
        norm = "".join(chars)
    syllables = [""] * len(norm)
    for kind, start, end in run_spans(norm):
        if kind == "han":
            for offset, syllable in enumerate(run_syllables(norm[start:end])):
                syllables[start + offset] = syllable
    return _Normalized(norm, origin, syllables)


def _find_all(haystack: str, needle: str):
    start = haystack.find(needle)
    while start >= 0:
        yield start
        start = haystack.find(needle, start + 1)


def _exact_spans(norm: _Normalized, term: Term) -> list[tuple[int, int]]:
    spans = []
    text = norm.text
    for alternative in term.alternatives:
        if alternative.kind in ("han", "word"):
            for start in _find_all(text, alternative.text):
                end = start + len(alternative.text)
                if alternative.kind == "word" and (
                    (start > 0 and text[start - 1] in ASCII_WORD)
                    or (end < len(text) and text[end] in ASCII_WORD)
                ):
                    continue
                spans.append((start, end))
        elif alternative.kind == "pinyin":
            wanted = list(alternative.syllables)
            spans += _sequence_spans(norm.syllables, wanted)
        elif alternative.kind == "initials":
            initials = [s[:1] for s in norm.syllables]
            spans += _sequence_spans(initials, list(alternative.text))
    return spans


def _sequence_spans(values: list[str], wanted: list[str]) -> list[tuple[int, int]]:
    n = len(wanted)
    if not n:
        return []
    return [
        (i, i + n)
        for i in range(len(values) - n + 1)
        if values[i : i + n] == wanted and all(values[i : i + n])
    ]


def _scattered_spans(norm: _Normalized, term: Term) -> list[tuple[int, int]]:
    for alternative in term.alternatives:
        if alternative.kind != "han":
            continue
        chars = set(alternative.text)
        if chars <= set(norm.text):
            return [(i, i + 1) for i, c in enumerate(norm.text) if c in chars]
    return []


def spans(text: str, query: ParsedQuery, *, scattered: bool) -> list[tuple[int, int]]:
    """Marked ranges of ``text`` (indexes into the original text), merged and sorted."""
    if not text or not query:
        return []
    norm = _normalized(text)
    found: list[tuple[int, int]] = []
    for term in query.required:
        exact = _exact_spans(norm, term)
        if not exact and scattered:
            exact = _scattered_spans(norm, term)
        found += exact
    merged: list[list[int]] = []
    for start, end in sorted(found):
        start, end = norm.origin[start], norm.origin[end - 1] + 1
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _render(text: str, marked: list[tuple[int, int]], start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    out = []
    position = start
    for s, e in marked:
        s, e = max(s, start), min(e, end)
        if e <= s:
            continue
        out.append(escape(text[position:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        position = e
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text: str, query: ParsedQuery, *, scattered: bool = True) -> SafeString:
    """``text`` as HTML with the query's hits in ``<mark>``; everything else escaped."""
    return mark_safe(_render(text or "", spans(text or "", query, scattered=scattered)))  # noqa: S308


def has_exact_hit(text: str, query: ParsedQuery) -> bool:
    return bool(spans(text, query, scattered=False))


def snippet(parts: list[tuple[str, str]], query: ParsedQuery) -> tuple[str, SafeString] | None:
    """(label, HTML) of the first part with an exact hit: a window around the first hit."""
    for label, text in parts:
        marked = spans(text, query, scattered=False)
        if not marked:
            continue
        first_start, first_end = marked[0]
        start = max(0, first_start - SNIPPET_RADIUS)
        end = min(len(text), first_end + SNIPPET_RADIUS)
        html = _render(text, marked, start, end)
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return label, mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308
    return None


def matches(text: str, query: ParsedQuery) -> bool:
    """Every term occurs in ``text`` (exactly, or as scattered characters): used to recognise
    withdrawn items, which are not in the index."""
    if not query:
        return False
    norm = _normalized(text)
    return all(_exact_spans(norm, t) or _scattered_spans(norm, t) for t in query.required)
