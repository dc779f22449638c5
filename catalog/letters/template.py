"""The letter form of a published certificate item, part by part as in 附件3 of the seed.

The document is a list of typed blocks, so that the web page, the Word file and the PDF show
the same text in the same order. The fixed wording is a published version of the letter
wording (``wording.py``, edited in the admin; the form states its version); the parts
marked 填 are filled from the item's *published* version (the row of a live item, never a
draft revision).
"""

from dataclasses import dataclass, field

from vocabularies import reader
from vocabularies.enums import Vocabulary

from ..enums import VerificationMethod
from .wording import DEFAULT_TEXTS, LetterWordingText, chinese_date

BLANK = "_" * 14
SHORT_BLANK = "_" * 6
DATE_BLANK = "______年____月____日"

# Today's texts under their old names (version 1 of the wording, ``wording.DEFAULT_TEXTS``).
COMMITMENT_WAY = DEFAULT_TEXTS["commitment_way"]
AGENT_NOT_ALLOWED = DEFAULT_TEXTS["agent_not_allowed"]
AGENT_ALLOWED = DEFAULT_TEXTS["agent_allowed"]
COMMITMENT_EFFECT = DEFAULT_TEXTS["commitment_effect"]
FALSE_COMMITMENT_INTRO = DEFAULT_TEXTS["false_commitment_intro"]
COMMITMENTS_INTRO = DEFAULT_TEXTS["commitments_intro"]
COMMITMENT_LINES = tuple(DEFAULT_TEXTS[f"commitment_{n}"] for n in range(1, 6))
COOPERATION = DEFAULT_TEXTS["cooperation"]
COPIES_NOTE = DEFAULT_TEXTS["copies_note"]
RETURN_UNKNOWN = DEFAULT_TEXTS["return_unknown"]


def return_sentence(return_by, wording: LetterWordingText) -> str:
    """The return deadline as the form states it: the date of a case, else a blank."""
    if return_by is None:
        return wording.return_unknown
    return wording.fill("return_dated", 日期=chinese_date(return_by))


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
    # which version of the wording (告知承诺书文本第N版) the form follows
    wording_statement: str
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


def _verification(item, wording: LetterWordingText) -> str:
    if item.verification_method == VerificationMethod.EXEMPT:
        text = wording.verification_exempt
    else:
        method = reader.label(Vocabulary.VERIFICATION_METHOD, item.verification_method)
        days = item.verification_time_limit_days
        text = wording.fill("verification", 核查方式=method, 工作日=days)
    if item.verification_details:
        text += item.verification_details
    return text


def _disclosure(item, wording: LetterWordingText) -> str:
    if not item.letters_disclosed:
        return wording.not_disclosed
    scope = reader.label(Vocabulary.DISCLOSURE_SCOPE, item.disclosure_scope)
    return wording.fill("disclosed", 公开范围=scope, 月数=item.disclosure_period_months)


def letter_template_for(
    item, *, follows: str, wording: LetterWordingText, return_by=None
) -> CommitmentLetterTemplate:
    """The letter form of a published ``item``; ``follows`` names the catalog revision and
    ``wording`` is the version of the fixed texts (``selectors.current_letter_wording`` for a
    new form, the letter's own version for a registered letter).

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
        agent_block.append(Block("note", wording.agent_column_note))
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
        _para(wording.commitment_way),
        _para(wording.agent_allowed if item.agent_may_commit else wording.agent_not_allowed),
        _para(return_sentence(return_by, wording)),
        _sub("（七）承诺的效力"),
        _para(wording.commitment_effect),
        _para(_verification(item, wording)),
        _sub("（八）不实承诺的责任"),
        _para(wording.false_commitment_intro),
        _para(item.false_commitment_consequences),
        _sub("（九）承诺的公开"),
        _para(_disclosure(item, wording)),
        _heading("三、申请人承诺"),
        _para(wording.commitments_intro),
        _para(wording.commitment_1),
        _para(wording.commitment_2),
        Block("blank_lines", count=3),
        *(_para(line) for line in wording.commitment_lines[2:]),
        _para(wording.cooperation),
        Block(
            "signatures",
            fields=(("申请人签名：", ""), ("（捺印 / 盖章）", ""), ("日期：", DATE_BLANK)),
            right=(("行政机关（公章）：", ""), ("经办人：", ""), ("日期：", DATE_BLANK)),
        ),
        Block("note", wording.copies_note),
    ]
    return CommitmentLetterTemplate(
        title=wording.title,
        matter=f"（{item.purpose}）",
        number_line="（_____年）第_____号",
        blocks=tuple(blocks),
        follows=follows,
        wording_statement=wording.statement,
        department_name=department.name,
        item_name=item.name,
        filename_stem=f"{item.name}告知承诺书",
    )
