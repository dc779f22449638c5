"""A second banner set up from nothing but configuration (issue 17): starting from what the
migrations alone install, 鄂托克旗's administrator and justice bureau configure the platform
through the admin's own functions (``otog.CONFIGURATION``), an item walks from an editor's
draft through the leader, the countersign step and the justice bureau to the public site, and
no page, export, letter form or feed shows a word of 阿拉善右旗's own configuration
(``scan.forbidden_words``)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from catalog.enums import DepartmentKind
from catalog.models import Department
from catalog.spreadsheets.sessions import DepartmentDirectory
from sitesettings.selectors import forget_site_info
from supervision.models import Plan

from . import otog
from .scan import fetch_everything, forbidden_words, leaks


@pytest.fixture(autouse=True)
def _forget_settings():
    forget_site_info()
    yield
    forget_site_info()


@pytest.fixture
def banner(db):
    return otog.walk_item(otog.configure())


@pytest.fixture
def texts(banner):
    return fetch_everything(banner)


def test_a_fresh_installation_has_no_unit_and_names_no_government(db):
    assert not Department.objects.exists()
    words = forbidden_words([])
    pages = {name: Client().get(reverse(name)).content.decode() for name in FRESH_PAGES}
    found = leaks(pages, words)
    assert found == [], found
    assert "<title>首页</title>" in pages["public:home"]
    installed = [
        *Page.objects.values_list("title", flat=True),
        *Site.objects.values_list("site_name", flat=True),
        *Plan.objects.values_list("source", flat=True),
    ]
    assert not [t for t in installed for w in words if w in t], installed


FRESH_PAGES = ["public:home", "public:catalog", "public:progress", "public:complaint"]


def test_nothing_the_second_banner_shows_names_alxa_right_banner(banner, texts):
    words = forbidden_words(otog.UNITS) | banner.replaced_labels
    assert banner.replaced_labels == {"户籍管理"}
    found = leaks(texts, words)
    assert found == [], "阿拉善右旗的配置出现在：\n" + "\n".join(found)


def test_letter_forms_follow_the_changed_wording_and_state_its_version(banner, texts):
    """The wording approved in 告知承诺书文本 is version 2: the item page, the letter form and
    its Word and PDF files read it and say so; the letter registered after it keeps it."""
    assert banner.wording_version.number == 2
    new_text = otog.FALSE_COMMITMENT_INTRO
    for page in ("item", "letter form", "letter form docx", "letter form pdf"):
        squeezed = "".join(texts[page].split())
        assert new_text in squeezed, page
        if page != "item":
            assert "告知承诺书文本第2版" in squeezed, page
    assert banner.letter.wording_version == banner.wording_version


def test_the_new_matter_type_and_the_renamed_focus_area_are_what_the_public_reads(banner, texts):
    """The item is of the matter type added in 词表 and of the renamed focus area: both are
    shown with the configured labels on the item page, offered by the catalog's filters
    and the search's facets, and the home page's focus-area tiles read the new name."""
    assert "行政备案" in texts["item"] and "户籍与身份证明" in texts["item"]
    for page in ("catalog", "catalog filtered"):
        assert '<option value="filing"' in texts[page], page
    assert 'matter_type=filing">行政备案<span class="count">1</span>' in texts["search"]
    assert '<option value="filing" selected>行政备案</option>' in texts["catalog filtered"]
    assert otog.ITEM["name"] in texts["catalog filtered"]
    assert "户籍与身份证明" in texts["home"]
    assert "行政备案" in texts["附件4 export xlsx"]


def test_the_walked_item_is_on_every_public_page_of_the_catalog(banner, texts):
    name = otog.ITEM["name"]
    for page in ("catalog", "catalog filtered", "department catalog", "item", "feed"):
        assert name in texts[page], page
    # search results highlight the words found
    assert f'href="{reverse("public:item", args=[banner.item.pk])}"' in texts["search"]
    assert "<dt>办理渠道</dt><dd>一窗受理</dd>" in texts["item"]
    assert "办理渠道" in texts["附件4 export xlsx"] and "一窗受理" in texts["附件4 export xlsx"]
    assert otog.GUIDE["name"] in texts["guide"] and otog.GUIDE["hall"] in texts["guide"]
    assert "鄂旗实行告知承诺制的证明事项目录" in texts["附件4 export xlsx"]
    assert "<title>鄂旗实行告知承诺制的证明事项</title>" in texts["feed"]


def test_pages_show_the_second_banners_own_names_and_contacts(banner, texts):
    for page in ("home", "catalog", "item", "guide", "progress", "credit", "not found"):
        body = texts[page]
        assert "鄂托克旗</title>" in body, page
        assert "鄂托克旗司法局 主办" in body, page
        assert 'href="tel:0477-6212148"' in body, page
        assert "蒙ICP备05012345号-3" in body and "蒙公网安备15062402000123号" in body, page
    assert f"<h1>{otog.WORDING['home_headline']}</h1>" in texts["home"]
    assert otog.WORDING["complaint_introduction"] in texts["complaint form"]
    assert "证明事项告知承诺书（申请设立保安服务公司）" in texts["letter form docx"]
    assert set(otog.UNITS) <= set(texts["departments export"].split("\n"))
    assert '"source": "鄂托克旗证明事项告知承诺制信用记录"' in texts["credit push json"]


def test_annex1_units_get_their_kinds_and_given_contacts(banner):
    kinds = dict(Department.objects.values_list("name", "kind"))
    assert list(Department.objects.order_by("sort_order").values_list("name", flat=True)) == (
        otog.UNITS
    )
    assert kinds["乌兰镇人民政府"] == kinds["苏米图苏木人民政府"] == DepartmentKind.TOWNSHIP
    assert kinds["国家税务总局鄂托克旗税务局"] == DepartmentKind.VERTICAL_UNIT
    assert kinds["鄂托克旗消防救援大队"] == DepartmentKind.FIRE_BRIGADE
    assert kinds["公安局"] == DepartmentKind.BANNER_DEPARTMENT
    assert Department.objects.get(name="司法局").liaison_mobile == "19904770002"


@pytest.mark.parametrize(
    "written, unit",
    [
        ("鄂托克旗公安局", "公安局"),
        ("鄂旗公安局", "公安局"),
        ("旗公安局", "公安局"),
        ("公安局", "公安局"),
        ("消防救援大队", "鄂托克旗消防救援大队"),
        ("旗消防救援大队", "鄂托克旗消防救援大队"),
        ("阿拉善右旗公安局", None),
        ("阿右旗公安局", None),
    ],
)
def test_unit_names_are_matched_with_or_without_the_configured_government_name(db, written, unit):
    banner = otog.SecondBanner()
    otog.administrators(banner)
    otog.site_settings(banner)
    otog.units_from_annex1(banner)
    found = DepartmentDirectory().get(written)
    assert (found.name if found else None) == unit
