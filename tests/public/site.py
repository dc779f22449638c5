"""One of every public page type, for the tests that visit them all (shared links, axe)."""

from django.urls import reverse
from django.utils import timezone

from catalog.enums import LegalLevel
from catalog.services import item_review
from commitments.letters.services import letter_register
from publishing.services import catalog_revision_publish, item_withdraw

from ..factories import make_item, publish
from ..guides.helpers import make_guide, submit_guide
from ..letters.helpers import disclosed_item, person


def build_public_site(editor, department, reviewer) -> dict:
    """A published item with a disclosed letter and a guide that links it, two catalog
    revisions, and a withdrawn item."""
    item = disclosed_item(editor, department, reviewer)
    withdrawn = publish(
        make_item(editor, department, name="林木权属证明", purpose="林木采伐许可证核发"),
        editor,
        reviewer,
    )
    guide = submit_guide(make_guide(editor, department, item=item), editor)
    item_review(user=reviewer, item=guide, action="approve")
    guide.refresh_from_db()
    catalog_revision_publish(user=reviewer)
    item_withdraw(item=withdrawn, user=reviewer, reason="上位法修改后该证明已取消，不再索要。")
    revision = catalog_revision_publish(user=reviewer)
    today = timezone.localdate()
    letter = letter_register(
        user=editor,
        item=item,
        fields=person(received_on=today, signed_on=today),
        disclose=True,
    )
    return {
        "item": item,
        "withdrawn": withdrawn,
        "guide": guide,
        "letter": letter,
        "revision": revision,
        "department": department,
    }


def page_urls(site) -> dict[str, str]:
    """Every public HTML page type, by name."""
    item = site["item"]
    return {
        "home": reverse("public:home"),
        "catalog": reverse("public:catalog"),
        "department catalog": reverse("public:department", args=[site["department"].pk]),
        "departments": reverse("public:departments"),
        "item": reverse("public:item", args=[item.pk]),
        "letter form": reverse("public:letter_form", args=[item.pk]),
        "guides": reverse("public:guides"),
        "guide": reverse("public:guide", args=[site["guide"].pk]),
        "letters": reverse("public:letters"),
        "letters of an item": reverse("public:letters") + f"?item={item.pk}",
        "letter": reverse("public:letter", args=[site["letter"].pk]),
        "revisions": reverse("public:revisions"),
        "revision": reverse("public:revision", args=[site["revision"].pk]),
        "progress": reverse("public:progress"),
        "search": reverse("search:results") + "?q=律师",
        "search without result": reverse("search:results") + "?q=宇宙飞船驾驶证",
        "complaint form": reverse("public:complaint") + f"?item={item.pk}",
        "false commitment report": reverse("public:complaint_report"),
        "complaint receipt revisited": reverse("public:complaint_done"),
        "complaint lookup": reverse("public:complaint_lookup"),
        "complaint statistics": reverse("public:complaint_statistics"),
        "sampling results": reverse("public:sampling"),
        "not found": reverse("public:item", args=[987654]),
        "withdrawn item": reverse("public:item", args=[site["withdrawn"].pk]),
    }


def file_urls(site) -> dict[str, str]:
    """The public URLs that answer with something else than an HTML page."""
    item = site["item"]
    return {
        "letter docx": reverse("public:letter_form_docx", args=[item.pk]),
        "letter pdf": reverse("public:letter_form_pdf", args=[item.pk]),
        "catalog xlsx": reverse("public:catalog_export") + "?format=xlsx",
        "catalog csv": reverse("public:catalog_export") + "?format=csv",
        "letters csv": reverse("public:letters_export"),
        "feed": reverse("public:feed"),
        "letters feed": reverse("public:letters_feed"),
        "sitemap": reverse("sitemap"),
        "favicon": reverse("favicon"),
    }


ARTICLE_TEXTS = [
    "申请认定教师资格，应当提交教师资格认定申请表和身份证明、学历证书或者教师资格考试合格证明、"
    "体格检查证明，以及思想品德和有无犯罪记录等方面情况的鉴定及证明材料。",
    "居住证申领人应当向居住地公安派出所或者受公安机关委托的社区服务机构提交本人居民身份证、"
    "本人相片以及居住地住址、就业、就读等证明材料。",
    "国家对共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地最低生活保障家庭财产"
    "状况规定的家庭，给予最低生活保障。",
    "有下列情形之一的，不予核准执业：无民事行为能力或者限制民事行为能力的；受过刑事处罚的，"
    "但过失犯罪的除外；被开除公职或者被吊销执业证书的。",
]


LEVELS = [LegalLevel.LOCAL_GOVERNMENT_RULE, LegalLevel.ADMINISTRATIVE_REGULATION, LegalLevel.LAW]


def add_demo_sized_catalog(editor, department, reviewer, count: int = 33) -> list:
    """``count`` published items shaped like the demo's banner catalog (about 1.6 legal bases
    per item, article texts of 60-130 characters)."""
    items = []
    for n in range(count):
        bases = [
            {
                "name": f"《中华人民共和国第{n}号示例管理条例》",
                "document_number": f"国务院令第{500 + n}号",
                "article": f"第{n % 20 + 1}条",
                "article_text": ARTICLE_TEXTS[(n + k) % len(ARTICLE_TEXTS)],
                "legal_level": LEVELS[(n + k) % len(LEVELS)],
            }
            for k in range(1 + n % 2)
        ]
        item = make_item(
            editor,
            department,
            legal_bases=bases,
            name=f"示例证明第{n + 1}项",
            purpose=f"示例行政事项第{n + 1}项办理",
            remarks="限本旗户籍" if n % 3 == 0 else "",
        )
        items.append(publish(item, editor, reviewer))
    return items
