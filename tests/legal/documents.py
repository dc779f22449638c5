"""Registry documents for the tests: real documents with their real 文号 and article texts."""

import datetime

from catalog.enums import LegalLevel
from catalog.models import LegalArticle, LegalDocument, LegalDocumentName

LAWYERS_LAW_19 = (
    "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。设立分所，"
    "须经拟设立分所所在地的省、自治区、直辖市人民政府司法行政部门审核。"
    "申请设立分所的，依照本法第十八条规定的程序办理。"
)
FIRMS_RULES_35 = (
    "律师事务所申请设立分所，应当提交下列材料：\n"
    "（一）设立分所申请书；\n"
    "（二）律师事务所符合《律师法》和本办法规定的设立分所条件的证明材料；"
)


def make_document(
    name,
    *,
    aliases=(),
    number="",
    level=LegalLevel.LAW,
    articles=None,
    verified=True,
    **fields,
):
    document = LegalDocument(
        name=name, document_number=number, legal_level=level, verified=verified, **fields
    )
    document.save()
    for alias in aliases:
        LegalDocumentName.objects.create(document=document, name=alias)
    for article, text in (articles or {}).items():
        LegalArticle.objects.create(document=document, article=article, text=text)
    return document


def lawyers_law(**fields):
    return make_document(
        "中华人民共和国律师法",
        aliases=["律师法"],
        number="中华人民共和国主席令第七十六号",
        level=LegalLevel.LAW,
        issuing_body="全国人民代表大会常务委员会",
        promulgated_on=datetime.date(2017, 9, 1),
        effective_on=datetime.date(2018, 1, 1),
        articles={"第十九条": LAWYERS_LAW_19},
        **fields,
    )


def firms_rules(**fields):
    return make_document(
        "律师事务所管理办法",
        aliases=["律所管理办法"],
        number="司法部令第142号",
        level=LegalLevel.DEPARTMENTAL_RULE,
        issuing_body="司法部",
        articles={"第三十五条": FIRMS_RULES_35},
        **fields,
    )
