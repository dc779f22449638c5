"""Reading what people type: questions and task phrasing around the words that matter.

Citizens start from what they want to get done, in the words of a question: 办理居住证需要哪些
材料, 给老人办高龄津贴要带什么, 我想开饭店. Such a query is cut into segments with a small
dictionary (a minimum-segment split over the words below and the search vocabulary), and each
segment has a role:

``function``  question words, particles, greetings and pronouns (怎么, 哪些, 吗, 我想, 的): dropped.
``task``      task phrasing (办理, 申请, 需要, 材料, 手续, 开, 带): kept as an *optional* term. It
              never narrows the results, but where it stands next to a content word in an item
              (最低生活保障 + 申请 = the purpose 最低生活保障申请) the item ranks higher
              (``search.ranking``, "together").
``content``   everything else: consecutive content segments form one term, exactly as typed.

Characters are only ever removed as whole dictionary words, and words that *contain* a function
or task word (申请人, 主要, 开户, 思想, 民办, 去世 …) are in the dictionary themselves, so the
minimum-segment split keeps them whole. If nothing but function and task words is left, the
query is searched as typed.

Each content term is also split into *units* at the vocabulary's words (老人高龄津贴 → 老人 |
高龄津贴): when the whole query finds nothing, the search relaxes to the best subset of units
(``search.ranking.relaxation_candidates``).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

FUNCTION = "function"
TASK = "task"
CONTENT = "content"

# Question words, particles, greetings, pronouns: never part of what is looked for.
_FUNCTION_WORDS = """
    怎么 怎样 怎么样 如何 怎么办 怎么弄 怎么搞 怎办 咋 咋办 咋样 咋弄 咋整 怎
    什么 什么样 啥 啥样 哪些 哪个 哪种 哪类 哪里 哪儿 哪 在哪 在哪里 在哪儿 去哪 去哪里 去哪儿
    到哪 到哪里 到哪儿 多少 多久 多长时间 几天 几个 几种 能不能 能否 可不可以 可以 可以吗
    是否 是不是 有没有 需不需要 要不要 用不用 还要 还需要 需要吗 吗 呢 吧 啊 呀 嘛 哦 呗 么
    谁 为什么 为啥 请问 你好 您好 谢谢 麻烦 问一下 问下 一下 想问 想问问 咨询一下
    了解 知道 告诉 帮忙 帮我 给我 我该 应该 我想 我要 我想要 想要 想 我们 我家 我 咱
    的 了 个 一个 这个 那个 这种 那种 有关 相关 所需
    """
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

# Task phrasing: what people do with a certificate, not which certificate.
_TASK_WORDS = """
    办理 办 办个 申请 申办 申领 申报 补办 开具 开 开个 出具 需要 需 须 必须 要 带 携带
    提交 递交 交 提供 准备 材料 资料 手续 流程 步骤 条件 证件 东西 给 帮 替 请 去 找 领取 领
    拿 弄 搞 查询 咨询
    """
TASK_WORDS = frozenset(_TASK_WORDS.split())

# Words that contain a function or task word but carry content: kept whole by the split.
_PROTECTED_WORDS = """
    申请人 申请书 申请表 被申请人 办法 办事 办事处 办公 办公室 民办 举办 开办 承办 代办 创办
    兴办 主办 督办 办学 办案 街道办 开户 开发 开业 开设 开展 开采 公开 开工 开放 开除 开始
    离开 召开 开庭 开垦 开支 展开 分开 开票 要求 重要 主要 必要 要件 纪要 要素 摘要 要点 给付
    给予 供给 补给 地带 带动 连带 带薪 带领 思想 理想 目的 的确 为了 除了 了结 自我 我国 请求
    邀请 聘请 提请 报请 呈请 去世 过去 失去 除去 去向 个人 个体 个月 各个 个别 整个 无需 必需
    需求 无须 须知 提供方 领导 领域 认领 本领 占领 引领 交通 交易 交付 移交 交纳 交流 交警
    交接 外交 手续费
    """
PROTECTED_WORDS = frozenset(_PROTECTED_WORDS.split())

# Words every item has: never worth keeping on their own when a query is relaxed.
GENERIC_WORDS = frozenset(
    [
        "证明",
        "证",
        "证件",
        "证书",
        "证照",
        "材料",
        "资料",
        "手续",
        "文件",
        "表格",
        "事项",
        "相关证明",
    ]
)

STOP_WORDS = dict.fromkeys(FUNCTION_WORDS, FUNCTION) | dict.fromkeys(TASK_WORDS, TASK)
_LONGEST_BUILTIN = max(map(len, (*STOP_WORDS, *PROTECTED_WORDS)))


@dataclass(frozen=True)
class Piece:
    """A stretch of a Han run with one role; content pieces carry their units."""

    text: str
    role: str
    units: tuple[str, ...] = ()


def _segments(run: str, vocabulary: Container[str], longest: int) -> list[str]:
    """The split of ``run`` into the fewest segments, a segment being a dictionary word (stop,
    protected or vocabulary word) or a single character. Among equally short splits, the one
    found first from the left with the longest words wins."""
    n = len(run)
    longest = max(longest, _LONGEST_BUILTIN)
    cost = [0] + [n + 1] * n
    cut = [0] * (n + 1)
    for i in range(n):
        if cost[i] > n:
            continue
        for length in range(min(longest, n - i), 0, -1):
            word = run[i : i + length]
            if length > 1 and not (
                word in STOP_WORDS or word in PROTECTED_WORDS or word in vocabulary
            ):
                continue
            j = i + length
            if cost[i] + 1 < cost[j]:
                cost[j] = cost[i] + 1
                cut[j] = i
    segments = []
    j = n
    while j > 0:
        segments.append(run[cut[j] : j])
        j = cut[j]
    return segments[::-1]


def read_run(run: str, vocabulary: Container[str], longest: int = 0) -> list[Piece]:
    """The pieces of one normalised Han run, in order.

    ``vocabulary`` holds the search vocabulary's words (``longest``: the longest of them);
    they keep their characters together and mark the units of content pieces.
    """
    pieces: list[Piece] = []
    content: list[str] = []

    def flush():
        if content:
            pieces.append(Piece("".join(content), CONTENT, _units(content, vocabulary)))
            content.clear()

    for segment in _segments(run, vocabulary, longest):
        role = STOP_WORDS.get(segment)
        if role is None or segment in vocabulary:
            content.append(segment)
            continue
        flush()
        pieces.append(Piece(segment, role))
    flush()
    return pieces


def _units(segments: list[str], vocabulary: Container[str]) -> tuple[str, ...]:
    """Vocabulary words are units of their own; the characters between them form one unit."""
    units: list[str] = []
    pending = ""
    for segment in segments:
        if len(segment) > 1 and segment in vocabulary:
            if pending:
                units.append(pending)
                pending = ""
            units.append(segment)
        else:
            pending += segment
    if pending:
        units.append(pending)
    return tuple(units)
