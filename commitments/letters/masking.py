"""Personal data masking for every public surface of disclosed letters.

Persons are shown as surname + 某, organisations in full; identity numbers and phone numbers
are never shown; an address is cut down to its 苏木 / 镇 (or 乡 / 街道) at most.
"""

import re

# Two-character surnames (复姓) that are still in use.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "太史",
        "端木",
        "上官",
        "司马",
        "东方",
        "独孤",
        "南宫",
        "万俟",
        "闻人",
        "夏侯",
        "诸葛",
        "尉迟",
        "公羊",
        "赫连",
        "澹台",
        "皇甫",
        "宗政",
        "濮阳",
        "公冶",
        "太叔",
        "申屠",
        "公孙",
        "慕容",
        "仲孙",
        "钟离",
        "长孙",
        "宇文",
        "司徒",
        "鲜于",
        "司空",
        "闾丘",
        "子车",
        "亓官",
        "司寇",
        "巫马",
        "公西",
        "颛孙",
        "壤驷",
        "公良",
        "漆雕",
        "乐正",
        "宰父",
        "谷梁",
        "拓跋",
        "夹谷",
        "轩辕",
        "令狐",
        "段干",
        "百里",
        "呼延",
        "东郭",
        "南门",
        "羊舌",
        "微生",
        "梁丘",
        "左丘",
        "西门",
        "第五",
        "南荣",
        "即墨",
        "达奚",
        "褚师",
    ]
)
TOWNSHIP = re.compile(r"^(.*?(?:苏木|镇|乡|街道))")
COUNTY = re.compile(r"^(.*?(?:旗|县))")


def mask_person_name(name: str) -> str:
    """张三 → 张某, 欧阳明 → 欧阳某, 巴特尔 → 巴某 (names without a surname keep their first
    character, as court judgments do)."""
    name = (name or "").strip()
    if not name:
        return ""
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[0]
    return f"{surname}某"


def address_to_township(address: str) -> str:
    """The address down to its 苏木 / 镇 at most; "" when no such level can be found.

    阿拉善右旗巴丹吉林镇额肯呼都格路12号 → 阿拉善右旗巴丹吉林镇
    """
    address = (address or "").strip()
    for pattern in (TOWNSHIP, COUNTY):
        match = pattern.match(address)
        if match and not re.search(r"\d", match.group(1)):
            return match.group(1)
    return ""
