"""Reading a 设定依据 cell the way departments write it.

A cell holds one or more bases (设定依据). Each is a document name, perhaps its 文号, perhaps an
article, perhaps the article's text:

- the name with or without 《》 (``《律师法》``, ``律师法``), nested titles included
  (``《〈教师资格条例〉实施办法》``), after an optional 根据/依据;
- the 文号 in （）, () or bare with 〔〕 (``（国人部发〔2006〕71号）``, ``(司法部令第142号)``,
  ``国发〔2015〕23号``, ``国务院令第412号``); every bracket group written right after the name is
  kept as what the clerk wrote there (an edition such as （2017年修正） too);
- the article in every form of the published catalogs: 第十九条, 第三十五条第五款,
  第三款第（二）项, 第8条, 第十条之一, 第三章, 第二节, 附件2, 附件第38项, 第十二条至第十五条,
  第十九条、第二十条, or none at all (the whole document, common for 规范性文件 and State
  Council opinions); a trailing 规定/之规定 is dropped;
- the article's text after a colon, on the following lines, or not at all.

Bases are separated by line breaks, by 、 ， ； ; between citations, or simply written side by
side (``《A》《B》（文号）`` is two bases; the 文号 belongs to B). A line starts a new basis when it
begins like a citation (《名称》…, or a name ending in 法/条例/办法/… followed by an article, a
colon or nothing); other lines continue the article text of the basis before. A line that
starts with an article (``第十九条　成立三年以上……``) gives a basis written without one its article,
and is otherwise article text (laws are printed so).

:func:`read_bases` never guesses silently: what cannot be understood comes back as a problem
naming the basis by its position ("读出 2 个依据；第 2 个缺少依据名称"). A missing article text
is not a problem here; it is a completeness warning decided by the caller, who knows the registry.
"""

import re
from dataclasses import dataclass, field

from .names import NUMERAL, article_items, document_key

NAME_MAX, NUMBER_MAX, ARTICLE_MAX = 200, 100, 100
ARTICLE_TEXT_MAX = 5_000
EXAMPLE = "《中华人民共和国律师法》第十九条：成立三年以上……"
# What a cell may say instead of a basis.
NOTHING = {"无", "/", "-", "—", "——", "－", "暂无", "无依据"}

# The last word of a document's name.
DOC_SUFFIX = (
    r"(?:法|法典|条例|规定|办法|决定|细则|规则|意见|通知|规程|标准|目录|纲要|章程|公告|批复|"
    r"函|解释|规范|方案|制度|措施|指引|准则|通告|命令|规划|清单|指南)"
)
_UNIT = r"(?:分编|编|章|节|条|款|项|目)"
_REF = rf"第\s*(?:[（(]\s*{NUMERAL}\s*[）)]|{NUMERAL})\s*{_UNIT}(?:\s*之\s*{NUMERAL})?"
_PAREN_REF = rf"第?\s*[（(]\s*{NUMERAL}\s*[）)]\s*(?:项|目)?"
_ANNEX = rf"(?:附件|附表|附录)(?:\s*{NUMERAL}|(?=\s*(?:第|[：:、，,；;。]|$)))"
_CHAIN = rf"(?:{_REF}|{_ANNEX})(?:\s*(?:{_REF}|{_PAREN_REF}))*"
_LIST_SEP = r"\s*(?:至|到|、|，|,|和|及|与|以及|或者)\s*"
_LOOSE = rf"第?\s*{NUMERAL}\s*(?:条|款|项)"
ARTICLES = re.compile(rf"{_CHAIN}(?:{_LIST_SEP}(?:{_CHAIN}|{_LOOSE}))*")
ARTICLE_START = re.compile(rf"{_REF}|{_ANNEX}")
_SAID = re.compile(r"\s*(?:之|的|有关|相关|等)?(?:规定|条款)(?=\s*(?:[：:，,。；;、《]|$))")

_YEAR = r"(?:〔\s*\d{4}\s*〕|\[\s*\d{4}\s*\]|【\s*\d{4}\s*】|[（(]\s*\d{4}\s*[）)])"
_HAN = "\u4e00-\u9fff"
NUMBER = re.compile(
    rf"[{_HAN}、]{{1,20}}?{_YEAR}\s*第?\s*\d+\s*号"
    rf"|[{_HAN}、]{{0,24}}?令\s*(?:\d{{4}}\s*年\s*)?(?:第\s*)?{NUMERAL}\s*号"
    rf"|[{_HAN}、]{{1,20}}?第\s*{NUMERAL}\s*号令?"
    rf"|[{_HAN}]{{0,20}}?公告\s*\d{{4}}\s*年\s*第\s*\d+\s*号"
)
_OPEN, _CLOSE = "（([【〔", "）)]】〕"
_SEPARATORS = "、，,；;和及与"
_LEAD = re.compile(r"(?:根据|依据|依照|按照|参照)\s*[：:]?\s*(?=《)")
_ENUMERATOR = re.compile(
    r"^(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*、)\s*"
)
# A name written without 《》 that begins like a sentence of an article's text is not a name.
_NOT_A_NAME = re.compile(r"^(?:依照|根据|按照|依据|参照|本|该|上述|前款|前条|其)|本法|本条例")
_BARE_HEAD = re.compile(
    rf"^(?P<name>[^\s：:，,。；;《》（）()]{{2,80}}?{DOC_SUFFIX})"
    rf"(?:[（(][^）)]{{1,40}}[）)])*\s*(?:{_REF}|{_ANNEX}|[：:]|$)"
)
_BARE_NUMBER = re.compile(rf"^(?P<name>.+?{DOC_SUFFIX})(?P<number>(?:{NUMBER.pattern}))$")


@dataclass
class Citation:
    """One basis as written: each part as it stands in the cell."""

    name: str = ""
    document_number: str = ""
    article: str = ""
    article_text: str = ""
    unclosed: bool = False  # a 《 without its 》
    source: str = ""  # the head as written, to quote in a message

    @property
    def citation(self) -> str:
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"{self.name}{number}{self.article}"


@dataclass
class Reading:
    """The bases read from a cell and what could not be understood, by position."""

    citations: list[Citation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        """ "读出 2 个依据；第 2 个缺少依据名称（……）。" and how to write it."""
        if not self.problems:
            return ""
        return (
            f"读出 {len(self.citations)} 个依据；"
            + "；".join(self.problems)
            + f"。每个依据请写明名称（可加书名号），如：{EXAMPLE}"
        )


def _bracketed(text: str, pos: int) -> tuple[str, int] | None:
    """The title in 《》 starting at ``pos`` (nested 《》 allowed) and the position after it."""
    depth = 0
    for i in range(pos, len(text)):
        if text[i] == "《":
            depth += 1
        elif text[i] == "》":
            depth -= 1
            if depth == 0:
                return text[pos : i + 1], i + 1
    return None


def _group(text: str, pos: int) -> tuple[str, int] | None:
    """A bracket group at ``pos`` (nested brackets allowed): its content and the end."""
    depth = 0
    for i in range(pos, len(text)):
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return text[pos + 1 : i].strip(), i + 1
    return None


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _split_inner_number(name: str) -> tuple[str, str]:
    """《律师事务所管理办法（司法部令第142号）》 → 《律师事务所管理办法》, 司法部令第142号."""
    match = re.search(r"[（(]([^（）()]+)[）)]》$", name)
    if match and NUMBER.fullmatch(match.group(1).strip()):
        return name[: match.start()] + "》", match.group(1).strip()
    return name, ""


def _ends_like_name(text: str) -> bool:
    return bool(re.search(rf"{DOC_SUFFIX}$", text)) or text.endswith("》")


def _bare_name(text: str, pos: int) -> tuple[str, int]:
    """A name written without 《》: up to an article, a bracket, a colon or a separator."""
    i = pos
    while i < len(text):
        char = text[i]
        if char in "：:，,；;。《\n" or char in "（([【":
            break
        if char == "、" and _ends_like_name(text[pos:i]):
            break
        if char in "第附" and ARTICLE_START.match(text, i) and i > pos:
            break
        i += 1
    return text[pos:i].strip(), i


def _is_head_at(text: str, pos: int) -> bool:
    """Whether a citation begins at ``pos``: 《名称》 followed by a 文号, an article, a colon, a
    separator, another title or the end (not 《表格名称》 inside a sentence)."""
    match = _LEAD.match(text, pos)
    if match:
        pos = match.end()
    if pos >= len(text) or text[pos] != "《":
        return False
    title = _bracketed(text, pos)
    if title is None:
        return True  # an unclosed title: read it, and report it
    pos = _skip_spaces(text, title[1])
    while pos < len(text) and text[pos] in _OPEN:
        group = _group(text, pos)
        if group is None:
            return True
        pos = _skip_spaces(text, group[1])
    if pos >= len(text) or text[pos] in "：:《" + _SEPARATORS + "。":
        return True
    return bool(NUMBER.match(text, pos) or ARTICLE_START.match(text, pos))


def _is_bare_head(text: str) -> bool:
    match = _BARE_HEAD.match(text)
    return bool(match) and not _NOT_A_NAME.search(match.group("name"))


def _next_head(text: str, pos: int) -> int:
    """Where the next citation starts inside an article text running from ``pos``: at a 《 right
    after ；, ; or 。 (and an optional number such as ``2.``) that begins a citation."""
    for match in re.finditer(r"[；;。]\s*(?:\d{1,2}\s*[.、．]|[①-⑳])?\s*(?=《)", text[pos:]):
        start = pos + match.end()
        if _is_head_at(text, start):
            return pos + match.start() + (1 if text[pos + match.start()] == "。" else 0)
    return len(text)


def _text_from(text: str, pos: int) -> tuple[str, int]:
    """An article text from ``pos`` to the next citation of the line."""
    end = _next_head(text, pos)
    return text[pos:end].strip(), end


def _parse_line(line: str) -> list[Citation]:
    """Every citation of one head line (several when written in a list or side by side)."""
    citations: list[Citation] = []
    pos, end = 0, len(line)
    while pos < end:
        while pos < end and (line[pos] in _SEPARATORS + "。" or line[pos].isspace()):
            pos += 1
        if pos >= end:
            break
        lead = _LEAD.match(line, pos)
        if lead:
            pos = lead.end()
        start = pos
        citation = Citation()
        numbers = []
        if line[pos] == "《":
            title = _bracketed(line, pos)
            if title is None:
                citation.name, citation.unclosed = line[pos:].strip(), True
                citation.source = citation.name
                citations.append(citation)
                break
            citation.name, pos = title
            citation.name, inner = _split_inner_number(citation.name)
            numbers += [inner] if inner else []
        elif not (ARTICLE_START.match(line, pos) or line[pos] in _OPEN + "：:"):
            citation.name, pos = _bare_name(line, pos)
            match = _BARE_NUMBER.match(citation.name)
            if match:
                citation.name = match.group("name")
                numbers.append(match.group("number").strip())
            elif re.match(r"[（(](?:试行|暂行)[）)]", line[pos : pos + 4]):
                citation.name += line[pos : pos + 4]
                pos += 4
        # 文号 and other bracket groups written right after the name
        while True:
            pos = _skip_spaces(line, pos)
            if pos < end and line[pos] in _OPEN:
                group = _group(line, pos)
                if group is None:
                    break
                if group[0]:
                    numbers.append(group[0])
                pos = group[1]
                continue
            match = NUMBER.match(line, pos) if citation.name else None
            if match and not ARTICLE_START.match(line, pos):
                numbers.append(match.group(0).strip())
                pos = match.end()
                continue
            break
        citation.document_number = "，".join(numbers)
        if pos < end and line[pos] == "《":  # the next title, written side by side
            citation.source = line[start:pos]
            citations.append(citation)
            continue
        match = ARTICLES.match(line, pos)
        if match:
            citation.article = match.group(0).strip()
            pos = match.end()
            said = _SAID.match(line, pos)
            if said:
                pos = said.end()
        pos = _skip_spaces(line, pos)
        citation.source = line[start:pos].strip()
        citations.append(citation)
        if pos >= end:
            break
        char = line[pos]
        if char in "：:":
            citation.article_text, pos = _text_from(line, pos + 1)
            continue
        if char in _SEPARATORS + "。":
            after = pos
            while after < end and (line[after] in _SEPARATORS + "。" or line[after].isspace()):
                after += 1
            if after >= end or _begins_citation(line, after, list_separator=char != "。"):
                pos = after
                continue
            citation.article_text, pos = _text_from(line, pos + 1)
            continue
        citation.article_text, pos = _text_from(line, pos)
    return _merge_nameless_articles(citations)


def _begins_citation(line: str, pos: int, *, list_separator: bool) -> bool:
    """Whether what follows a separator is the next citation (else it is article text)."""
    if _is_head_at(line, pos) or ARTICLE_START.match(line, pos) or _is_bare_head(line[pos:]):
        return True
    if not list_separator:
        return False
    name, _end = _bare_name(line, pos)
    return _ends_like_name(name) and not _NOT_A_NAME.search(name)


def _merge_nameless_articles(citations: list[Citation]) -> list[Citation]:
    """《律师法》第十九条；第二十条: an article after a separator belongs to the document
    before."""
    merged: list[Citation] = []
    for citation in citations:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not citation.name
            and not citation.document_number
            and citation.article
            and previous.name
            and previous.article
            and not previous.article_text
        ):
            previous.article = f"{previous.article}、{citation.article}"
            previous.article_text = citation.article_text
            previous.source = f"{previous.source}、{citation.source}"
            continue
        merged.append(citation)
    return merged


def _starts_basis(body: str, enumerated: bool) -> bool:
    if _is_head_at(body, 0):
        return True
    return _is_bare_head(body) and (enumerated or not re.search(r"[，。；]", body[:12]))


def _cited(article: str, reference: str) -> bool:
    return bool(set(article_items(reference)) & set(article_items(article)))


def read_bases(text: str) -> Reading:
    """Every basis of a cleaned 设定依据 cell (see the module), and the problems, by position."""
    reading = Reading()
    if not text or text.strip() in NOTHING:
        return reading
    citations = reading.citations
    blank = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            blank = bool(citations)
            continue
        body = _ENUMERATOR.sub("", line, count=1)
        enumerated = body != line
        previous = citations[-1] if citations else None
        if previous is None or _starts_basis(body, enumerated):
            citations.extend(_parse_line(body))
            blank = False
            continue
        article = ARTICLES.match(line)
        if article:
            rest = line[article.end() :]
            said = _SAID.match(rest)
            rest = rest[said.end() :] if said else rest
            if not previous.article and not previous.article_text:
                previous.article = article.group(0).strip()
                previous.article_text = rest.strip().lstrip("：:").strip()
                blank = False
                continue
            if rest.lstrip().startswith(("：", ":")) and not _cited(
                previous.article, article.group(0)
            ):
                citations.extend(_parse_line(body))
                blank = False
                continue
        separator = "\n\n" if blank else "\n"
        previous.article_text = (
            f"{previous.article_text}{separator}{line}" if previous.article_text else line
        )
        blank = False
    for n, citation in enumerate(citations, start=1):
        reading.problems.extend(_problems(n, citation))
    return reading


def _quoted(citation: Citation) -> str:
    text = citation.source or citation.citation or citation.article_text
    return f"（“{text[:40]}{'……' if len(text) > 40 else ''}”）" if text else ""


def _problems(n: int, citation: Citation) -> list[str]:
    which = f"第 {n} 个"
    if citation.unclosed:
        return [f"{which}的书名号“《”没有闭合{_quoted(citation)}"]
    problems = []
    name = citation.name
    if not document_key(name):
        problems.append(f"{which}缺少依据名称{_quoted(citation)}")
    elif not name.startswith("《") and (
        _NOT_A_NAME.search(name) or (len(name) < 4 and not _ends_like_name(name))
    ):
        problems.append(f"{which}“{name}”不像法律文件的名称{_quoted(citation)}")
    for value, limit, what in (
        (name, NAME_MAX, "依据名称"),
        (citation.document_number, NUMBER_MAX, "文号"),
        (citation.article, ARTICLE_MAX, "条款"),
        (citation.article_text, ARTICLE_TEXT_MAX, "条文内容"),
    ):
        if len(value) > limit:
            problems.append(f"{which}的{what}超过{limit:,}个字（现有{len(value):,}个字）")
    return problems


# --- 效力层级 ----------------------------------------------------------------------------------

# Other words clerks use for a level, besides its label.
LEVEL_ALIASES = {
    "国家法律": "law",
    "国务院的决定": "state_council_decision",
    "国务院令": "administrative_regulation",
    "自治区人民政府决定": "regional_decision",
    "自治区政府决定": "regional_decision",
    "自治区的决定": "regional_decision",
    "自治区人大常委会决定": "local_regulation",
    "自治条例": "autonomous_regulation",
    "单行条例": "autonomous_regulation",
    "规章": "departmental_rule",
    "国务院部门规章": "departmental_rule",
    "政府规章": "local_government_rule",
    "其他规范性文件": "normative_document",
    "行政规范性文件": "normative_document",
}
