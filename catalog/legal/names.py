"""How two spellings of one legal document, or of one article, are recognised as the same.

A document is cited as 《中华人民共和国律师法》, 中华人民共和国律师法, 《律师法》 or with full-width
letters and stray spaces; an article as 第十九条 or 第19条. :func:`document_key` folds the
spelling of a name (width, case, 《》 and quotes, spaces, bracket style); the registry keeps a key
for the full name and for every short name, and :func:`document_keys` adds the key without the
national prefix 中华人民共和国 that laws are commonly cited without. :func:`article_key` reads the
numbers of an article reference, so that 第三十五条第五款 and 第35条第5款 have one key.
"""

import re
import unicodedata

NATIONAL_PREFIX = "中华人民共和国"

_QUOTES = str.maketrans("", "", "《》〈〉<>“”‘’\"'「」『』")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "〔", "]": "〕", "［": "〔", "］": "〕"})
_SPACE = re.compile(r"\s+")

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL = r"[零〇○一二两三四五六七八九十百千\d]+"


def fold(text: str) -> str:
    """Width and case folded (NFKC), without spaces: the spelling noise of a name."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or "")).casefold()


def document_key(name: str) -> str:
    """The key of a name: 《中华人民共和国律师法》 and ＜中华人民共和国 律师法＞ are one."""
    return fold(name).translate(_QUOTES).translate(_BRACKETS)


def document_keys(name: str) -> list[str]:
    """The keys a name is found by: itself, and without 中华人民共和国 when it starts so."""
    key = document_key(name)
    keys = [key] if key else []
    if key.startswith(NATIONAL_PREFIX) and len(key) > len(NATIONAL_PREFIX) + 1:
        keys.append(key[len(NATIONAL_PREFIX) :])
    return keys


def chinese_number(numeral: str) -> int | None:
    """十九 → 19, 三十五 → 35, 一百零二 → 102, 二〇 → 20, 8 → 8; None if not a number."""
    numeral = unicodedata.normalize("NFKC", numeral)
    if numeral.isdigit():
        return int(numeral)
    if numeral and all(c in _DIGITS for c in numeral):  # 二〇二一 written digit by digit
        return int("".join(str(_DIGITS[c]) for c in numeral))
    total, current = 0, 0
    for char in numeral:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            return None
    return total + current


_PART = re.compile(
    rf"第\s*[（(]?\s*({NUMERAL})\s*[）)]?\s*(编|分编|章|节|条|款|项|目)(?:\s*之\s*({NUMERAL}))?"
    rf"|(附件|附表|附录)\s*({NUMERAL})?"
)
_LIST = re.compile(r"\s*(至|到|—|－|-|~|～|、|，|,|和|及|与|以及)\s*")


def _parts(text: str) -> list[str]:
    parts = []
    for match in _PART.finditer(text):
        if match.group(2):
            number = chinese_number(match.group(1))
            part = f"{match.group(2)}{number}"
            if match.group(3):
                part += f"之{chinese_number(match.group(3))}"
        else:
            number = match.group(5)
            part = match.group(4) + (str(chinese_number(number)) if number else "")
        parts.append(part)
    return parts


def article_key(article: str) -> str:
    """The numbers of an article reference: 第三十五条第五款 → 条35款5; "" for the whole document.

    Lists keep their separators (第十九条、第二十条 → 条19、条20; 第十二条至第十五条 → 条12至条15),
    so a list is one key; :func:`article_items` splits it.
    """
    if not article:
        return ""
    keys = []
    for piece in re.split(r"(至|到|、|，|,|和|及|与)", unicodedata.normalize("NFKC", article)):
        if piece in ("至", "到"):
            keys.append("至")
        elif piece in ("、", "，", ",", "和", "及", "与"):
            keys.append("、")
        else:
            parts = _parts(piece)
            keys.append("".join(parts) if parts else fold(piece))
    return "".join(keys).strip("、")


def article_items(article: str) -> list[str]:
    """The single references of an article list, each as a key, ranges of articles expanded:
    第十二条至第十四条 → [条12, 条13, 条14]; 第十九条、第二十条第二款 → [条19, 条20款2]."""
    key = article_key(article)
    if not key:
        return []
    items: list[str] = []
    for group in key.split("、"):
        bounds = group.split("至")
        if len(bounds) == 2:
            first, last = (re.fullmatch(r"条(\d+)", b) for b in bounds)
            if first and last and 0 <= int(last[1]) - int(first[1]) <= 50:
                items.extend(f"条{n}" for n in range(int(first[1]), int(last[1]) + 1))
                continue
        items.append(group)
    return [item for item in items if item]


def enclosing_article(item_key: str) -> str:
    """The article (条) a paragraph or item belongs to: 条35款5 → 条35; "" when there is none."""
    match = re.match(r"((?:编\d+)?(?:章\d+)?(?:节\d+)?条\d+(?:之\d+)?)(?:款|项|目)", item_key)
    return match.group(1) if match else ""


def text_of_article(texts: dict[str, str], article: str) -> str:
    """The text of ``article`` from a document's ``{article key: text}``: each cited article's
    text once, one per line; a paragraph or item without its own entry takes its article's
    text; "" when any cited article is missing."""
    found: list[str] = []
    for item in article_items(article):
        text = texts.get(item) or texts.get(enclosing_article(item))
        if not text:
            return ""
        if text not in found:
            found.append(text)
    return "\n".join(found)
