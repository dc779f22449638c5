"""What matches and how results are ordered: one contract that every backend implements.

For each query term (``analysis.parse_query``) the backends look for

* an **exact** occurrence of one of its alternatives (a phrase of consecutive tokens: Han
  bigrams, a word, pinyin syllable pairs, initial pairs) in the name, the purpose or the body
  (legal bases, units, department, conditions, remarks);
* a **scattered** occurrence: all the characters of a Han alternative somewhere in the name, or
  all somewhere in the purpose (counted as a signal only where the term is not exact in that
  field); a single character anywhere in the item.

An item matches when every term occurs in one of these ways. Its score is the sum of the
weights of the signals below that any term produced, and results are ordered by score, then by
item id. The weights make the order lexicographic: a name that *starts* with a term, in its
characters or in pinyin (the certificate the user named: 无犯罪记录, wfzjl or wufanzui →
无犯罪记录证明) beats everything, then an exact hit in the name, an exact hit in the purpose, an
exact hit in the body, scattered characters in the name, and last in the purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import ParsedQuery

GROUPS = ("name", "purpose", "body")

NAME_START = "name_start"
EXACT_NAME = "exact_name"
EXACT_PURPOSE = "exact_purpose"
EXACT_BODY = "exact_body"
SCATTERED_NAME = "scattered_name"
SCATTERED_PURPOSE = "scattered_purpose"

# In order of precedence; each weight is larger than all the following ones together.
SIGNAL_WEIGHTS = {
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


def plan(query: ParsedQuery) -> list[TermPlan]:
    plans = []
    for term in query.terms:
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
        plans.append(
            TermPlan(
                phrases=tuple(dict.fromkeys(phrases)),
                starts=tuple(dict.fromkeys(starts)),
                scattered=tuple(dict.fromkeys(scattered)),
                singles=tuple(dict.fromkeys(singles)),
            )
        )
    return plans


def score(signals: set[str] | frozenset[str]) -> int:
    return sum(SIGNAL_WEIGHTS[s] for s in signals)
