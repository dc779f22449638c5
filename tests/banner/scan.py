"""What a second banner's visitors and staff read, and the words of 阿拉善右旗's own configuration
that none of it may contain (issue 17).

``forbidden_words`` is built from the configuration the code holds for 阿拉善右旗 (the site
settings' values the demo sets, the units of the demo's 附件1 with their addresses and phones),
not only typed by hand. ``fetch_everything`` returns the text of every public page, file and
feed, of a few admin pages (sign-in, dashboard, the edit forms with their help texts, the
settings page, the plan) and of the exports; ``leaks`` says which word is on which page.
"""

import datetime
import io
import re
import zipfile

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from credit import exports as credit_exports
from fixtures.demo_data import DEPARTMENTS
from sitesettings.models import (
    DEFAULTS_ALXA_RIGHT,
    FRESH_IDENTITY,
    FRESH_WORDING,
    WORDING_ALXA_RIGHT,
)

# Words naming 阿拉善右旗 or its league that are in no setting.
BY_HAND = {"阿拉善右旗", "阿右旗", "巴丹吉林", "全盟"}

UNIT_DETAILS = ("office_address", "public_phone", "leader_office_phone", "liaison_office_phone")


def forbidden_words(own_unit_names) -> set[str]:
    """阿拉善右旗's configuration: its settings' values that a fresh installation does not share
    (names, host unit, e-mail, wording), its units' names unless the second banner has a unit
    of that name too (公安局 is every banner's), their addresses and phones; and ``BY_HAND``."""
    words = set(BY_HAND)
    settings = ((DEFAULTS_ALXA_RIGHT, FRESH_IDENTITY), (WORDING_ALXA_RIGHT, FRESH_WORDING))
    for values, fresh in settings:
        words.update(v for k, v in values.items() if v and v != fresh[k])
    for unit in DEPARTMENTS:
        if not any(unit["name"] in own for own in own_unit_names):
            words.add(unit["name"])
        words.update(unit[key] for key in UNIT_DETAILS if unit.get(key))
    return words


def leaks(texts: dict[str, str], words: set[str]) -> list[str]:
    """ "<word>" on <page> for each forbidden word found (spaces and line breaks ignored, as a
    PDF's text may break a word)."""
    found = []
    for page, text in texts.items():
        squeezed = re.sub(r"\s+", "", text)
        for word in sorted(words):
            if word in text or re.sub(r"\s+", "", word) in squeezed:
                found.append(f"“{word}” on {page}")
    return found


# --- reading what was fetched --------------------------------------------------------------------


def docx_text(content: bytes) -> str:
    """The words of a .docx: every part's text runs joined (a word may span runs) and its
    properties (title, author)."""
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        parts = [n for n in docx.namelist() if n.endswith(".xml")]
        texts = []
        for name in parts:
            xml = docx.read(name).decode("utf-8")
            runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)
            texts.append("".join(runs) if runs else re.sub(r"<[^>]+>", " ", xml))
    return "\n".join(texts)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    return metadata + "\n" + "\n".join(page.extract_text() for page in reader.pages)


def xlsx_text(content: bytes) -> str:
    book = load_workbook(io.BytesIO(content))
    cells = [book.properties.title or "", book.properties.creator or ""]
    for sheet in book.worksheets:
        cells.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(v) for v in row if v is not None)
    return "\n".join(cells)


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "wordprocessingml" in kind:
        return docx_text(content)
    if "spreadsheetml" in kind:
        return xlsx_text(content)
    if "pdf" in kind:
        return pdf_text(content)
    return content.decode("utf-8-sig", errors="replace")


# --- what is fetched ---------------------------------------------------------------------------


def public_urls(banner) -> dict[str, str]:
    item, guide = banner.item, banner.guide
    department = item.department
    channel = banner.extra_fields[0]
    return {
        "home": reverse("public:home"),
        "catalog": reverse("public:catalog"),
        "catalog filtered": reverse("public:catalog")
        + f"?department={department.pk}&matter_type={banner.matter_type}"
        + f"&x_{channel.key}=一窗受理",
        "department catalog": reverse("public:department", args=[department.pk]),
        "departments": reverse("public:departments"),
        "item": reverse("public:item", args=[item.pk]),
        "letter form": reverse("public:letter_form", args=[item.pk]),
        "guides": reverse("public:guides"),
        "guide": reverse("public:guide", args=[guide.pk]),
        "letters": reverse("public:letters"),
        "letter": reverse("public:letter", args=[banner.letter.pk]),
        "revisions": reverse("public:revisions"),
        "revision": reverse("public:revision", args=[banner.revision.pk]),
        "search": reverse("search:results") + "?q=无犯罪记录",
        "search without result": reverse("search:results") + "?q=宇宙飞船驾驶证",
        "complaint form": reverse("public:complaint") + f"?item={item.pk}",
        "false commitment report": reverse("public:complaint_report"),
        "complaint lookup": reverse("public:complaint_lookup"),
        "complaint statistics": reverse("public:complaint_statistics"),
        "progress": reverse("public:progress"),
        "sampling": reverse("public:sampling"),
        "credit": reverse("public:credit"),
        "content overview": reverse("content_overview"),
        "content page": banner.content_page.url,
        "not found": "/catalog/item/987654/",
    }


def public_file_urls(banner) -> dict[str, str]:
    item = banner.item
    return {
        "letter form docx": reverse("public:letter_form_docx", args=[item.pk]),
        "letter form pdf": reverse("public:letter_form_pdf", args=[item.pk]),
        "catalog xlsx": reverse("public:catalog_export") + "?format=xlsx",
        "catalog csv": reverse("public:catalog_export") + "?format=csv",
        "letters csv": reverse("public:letters_export"),
        "feed": reverse("public:feed"),
        "letters feed": reverse("public:letters_feed"),
        "content feed": reverse("content_feed"),
        "sitemap": reverse("sitemap"),
    }


def staff_urls(banner) -> dict[str, tuple[str, str]]:
    """Admin pages and exports: (who reads them, url)."""
    from sitesettings.models import SiteIdentity
    from supervision.models import Plan

    settings_pk = SiteIdentity.load().pk
    export = reverse("catalog_export") + "?kind=published&format="
    return {
        "admin login": ("", reverse("wagtailadmin_login")),
        "admin dashboard": ("reviewer", reverse("wagtailadmin_home")),
        "admin item form": (
            "gaj_editor",
            reverse("wagtailsnippets_catalog_certificateitem:edit", args=[banner.item.pk]),
        ),
        "admin guide form": (
            "gaj_editor",
            reverse("wagtailsnippets_catalog_serviceguide:edit", args=[banner.guide.pk]),
        ),
        "admin 网站信息": (
            "admin",
            reverse("wagtailsettings:edit", args=["sitesettings", "siteidentity", settings_pk]),
        ),
        "admin 实施方案": (
            "reviewer",
            reverse("supervision_plans:edit", args=[Plan.objects.get(year=2021).pk]),
        ),
        "附件4 export xlsx": ("reviewer", export + "xlsx"),
        "附件4 export csv": ("reviewer", export + "csv"),
        "departments export": ("admin", reverse("departments_export") + "?format=xlsx"),
    }


def fetch_everything(banner) -> dict[str, str]:
    """The text of every page, file and feed, by name; each answered as expected."""
    texts = {}
    visitor = Client()
    for name, url in {**public_urls(banner), **public_file_urls(banner)}.items():
        response = visitor.get(url)
        expected = 404 if name == "not found" else 200
        assert response.status_code == expected, (name, url, response.status_code)
        texts[name] = text_of(response)
    for name, (who, url) in staff_urls(banner).items():
        staff = Client()
        if who:
            staff.force_login(banner.users[who])
        response = staff.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        texts[name] = text_of(response)
    # what credit_push sends to the credit platform above the banner
    texts["credit push json"] = credit_exports.as_json(datetime.date(2000, 1, 1))
    texts["credit push csv"] = credit_exports.as_csv(datetime.date(2000, 1, 1))
    return texts
