"""The 设定依据 cell: several legal bases, written the way clerks write them.

One basis is written ``《名称》（文号）条款：条文内容``, e.g.
``《律师事务所管理办法》（司法部令第142号）第三十五条第五款：律师事务所申请设立分所，……``.
The document number in brackets is optional; the article text may run over several lines.
A new basis starts on a line that begins with 《 (after an optional number such as ``1.``,
``（2）`` or ``③``), or within one line after 、，； when no article text was given:
``《律师法》第十九条、《律师事务所管理办法》第三十五条第五款``.

The export writes each basis on its own line in exactly this form, so that reading an exported
cell gives back the same bases.
"""

import re
from dataclasses import dataclass

from .cleaning import clean_line, clean_text

NAME_MAX, NUMBER_MAX, ARTICLE_MAX = 200, 100, 100
# What the catalog needs: one article's text is a paragraph or a few (the longest articles of
# the seed's laws have well under 2,000 characters), a cell holds a few bases. Longer cells are
# refused before they are parsed or compared.
ARTICLE_TEXT_MAX = 5_000
CELL_MAX = 20_000

_ENUMERATOR = re.compile(
    r"^(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*、)\s*"
)
_NUMERAL = r"[零〇一二三四五六七八九十百千两\d]+"
_ONE_ARTICLE = rf"(?:第{_NUMERAL}(?:条|款|项|目)(?:之{_NUMERAL})?)+"
_ARTICLES = re.compile(rf"{_ONE_ARTICLE}(?:\s*[、和及至]\s*{_ONE_ARTICLE})*")
_ARTICLE_START = re.compile(rf"第{_NUMERAL}(?:条|款|项|目)")
_LIST_SEPARATOR = re.compile(r"^\s*[、，,；;和及与]\s*(?=《)")
_EXAMPLE = "《中华人民共和国律师法》第十九条：成立三年以上……"


@dataclass(frozen=True)
class Basis:
    name: str
    document_number: str
    article: str
    article_text: str
    legal_level: str = ""

    @property
    def citation(self) -> str:
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"{self.name}{number}{self.article}"

    def values(self) -> tuple:
        return (self.name, self.document_number, self.article, self.article_text, self.legal_level)

    def comparable(self) -> tuple:
        """``values()`` cleaned as the import cleans them."""
        return (
            clean_line(self.name),
            clean_line(self.document_number),
            clean_line(self.article),
            clean_text(self.article_text),
            self.legal_level,
        )


def render_basis(basis: Basis) -> str:
    if basis.article_text:
        return f"{basis.citation}：{basis.article_text}"
    return basis.citation


def render_bases(bases) -> str:
    return "\n".join(render_basis(b) for b in bases)


def _starts_basis(line: str) -> bool:
    return _ENUMERATOR.sub("", line, count=1).startswith("《")


def _chunks(text: str) -> list[list[str]]:
    """Lines grouped by basis: a basis starts at a line beginning with 《."""
    chunks: list[list[str]] = []
    for line in text.split("\n"):
        if chunks and not _starts_basis(line):
            chunks[-1].append(line)
        elif line.strip():
            chunks.append([_ENUMERATOR.sub("", line, count=1)])
    return chunks


def _split_name(head: str) -> tuple[str, str]:
    if head.startswith("《"):
        end = head.find("》")
        if end != -1:
            return head[: end + 1], head[end + 1 :]
    stops = [i for i in (head.find("（"), head.find("("), head.find("："), head.find(":")) if i > 0]
    match = _ARTICLE_START.search(head)
    if match and match.start() > 0:
        stops.append(match.start())
    end = min(stops) if stops else len(head)
    return head[:end], head[end:]


def _split_number(rest: str) -> tuple[str, str]:
    if rest[:1] in ("（", "("):
        close = min((i for i in (rest.find("）"), rest.find(")")) if i != -1), default=-1)
        if close != -1:
            return rest[1:close], rest[close + 1 :]
    return "", rest


def _parse_chunk(lines: list[str]) -> list[tuple[str, str, str, str]]:
    """One chunk → (name, number, article, text) tuples; a list of citations gives several."""
    head, continuation = lines[0].strip(), list(lines[1:])
    parsed = []
    while True:
        name, rest = _split_name(head)
        number, rest = _split_number(rest.strip())
        rest = rest.strip()
        colon = min((i for i in (rest.find("："), rest.find(":")) if i != -1), default=-1)
        if colon != -1:
            article, text = rest[:colon].strip(" ，,"), rest[colon + 1 :]
            parsed.append((name, number, article, "\n".join([text, *continuation])))
            return parsed
        match = _ARTICLES.match(rest)
        article = match.group(0) if match else ""
        after = rest[match.end() :] if match else rest
        following = _LIST_SEPARATOR.match(after)
        if following:
            parsed.append((name, number, article, ""))
            head = after[following.end() :].strip()
            continue
        text = after.lstrip(" ，,。") if match else after
        if not match and text:
            article = ""
        parsed.append((name, number, article, "\n".join([text, *continuation])))
        return parsed


def parse_bases(cell) -> list[Basis]:
    """Read a 设定依据 cell; raises ``ValueError`` naming every basis that is incomplete."""
    text = clean_text(cell)
    if not text:
        return []
    if len(text) > CELL_MAX:
        raise ValueError(
            f"超过{CELL_MAX:,}个字（现有{len(text):,}个字），不像是设定依据。"
            "每条依据只需写明名称、文号、条款和该条的条文内容。"
        )
    parts = [part for chunk in _chunks(text) for part in _parse_chunk(chunk)]
    bases, problems = [], []
    several = len(parts) > 1
    for n, (name, number, article, article_text) in enumerate(parts, start=1):
        name, number, article = clean_line(name), clean_line(number), clean_line(article)
        article_text = clean_text(article_text)
        which = f"第{n}条依据" if several else "依据"
        label = f"{which}“{name}{article}”" if name else which
        if not name:
            problems.append(f"{which}没有写依据名称，请用书名号写明，如{_EXAMPLE}")
        elif not article:
            problems.append(f"{label}没有写明条款（如“第十九条”），应写成：{_EXAMPLE}")
        elif not article_text:
            problems.append(f"{label}缺少条文内容，请在条款后加冒号写明条文内容，如：{_EXAMPLE}")
        for value, limit, what in (
            (name, NAME_MAX, "依据名称"),
            (number, NUMBER_MAX, "文号"),
            (article, ARTICLE_MAX, "条款"),
            (article_text, ARTICLE_TEXT_MAX, "条文内容"),
        ):
            if len(value) > limit:
                problems.append(f"{which}的{what}超过{limit}个字（现有{len(value)}个字）")
        bases.append(Basis(name, number, article, article_text))
    if problems:
        raise ValueError("；".join(problems))
    return bases
