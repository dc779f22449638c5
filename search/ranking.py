"""What matches, how results are ordered, and what a query that finds nothing falls back to:
one contract that every backend implements.

For each *required* query term (``analysis.parse_query``; task words such as 办理 or 申请 are
optional and never narrow the results) the backends look for

* an **exact** occurrence of one of its alternatives (a phrase of consecutive tokens: Han
  bigrams, a word, pinyin syllable pairs, initial pairs) in the name, the purpose or the body
  (legal bases, units, department, conditions, remarks);
* a **scattered** occurrence: all the characters of a Han alternative somewhere in the name, or
  all somewhere in the purpose (counted as a signal only where the term is not exact in that
  field); a single character anywhere in the item.

An item matches when every required term occurs in one of these ways. Its score is the sum of
the weights of the signals below that any term produced. The weights make the order
lexicographic:

1. **together**: two terms typed next to each other (optional task words included) stand
   together, in the order typed, in the name or the purpose: 无犯罪 记录 → 无犯罪记录,
   最低生活保障 + 申请 → 最低生活保障申请. Every such pair together ranks first, then some;
2. a name that *starts* with a term, in its characters or in pinyin (the certificate the user
   named: 无犯罪记录, wfzjl or wufanzui → 无犯罪记录证明);
3. an exact hit in the name, in the purpose, in the body;
4. scattered characters in the name, last in the purpose.

Equal scores are ordered by the length of the name (shorter first: the query covers more of
it), then by item id.

**Relaxation**: when no item matches every required term, the backends count the items that
match each candidate subset of the query's *units* (``ParsedQuery.units``: the terms, with a
content term split at its vocabulary words; units of one character are left out) and answer
the best one: the most units, then one with exact hits, then the most characters, then the
first in the order typed (``relaxation_candidates``, ``best_candidate``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .analysis import Alternative, ParsedQuery, Term, initial_bigrams

GROUPS = ("name", "purpose", "body")
TOGETHER_GROUPS = ("name", "purpose")

TOGETHER_ALL = "together_all"
TOGETHER_SOME = "together_some"
NAME_START = "name_start"
EXACT_NAME = "exact_name"
EXACT_PURPOSE = "exact_purpose"
EXACT_BODY = "exact_body"
SCATTERED_NAME = "scattered_name"
SCATTERED_PURPOSE = "scattered_purpose"

# In order of precedence; each weight is larger than all the following ones together.
SIGNAL_WEIGHTS = {
    TOGETHER_ALL: 800,
    TOGETHER_SOME: 400,
    NAME_START: 200,
    EXACT_NAME: 100,
    EXACT_PURPOSE: 30,
    EXACT_BODY: 10,
    SCATTERED_NAME: 3,
    SCATTERED_PURPOSE: 1,
}
EXACT_SIGNALS = (EXACT_NAME, EXACT_PURPOSE, EXACT_BODY)
EXACT_SIGNAL_OF = {"name": EXACT_NAME, "purpose": EXACT_PURPOSE, "body": EXACT_BODY}
SCATTERED_SIGNAL_OF = {"name": SCATTERED_NAME, "purpose": SCATTERED_PURPOSE}

# Pairs of neighbouring terms looked for together, and the alternatives combined per term.
MAX_PAIRS = 6
MAX_JOINED_ALTERNATIVES = 4
MAX_PAIR_PHRASES = 8
# Relaxation considers at most this many units (the longest), so at most 63 subsets.
MAX_RELAX_UNITS = 6


@dataclass(frozen=True)
class TermPlan:
    """The token patterns of one term, over all its alternatives."""

    phrases: tuple[tuple[str, ...], ...]  # exact: consecutive tokens
    # (stream, phrase): what a name may start with, in its characters and words ("bi"), its full
    # pinyin ("py") or its initials ("pyi")
    starts: tuple[tuple[str, tuple[str, ...]], ...]
    scattered: tuple[tuple[str, ...], ...]  # all these characters, in the name or the purpose
    singles: tuple[str, ...]  # a single character, anywhere

    @property
    def name_or_purpose_clauses(self) -> list[tuple[str, tuple[str, ...]]]:
        """("all", chars) clauses of the scattered match within one field."""
        return [("all", chars) for chars in self.scattered] + [("all", (c,)) for c in self.singles]

    @property
    def phrase_clauses(self) -> list[tuple[str, tuple[str, ...]]]:
        return [("phrase", tokens) for tokens in self.phrases]


@dataclass(frozen=True)
class PairPlan:
    """Two neighbouring terms together, in the order typed: any of these phrases in the name or
    the purpose."""

    phrases: tuple[tuple[str, ...], ...]

    @property
    def phrase_clauses(self) -> list[tuple[str, tuple[str, ...]]]:
        return [("phrase", tokens) for tokens in self.phrases]


def term_plan(term: Term) -> TermPlan:
    phrases: list[tuple[str, ...]] = []
    starts: list[tuple[str, tuple[str, ...]]] = []
    scattered: list[tuple[str, ...]] = []
    singles: list[str] = []
    for alternative in term.alternatives:
        if alternative.exact_stream and alternative.exact_phrase:
            phrases.append(alternative.exact_phrase)
            starts.append((alternative.exact_stream, alternative.exact_phrase))
        chars = alternative.scattered_chars
        if len(alternative.text) == 1 and chars:
            singles.append(chars[0])
        elif chars:
            scattered.append(chars)
    return TermPlan(
        phrases=tuple(dict.fromkeys(phrases)),
        starts=tuple(dict.fromkeys(starts)),
        scattered=tuple(dict.fromkeys(scattered)),
        singles=tuple(dict.fromkeys(singles)),
    )


def plan(query: ParsedQuery) -> list[TermPlan]:
    """The plans of the required terms, in order."""
    return [term_plan(term) for term in query.required]


def _joined(first: Alternative, second: Alternative) -> tuple[str, ...] | None:
    """The tokens of two alternatives standing together, or None when they cannot (different
    scripts)."""
    if first.kind != second.kind:
        return None
    if first.kind == "han":
        return Alternative("han", first.text + second.text).exact_phrase
    if first.kind == "pinyin":
        joined = Alternative("pinyin", first.text + second.text, first.syllables + second.syllables)
        return joined.exact_phrase
    if first.kind == "initials":
        return tuple(initial_bigrams(first.text + second.text))
    return (first.text, second.text)


def pair_plans(query: ParsedQuery) -> list[PairPlan]:
    """Neighbouring terms (optional task words included, two optional ones excepted) as the
    phrases that put them together."""
    pairs: list[PairPlan] = []
    for first, second in itertools.pairwise(query.terms):
        if first.optional and second.optional:
            continue
        phrases = []
        for a in first.alternatives[:MAX_JOINED_ALTERNATIVES]:
            for b in second.alternatives[:MAX_JOINED_ALTERNATIVES]:
                tokens = _joined(a, b)
                if tokens and tokens not in phrases:
                    phrases.append(tokens)
        pair = PairPlan(tuple(phrases[:MAX_PAIR_PHRASES]))
        if pair.phrases and pair not in pairs:
            pairs.append(pair)
    return pairs[:MAX_PAIRS]


def score(signals: set[str] | frozenset[str]) -> int:
    return sum(SIGNAL_WEIGHTS[s] for s in signals)


# --- relaxation ---------------------------------------------------------------------------------


def relaxation_candidates(query: ParsedQuery) -> list[tuple[int, ...]]:
    """Subsets of ``query.units`` (index tuples, in the order typed) to try when the query finds
    nothing, largest first: every subset of the longest ``MAX_RELAX_UNITS`` units, then each
    other unit alone. Units of one character never count; the subset that is the query itself
    (no term split into units) is left out: it is known to find nothing."""
    units = query.units
    meaningful = [i for i, unit in enumerate(units) if unit.meaningful]
    longest = sorted(meaningful, key=lambda i: (-len(units[i].text), i))[:MAX_RELAX_UNITS]
    kept = sorted(longest)
    itself = tuple(range(len(units))) if len(units) == len(query.required) else None
    candidates = []
    for size in range(len(kept), 0, -1):
        for subset in itertools.combinations(kept, size):
            if subset != itself:
                candidates.append(subset)
    # every other meaningful unit is still looked for on its own
    candidates += [(i,) for i in meaningful if i not in kept]
    return candidates


def best_candidate(
    query: ParsedQuery, candidates: list[tuple[int, ...]], counts: list[tuple[int, int]]
) -> tuple[int, ...] | None:
    """The best subset that finds something: most units, then with exact hits, then most
    characters, then the first. ``counts``: (results, results with an exact hit) per
    candidate, over the whole index (filters do not change which words are kept)."""
    units = query.units
    best, best_key = None, None
    for subset, (total, exact) in zip(candidates, counts, strict=True):
        if not total:
            continue
        key = (len(subset), exact > 0, sum(len(units[i].text) for i in subset))
        if best_key is None or key > best_key:
            best, best_key = subset, key
    return best


def relaxed_query(query: ParsedQuery, subset: tuple[int, ...]) -> ParsedQuery:
    """The query made of the units in ``subset``, in the order typed."""
    units = query.units
    return ParsedQuery(
        text=query.text, terms=tuple(units[i] for i in subset), ignored=query.ignored
    )
