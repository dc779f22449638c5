"""The letter form of a published certificate item, part by part as in 附件3 of the seed.

The document is a list of typed blocks, so that the web page, the Word file and the PDF show
the same text in the same order. Fixed wording is the seed's; the parts marked 填 are filled
from the item's *published* version (the row of a live item, never a draft revision).
"""

from dataclasses import dataclass, field

from vocabularies import reader
from vocabularies.enums import Vocabulary

from ..enums import VerificationMethod

BLANK = "_" * 14
SHORT_BLANK = "_" * 6
DATE_BLANK = "______年____月____日"

COMMITMENT_WAY = (
    "本证明事项采用书面承诺方式，申请人愿意作出承诺的，应当向行政机关提交本人签字后的"
    "告知承诺书原件。"
)
AGENT_NOT_ALLOWED = "本证明事项必须由申请人作出承诺，不可代为承诺。"
AGENT_ALLOWED = "本证明事项可以由申请人作出承诺，也可以由受托代理人代为承诺。"
COMMITMENT_EFFECT = (
    "申请人书面承诺已经符合告知的条件、要求，并愿意承担不实承诺的法律责任后，"
    "行政机关不再索要有关证明而依据书面承诺办理相关事项。"
)
FALSE_COMMITMENT_INTRO = (
    "证明事项告知承诺失信行为信息纳入全盟公共信用信息目录，对执意隐瞒真实情况、"
    "提供虚假承诺办理有关事项的，依法作出如下处理："
)
COMMITMENTS_INTRO = "申请人现作出下列承诺："
COMMITMENT_LINES = (
    "（一）已经知晓行政机关告知的全部内容；",
    "（二）自身已符合行政机关告知的条件、要求，具体是：",
    "（三）愿意承担不实承诺的法律责任；",
    "（四）本告知承诺文书中填写的基本信息真实、准确；",
    "（五）上述承诺是申请人真实的意思表示。",
)
COOPERATION = "本人愿意配合对上述内容的调查、核查、核验。"
COPIES_NOTE = "（本文书一式两份，行政机关与申请人各执一份。）"
RETURN_UNKNOWN = "请在被告知期限内（______年____月____日前）递交签字后的告知承诺书原件。"


def return_sentence(return_by) -> str:
    """The return deadline as the form states it: the date of a case, else a blank."""
    if return_by is None:
        return RETURN_UNKNOWN
    date = f"{return_by.year}年{return_by.month}月{return_by.day}日"
    return f"请于 {date} 前递交签字后的告知承诺书原件。"


@dataclass(frozen=True)
class Block:
    """One piece of the document.

    kinds: ``heading`` (一、…), ``subheading`` (（一）…), ``fields`` (label: value pairs on one
    line; an empty value is a blank to fill in), ``paragraph``, ``choices`` (tick boxes),
    ``blank_lines`` (``count`` lines to write on), ``signatures`` (two columns of fields),
    ``note``.
    """

    kind: str
    text: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    right: tuple[tuple[str, str], ...] = ()
    items: tuple[str, ...] = ()
    count: int = 0

    @property
    def lines(self) -> range:
        return range(self.count)


@dataclass(frozen=True)
class CommitmentLetterTemplate:
    title: str
    matter: str
    number_line: str
    blocks: tuple[Block, ...]
    follows: str
    department_name: str
    item_name: str
    filename_stem: str = field(default="")


def _heading(text):
    return Block("heading", text)


def _sub(text):
    return Block("subheading", text)


def _para(text):
    return Block("paragraph", text)


def _fields(*pairs):
    return Block("fields", fields=tuple(pairs))


def _legal_basis(basis) -> str:
    """A basis as the letter quotes it, its text from the registry when it has none."""
    number = f"（{basis.document_number}）" if basis.document_number else ""
    text = basis.text
    return f"{basis.name}{number}{basis.article}" + (f"：{text}" if text else "")


def _verification(item) -> str:
    if item.verification_method == VerificationMethod.EXEMPT:
        text = "本证明事项免于核查，行政机关通过日常监管对承诺内容进行监督。"
    else:
        method = reader.label(Vocabulary.VERIFICATION_METHOD, item.verification_method)
        days = item.verification_time_limit_days
        text = f"行政机关将采取{method}方式，在受理后{days}个工作日内对承诺内容进行核查。"
    if item.verification_details:
        text += item.verification_details
    return text


def _disclosure(item) -> str:
    if not item.letters_disclosed:
        return "本承诺书不公开。"
    scope = reader.label(Vocabulary.DISCLOSURE_SCOPE, item.disclosure_scope)
    return (
        f"本承诺书{scope}，公开期限为{item.disclosure_period_months}个月，"
        "自行政机关登记承诺书之日起计算。公开时不显示身份证件号码、联系方式和详细地址，"
        "自然人只显示姓氏。"
    )


def letter_template_for(item, *, follows: str, return_by=None) -> CommitmentLetterTemplate:
    """The letter form of a published ``item``; ``follows`` names the catalog revision.

    ``return_by`` is the return deadline of one case (a date computed by the caller, the
    casework, on the working-day calendar); without it the form leaves the date blank."""
    department = item.department
    contact_phone = department.public_phone or department.liaison_office_phone
    agent_block = [
        _sub("（受托代理人）"),
        _fields(("姓　　名", "")),
        _fields(("证件类型", SHORT_BLANK), ("证件编号", "")),
        _fields(("联系方式", "")),
    ]
    if not item.agent_may_commit:
        agent_block.append(Block("note", "（本证明事项不可代为承诺，此栏不填。）"))
    blocks = [
        _heading("一、基本信息"),
        _sub("（一）申请人（自然人）"),
        _fields(("姓　　名", ""), ("联系方式", "")),
        _fields(("证件类型", SHORT_BLANK), ("证件编号", "")),
        _sub("（法人）"),
        _fields(("单位名称", "")),
        _fields(("证件类型", SHORT_BLANK), ("证　　号", "")),
        _fields(("法定代表人（负责人）", "")),
        _fields(("地　　址", "")),
        _fields(("联系方式", "")),
        *agent_block,
        _sub("（二）行政机关"),
        _fields(("名　　称", department.name)),
        _fields(("联 系 人", department.liaison_name), ("联系方式", contact_phone)),
        _heading("二、行政机关告知"),
        _sub("（一）证明事项名称"),
        _para(item.name),
        _sub("（二）证明用途"),
        _para(item.purpose),
        _sub("（三）设定证明的依据"),
        *(_para(_legal_basis(b)) for b in item.bases_in_order),
        _sub("（四）证明的内容（许可条件和材料要求）"),
        _para(item.certificate_content),
        _sub("（五）申请人是否愿意就上述事项采取承诺制的方式"),
        Block("choices", items=("1. 是", "2. 否")),
        _sub("（六）承诺的方式"),
        _para(COMMITMENT_WAY),
        _para(AGENT_ALLOWED if item.agent_may_commit else AGENT_NOT_ALLOWED),
        _para(return_sentence(return_by)),
        _sub("（七）承诺的效力"),
        _para(COMMITMENT_EFFECT),
        _para(_verification(item)),
        _sub("（八）不实承诺的责任"),
        _para(FALSE_COMMITMENT_INTRO),
        _para(item.false_commitment_consequences),
        _sub("（九）承诺的公开"),
        _para(_disclosure(item)),
        _heading("三、申请人承诺"),
        _para(COMMITMENTS_INTRO),
        _para(COMMITMENT_LINES[0]),
        _para(COMMITMENT_LINES[1]),
        Block("blank_lines", count=3),
        *(_para(line) for line in COMMITMENT_LINES[2:]),
        _para(COOPERATION),
        Block(
            "signatures",
            fields=(("申请人签名：", ""), ("（捺印 / 盖章）", ""), ("日期：", DATE_BLANK)),
            right=(("行政机关（公章）：", ""), ("经办人：", ""), ("日期：", DATE_BLANK)),
        ),
        Block("note", COPIES_NOTE),
    ]
    return CommitmentLetterTemplate(
        title="证明事项告知承诺书",
        matter=f"（{item.purpose}）",
        number_line="（_____年）第_____号",
        blocks=tuple(blocks),
        follows=follows,
        department_name=department.name,
        item_name=item.name,
        filename_stem=f"{item.name}告知承诺书",
    )
