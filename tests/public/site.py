"""One of every public page type, for the tests that visit them all (shared links, axe)."""

from django.urls import reverse
from django.utils import timezone

from catalog.services import item_review
from publishing.letters.services import letter_register
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
        "search": reverse("search:results") + "?q=律师",
        "search without result": reverse("search:results") + "?q=宇宙飞船驾驶证",
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
