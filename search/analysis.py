"""The one Chinese text analysis that every search backend shares.

Chinese has no spaces, so the databases' own tokenizers see a whole run of Chinese as one word
(DESIGN.md). Everything is therefore tokenised here, in Python, and the backends index the
resulting *pre-tokenised* text with a plain whitespace split: SQLite FTS5 (``unicode61``),
PostgreSQL (``to_tsvector('simple', …)``) and Elasticsearch (``whitespace`` tokenizer) all see
exactly the same tokens, so they agree on what matches.

Normalisation (index and query alike): NFKC (full-width → half-width), lower case, traditional
→ simplified (OpenCC ``t2s``). Then the text is split into runs of Han characters and runs of
other letters/digits ("words"); everything else separates runs.

Every indexed text is turned into four token streams:

``bi``   Han bigrams of each run, and words. A query's run of two or more characters occurs
         *exactly* where its bigrams occur consecutively (consecutive bigrams overlap, so such
         a phrase never matches across two runs).
``uni``  single Han characters: the *scattered characters* match.
``py``   full pinyin as syllable pairs within a run (a one-character run gives its syllable):
         律师事务所 → ``lvshi shishi shiwu wusuo``; the query ``lvshi`` is the phrase ``lvshi``.
``pyi``  pairs of pinyin initials within a run: the query ``wfzjl`` is ``wf fz zj jl``.

The streams' tokens never look alike (two Han characters, one Han character, letters), so the
backends keep the four streams of a field in one column and still match each stream alone.

A query is a list of terms (split at spaces, between Han and other characters, and around the
question words and task phrasing of ``search.questions``); each term has alternatives: the term
itself, its synonyms and everyday-word mappings (``Synonym``, ``search.vocabulary``), and for a
latin word its readings as full pinyin and as initials. Task words are optional terms; content
terms carry their units for relaxation. ``search.ranking`` says how terms match, how results
are ordered and how a query that finds nothing is relaxed; ``search.backends`` turn the same
parsed query into FTS5, tsquery or Elasticsearch DSL.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from opencc import OpenCC
from pypinyin import Style, lazy_pinyin, pinyin

from .questions import CONTENT, FUNCTION, GENERIC_WORDS, read_run

# A query longer than this is cut: no certificate name or purpose is longer, and the cost of a
# query grows with its length.
MAX_QUERY_LENGTH = 60
# Latin words longer than this are not read as pinyin (nobody types a whole sentence so).
MAX_PINYIN_WORD = 30
MAX_PINYIN_READINGS = 4
# Tokens may only be made of these characters; anything else can never reach a backend's query
# language (FTS5 syntax, tsquery syntax), whatever the user typed.
TOKEN_RE = re.compile(r"^[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+$")

_HAN_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)

# The syllables of Mandarin (ü written v), derived from pypinyin's dictionary; interjections
# such as "m", "ng" and "hm" are left out so that they do not split ordinary words.
_SYLLABLES = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can
    cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
    chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
    deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
    fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan
    guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui
    hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao
    ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len
    leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man
    mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei
    nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai
    pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie
    qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run
    ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou
    shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang
    tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen
    weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye
    yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan
    zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi
    zong zou zu zuan zui zun zuo
"""
PINYIN_SYLLABLES = frozenset(_SYLLABLES.split())
_MAX_SYLLABLE = max(map(len, PINYIN_SYLLABLES))
# Letters a syllable can start with: every letter but i, u and v.
PINYIN_INITIALS = frozenset(s[0] for s in PINYIN_SYLLABLES)


_HAN_CLASS = "".join(f"{chr(low)}-{chr(high)}" for low, high in _HAN_RANGES)
_RUN_RE = re.compile(f"([{_HAN_CLASS}]+)|([0-9a-z]+)")


def is_han(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _HAN_RANGES)


# --- normalisation -----------------------------------------------------------------------------


class _TraditionalToSimplified:
    """OpenCC ``t2s`` with an exact fast path for text that has nothing to convert.

    The pure-Python OpenCC costs about 2 µs a character. A text none of whose characters occurs
    at a changing position of a dictionary entry cannot change, so it is returned as it is; the
    trigger set is computed once from OpenCC's own dictionaries.
    """

    def __init__(self):
        self._cc = OpenCC("t2s")
        triggers: set[str] = set()
        for group in self._cc._dict_chain_data:
            for _max_len, _min_len, mapping in group:
                for key, value in mapping.items():
                    target = value.split(" ")[0]
                    if key == target:
                        continue
                    if len(key) == len(target):
                        triggers.update(k for k, t in zip(key, target, strict=True) if k != t)
                    else:
                        triggers.update(key)
        self._triggers = frozenset(triggers)

    def __call__(self, text: str) -> str:
        if self._triggers.isdisjoint(text):
            return text
        return self._cc.convert(text)


@functools.cache
def _t2s() -> _TraditionalToSimplified:
    return _TraditionalToSimplified()


_CONTROL_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_query(raw: str | None) -> str:
    """What the user typed, made safe to keep and show: no control characters, collapsed spaces,
    at most ``MAX_QUERY_LENGTH`` characters. (Escaping for HTML is the template's job.)"""
    if not raw:
        return ""
    text = "".join(
        " " if unicodedata.category(c) in _CONTROL_CATEGORIES else c
        for c in raw[: MAX_QUERY_LENGTH * 4]
    )
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip()


def normalize(text: str) -> str:
    """NFKC width folding, lower case, traditional → simplified."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    return _t2s()(text)


def runs(normalized: str) -> list[tuple[str, str]]:
    """Split normalised text into ("han", text) and ("word", text) runs; the rest separates."""
    return [
        ("han", match[1]) if match[1] else ("word", match[2])
        for match in _RUN_RE.finditer(normalized)
    ]


def run_spans(normalized: str) -> list[tuple[str, int, int]]:
    """Like ``runs``, as (kind, start, end) positions."""
    return [
        ("han" if match[1] else "word", match.start(), match.end())
        for match in _RUN_RE.finditer(normalized)
    ]


# --- pinyin --------------------------------------------------------------------------------------


@functools.cache
def _char_readings(char: str) -> tuple[str, ...]:
    """The distinct toneless readings of one character, most common first."""
    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    seen: list[str] = []
    for reading in readings[0] if readings else []:
        if reading in PINYIN_SYLLABLES and reading not in seen:
            seen.append(reading)
    return tuple(seen)


@functools.lru_cache(maxsize=100_000)
def run_syllables(run: str) -> tuple[str, ...]:
    """One toneless syllable per character of a Han run ("" when a character has none).

    Characters with one reading are looked up one by one; a run with a character that reads
    differently in different words (行 xing/hang, 长 chang/zhang) goes through pypinyin's
    phrase dictionary, which picks the reading from the surrounding word.
    """
    readings = [_char_readings(c) for c in run]
    if all(len(r) <= 1 for r in readings):
        return tuple(r[0] if r else "" for r in readings)
    syllables = lazy_pinyin(run, style=Style.NORMAL, errors=lambda chars: [""] * len(chars))
    if len(syllables) != len(run):  # never seen; keep positions aligned whatever happens
        return tuple(r[0] if r else "" for r in readings)
    return tuple(s if s in PINYIN_SYLLABLES else "" for s in syllables)


def pinyin_segmentations(word: str) -> list[tuple[str, ...]]:
    """Ways to read a latin word as a sequence of whole syllables: ``xian`` → (xian), (xi, an)."""
    if not word.isalpha() or len(word) > MAX_PINYIN_WORD:
        return []

    @functools.cache
    def from_position(i: int) -> tuple[tuple[str, ...], ...]:
        if i == len(word):
            return ((),)
        found: list[tuple[str, ...]] = []
        for length in range(min(_MAX_SYLLABLE, len(word) - i), 0, -1):
            syllable = word[i : i + length]
            if syllable in PINYIN_SYLLABLES:
                for rest in from_position(i + length):
                    found.append((syllable, *rest))
                    if len(found) >= MAX_PINYIN_READINGS:
                        return tuple(found)
        return tuple(found)

    return list(from_position(0))


def initial_bigrams(initials: Iterable[str]) -> list[str]:
    letters = list(initials)
    return [a + b for a, b in itertools.pairwise(letters)]


# --- index side -------------------------------------------------------------------------------

STREAMS = ("bi", "uni", "py", "pyi")


@dataclass(frozen=True)
class FieldTokens:
    """The four token streams of one field group, each a space-separated string."""

    bi: str = ""
    uni: str = ""
    py: str = ""
    pyi: str = ""


def _split_han_on_missing_pinyin(run: str) -> list[tuple[str, tuple[str, ...]]]:
    """(sub-run, syllables) pieces of a Han run, cut where a character has no pinyin."""
    syllables = run_syllables(run)
    pieces: list[tuple[str, tuple[str, ...]]] = []
    start = 0
    for i, syllable in enumerate((*syllables, "")):
        if not syllable:
            if i > start:
                pieces.append((run[start:i], syllables[start:i]))
            start = i + 1
    return pieces


def pinyin_bigrams(syllables: tuple[str, ...]) -> list[str]:
    """``(lv, shi, shi, wu, suo)`` → ``lvshi shishi shiwu wusuo``; one syllable stays itself."""
    if len(syllables) == 1:
        return list(syllables)
    return [a + b for a, b in itertools.pairwise(syllables)]


@functools.lru_cache(maxsize=50_000)
def analyze_text(text: str) -> FieldTokens:
    """The token streams of one text. Cached: legal bases, units and department names repeat
    across a catalog."""
    bi: list[str] = []
    uni: list[str] = []
    py: list[str] = []
    pyi: list[str] = []
    for kind, run in runs(normalize(text)):
        if kind == "word":
            bi.append(run)
            continue
        bi.extend(run[i : i + 2] for i in range(len(run) - 1))
        uni.extend(run)
        for _piece, syllables in _split_han_on_missing_pinyin(run):
            py.extend(pinyin_bigrams(syllables))
            pyi.extend(initial_bigrams(s[0] for s in syllables))
    return FieldTokens(" ".join(bi), " ".join(uni), " ".join(py), " ".join(pyi))


def analyze_texts(texts: Iterable[str]) -> FieldTokens:
    """The streams of several texts (e.g. all the parts of an item's body), analysed one by one
    so that no phrase runs from one text into the next."""
    parts = [analyze_text(t) for t in texts if t]
    return FieldTokens(
        *(" ".join(filter(None, (getattr(p, stream) for p in parts))) for stream in STREAMS)
    )


# --- query side ----------------------------------------------------------------------------------

# At most this many alternatives per term (the term itself first, then its synonyms).
MAX_ALTERNATIVES = 12


@dataclass(frozen=True)
class Alternative:
    """One way a query term can match.

    ``kind`` is ``han`` (a run of Han characters), ``word`` (ASCII letters/digits), ``pinyin``
    (a latin word read as whole syllables) or ``initials`` (read as syllable initials).
    """

    kind: str
    text: str
    syllables: tuple[str, ...] = ()

    @property
    def exact_stream(self) -> str | None:
        """The stream in which ``exact_phrase`` must occur; None for a single Han character."""
        if self.kind == "han":
            return "bi" if len(self.text) > 1 else None
        return {"word": "bi", "pinyin": "py", "initials": "pyi"}[self.kind]

    @property
    def exact_phrase(self) -> tuple[str, ...]:
        """Tokens that occur consecutively where the term occurs exactly."""
        if self.kind == "han":
            return tuple(self.text[i : i + 2] for i in range(len(self.text) - 1))
        if self.kind == "word":
            return (self.text,)
        if self.kind == "pinyin":
            return tuple(pinyin_bigrams(self.syllables))
        return tuple(initial_bigrams(self.text))

    @property
    def scattered_chars(self) -> tuple[str, ...]:
        """Han characters that must all occur (anywhere in the name and purpose, or for a single
        character anywhere in the item) for a *scattered* match."""
        if self.kind == "han":
            return tuple(dict.fromkeys(self.text))
        return ()


@dataclass(frozen=True)
class Term:
    """A word of the query with its alternatives.

    ``optional`` terms are task phrasing (办理, 申请, 需要 …; ``search.questions``): they never
    narrow the results and only count where they stand next to a neighbouring term in an item.
    ``units`` are the parts a content term may be relaxed into (its vocabulary words and the
    characters between them); empty when the term is one unit.
    """

    alternatives: tuple[Alternative, ...]
    text: str = ""
    optional: bool = False
    units: tuple[Term, ...] = ()

    @property
    def meaningful(self) -> bool:
        """Worth searching on its own: two characters or more (one character matches almost
        anything), and not a word every item has (证明, 材料)."""
        return len(self.text) >= 2 and self.text not in GENERIC_WORDS


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the cleaned query, as shown back to the user
    terms: tuple[Term, ...]  # in the order typed, optional task words included
    ignored: tuple[str, ...] = ()  # question words dropped (怎么, 哪些, 吗 …)

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def required(self) -> tuple[Term, ...]:
        """The terms every result must contain."""
        return tuple(term for term in self.terms if not term.optional)

    @property
    def optional(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.optional)

    @property
    def alternatives(self) -> list[Alternative]:
        return [alt for term in self.required for alt in term.alternatives]

    @property
    def units(self) -> tuple[Term, ...]:
        """What relaxation may keep or leave out: each required term's units, in order."""
        return tuple(unit for term in self.required for unit in (term.units or (term,)))


class SynonymMap(dict):
    """{word: other words to look for}, with the set of all the vocabulary's words (which keep
    their characters together when a question is read; see ``search.questions``)."""

    @functools.cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self) | frozenset(w for values in self.values() for w in values)

    @functools.cached_property
    def longest(self) -> int:
        return max(map(len, self.words), default=0)


def _word_alternatives(word: str) -> list[Alternative]:
    alternatives = [Alternative("word", word)]
    if word.isalpha() and word.isascii():
        for syllables in pinyin_segmentations(word):
            alternatives.append(Alternative("pinyin", word, syllables))
        if 2 <= len(word) <= MAX_PINYIN_WORD and set(word) <= PINYIN_INITIALS:
            alternatives.append(Alternative("initials", word))
    return alternatives


def _keys_in(run: str, synonyms: Mapping[str, Iterable[str]], longest: int) -> list[str]:
    """The synonym keys that occur in ``run``, longest first (户口迁移 before 户口). A key inside
    a longer key of its own group is left out (出生证 inside 出生证明: the longer key's
    synonyms say it all)."""
    found = {
        run[start:end]
        for start in range(len(run))
        for end in range(start + 1, min(len(run), start + longest) + 1)
        if run[start:end] in synonyms
    }
    keys = sorted(found, key=lambda key: (-len(key), run.index(key)))
    return [
        key
        for key in keys
        if not any(key in longer and longer in synonyms[key] for longer in keys if longer != key)
    ]


def _synonym_alternatives(run: str, synonyms: Mapping[str, Iterable[str]]) -> list[str]:
    """Other spellings of a Han run: each synonym key found in it, replaced by its synonyms."""
    longest = synonyms.longest if isinstance(synonyms, SynonymMap) else max(map(len, synonyms))
    found: list[str] = []
    for key in _keys_in(run, synonyms, longest):
        for value in synonyms[key]:
            variant = run.replace(key, value)
            if variant != run and variant not in found:
                found.append(variant)
    return found


def _variant_alternatives(variant: str) -> list[Alternative]:
    """A synonym is matched as a whole: as a Han run, or as a word, when it is one run."""
    parts = runs(normalize(variant))
    if len(parts) != 1:
        return []
    kind, run = parts[0]
    return [Alternative(kind, run)]


def _term(kind: str, run: str, synonyms, *, optional=False, units=()) -> Term:
    if kind == "word":
        alternatives = _word_alternatives(run)
        variants = list(synonyms.get(run, ()))
    else:
        alternatives = [Alternative("han", run)]
        variants = _synonym_alternatives(run, synonyms) if synonyms else []
    for variant in variants:
        alternatives.extend(_variant_alternatives(variant))
    alternatives = tuple(dict.fromkeys(alternatives))[:MAX_ALTERNATIVES]
    units = tuple(_term("han", unit, synonyms) for unit in units) if len(units) > 1 else ()
    return Term(alternatives, text=run, optional=optional, units=units)


def _spaced_pinyin_joined(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Consecutive latin words that are each one pinyin syllable were typed as pinyin with
    spaces (lv shi, wu fan zui): they are read as one word (lvshi, wufanzui)."""
    joined: list[tuple[str, str]] = []
    for kind, run in parts:
        syllable = kind == "word" and run in PINYIN_SYLLABLES
        if syllable and joined and joined[-1][0] == "syllables":
            joined[-1] = ("syllables", joined[-1][1] + run)
        elif syllable:
            joined.append(("syllables", run))
        else:
            joined.append((kind, run))
    return [("word", run) if kind == "syllables" else (kind, run) for kind, run in joined]


def parse_query(
    raw: str | None,
    synonyms: Mapping[str, Iterable[str]] | None = None,
    *,
    understand: bool = True,
) -> ParsedQuery:
    """Turn what the user typed into terms and alternatives (see the module docstring).

    ``understand``: read questions and task phrasing (``search.questions``); when it leaves no
    content word, the task words become the terms, and with no task word either the query is
    searched as typed.
    """
    text = clean_query(raw)
    synonyms = synonyms or {}
    if isinstance(synonyms, SynonymMap):
        words, longest = synonyms.words, synonyms.longest
    else:
        words = frozenset(synonyms) | frozenset(w for v in synonyms.values() for w in v)
        longest = max(map(len, words), default=0)
    # (kind, text, role, units) in the order typed
    parts: list[tuple[str, str, str, tuple[str, ...]]] = []
    for kind, run in _spaced_pinyin_joined(runs(normalize(text))):
        if kind == "word" or not understand:
            parts.append((kind, run, CONTENT, ()))
        else:
            parts += [("han", p.text, p.role, p.units) for p in read_run(run, words, longest)]
    ignored = tuple(dict.fromkeys(p[1] for p in parts if p[2] == FUNCTION))
    if understand and not any(role == CONTENT for _k, _t, role, _u in parts):
        # Nothing but question and task words: the task words, joined as typed, are the terms.
        kept: list[tuple[str, str, str, tuple[str, ...]]] = []
        for kind, run, role, _units in parts:
            if role == FUNCTION:
                kept.append(("", "", FUNCTION, ()))
            elif kept and kept[-1][2] == CONTENT and kind == kept[-1][0] == "han":
                kept[-1] = ("han", kept[-1][1] + run, CONTENT, ())
            else:
                kept.append((kind, run, CONTENT, ()))
        parts = [p for p in kept if p[2] == CONTENT]
        if not parts:
            return parse_query(raw, synonyms, understand=False)
    terms: list[Term] = []
    seen: set[tuple[Alternative, ...]] = set()
    for kind, run, role, units in parts:
        if role == FUNCTION:
            continue
        term = _term(kind, run, synonyms, optional=role != CONTENT, units=units)
        if not term.optional:
            if term.alternatives in seen:
                continue
            seen.add(term.alternatives)
        terms.append(term)
    if understand and any(t.meaningful for t in terms if not t.optional):
        # A word every item has (证明, 材料) narrows nothing beside a meaningful one: it only
        # counts where it stands next to it (户籍 证明 → 户籍证明 first), like a task word.
        terms = [
            replace(t, optional=True) if t.text in GENERIC_WORDS and not t.optional else t
            for t in terms
        ]
    return ParsedQuery(text=text, terms=tuple(terms), ignored=ignored if understand else ())


def normalize_synonym(text: str) -> str:
    """A synonym as it compares with normalised query runs: its Han characters, letters and
    digits only (spaces and punctuation dropped)."""
    return "".join(run for _kind, run in runs(normalize(text)))


def synonym_map(rows: Iterable[tuple]) -> SynonymMap:
    """{term: synonyms} from (term, synonym) rows, both ways, or (term, synonym, one_way) rows:
    a one-way row maps the term to the synonym only."""
    mapping: dict[str, list[str]] = {}
    for row in rows:
        a, b = normalize_synonym(row[0]), normalize_synonym(row[1])
        one_way = len(row) > 2 and bool(row[2])
        if not a or not b or a == b:
            continue
        mapping.setdefault(a, [])
        if b not in mapping[a]:
            mapping[a].append(b)
        if not one_way:
            mapping.setdefault(b, [])
            if a not in mapping[b]:
                mapping[b].append(a)
    return SynonymMap({k: tuple(v) for k, v in mapping.items()})
