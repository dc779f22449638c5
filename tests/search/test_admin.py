"""The editors' listing search understands Chinese; administrators keep the synonyms."""

import re

import pytest
from django.urls import reverse

from search.models import Synonym

from ..factories import make_item, publish

pytestmark = pytest.mark.django_db

ITEMS = "wagtailsnippets_catalog_certificateitem"
SYNONYMS = "wagtailsnippets_catalog_search_synonym"


def listed(client, query: str) -> set[str]:
    html = client.get(reverse(f"{ITEMS}:list"), {"q": query}).content.decode()
    return set(re.findall(r"[^\s<>\"]+证明", html)) & NAMES


NAMES = {"甲局户籍证明", "甲局亲属关系证明", "乙局户籍证明", "甲局无违法犯罪记录证明"}


@pytest.fixture
def listing(editor_a, dept_a, editor_b, dept_b, reviewer):
    make_item(editor_a, dept_a, name="甲局户籍证明")  # a draft: the admin lists drafts
    publish(
        make_item(editor_a, dept_a, name="甲局亲属关系证明", purpose="投靠亲属户口迁移"),
        editor_a,
        reviewer,
    )
    make_item(editor_a, dept_a, name="甲局无违法犯罪记录证明")
    make_item(editor_b, dept_b, name="乙局户籍证明")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("户籍", {"甲局户籍证明"}),
        ("戶籍", {"甲局户籍证明"}),  # traditional
        ("户籍 甲局", {"甲局户籍证明"}),  # with a space
        ("户口迁移", {"甲局亲属关系证明"}),  # in the purpose
        ("籍户", {"甲局户籍证明"}),  # scattered characters within one field
        ("ＡＢＣ", set()),
        ("😀", set()),
    ],
)
def test_editor_listing_search_understands_chinese_within_the_editors_scope(
    client, editor_a, listing, query, expected, without_vocabulary
):
    client.force_login(editor_a)
    assert listed(client, query) == expected


def test_listing_search_uses_the_synonyms(client, editor_a, listing, without_vocabulary):
    Synonym.objects.create(term="户口", synonym="户籍")
    Synonym.objects.create(term="无犯罪", synonym="无违法犯罪记录")
    client.force_login(editor_a)
    assert listed(client, "户口") == {"甲局户籍证明", "甲局亲属关系证明"}
    assert listed(client, "无犯罪") == {"甲局无违法犯罪记录证明"}


def test_reviewer_adds_a_synonym_that_the_public_search_uses_at_once(
    client, reviewer, editor_a, dept_a
):
    item = publish(make_item(editor_a, dept_a, name="甲局体检证明"), editor_a, reviewer)
    assert "共找到" not in client.get("/search/", {"q": "查体"}).content.decode()
    client.force_login(reviewer)
    response = client.post(reverse(f"{SYNONYMS}:add"), {"term": "查体", "synonym": "体检"})
    assert response.status_code == 302
    assert Synonym.objects.filter(term="查体", synonym="体检", one_way=False).exists()
    client.logout()
    body = client.get("/search/", {"q": "查体"}).content.decode()
    assert f'<a href="/catalog/item/{item.pk}/">甲局<mark>体检</mark>证明</a>' in body


def test_a_one_way_mapping_finds_the_catalog_word_but_not_the_other_way_round(
    client, reviewer, editor_a, dept_a
):
    bought = publish(make_item(editor_a, dept_a, name="甲局红本证明"), editor_a, reviewer)
    deed = publish(make_item(editor_a, dept_a, name="甲局不动产权属证明"), editor_a, reviewer)
    client.force_login(reviewer)
    response = client.post(
        reverse(f"{SYNONYMS}:add"),
        {"term": "红本", "synonym": "不动产权属", "one_way": "on", "note": "俗称"},
    )
    assert response.status_code == 302
    client.logout()
    found = client.get("/search/", {"q": "红本"}).content.decode()
    assert f"/catalog/item/{bought.pk}/" in found and f"/catalog/item/{deed.pk}/" in found
    found = client.get("/search/", {"q": "不动产权属"}).content.decode()
    assert f"/catalog/item/{deed.pk}/" in found and f"/catalog/item/{bought.pk}/" not in found


@pytest.mark.parametrize(
    ("term", "synonym", "error"),
    [
        ("户口", "戶口", "同义词不能与检索词相同（繁简、全半角、大小写视为相同）。"),
        ("户籍", "户口", "“户口 ↔ 户籍”已经存在。"),
        ("！！", "户籍", "检索词至少要包含一个汉字、字母或数字。"),
    ],
)
def test_synonym_form_refuses_useless_pairs(
    client, administrator, term, synonym, error, without_vocabulary
):
    Synonym.objects.create(term="户口", synonym="户籍")
    client.force_login(administrator)
    response = client.post(
        reverse(f"{SYNONYMS}:add"), {"term": term, "synonym": synonym, "note": ""}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert Synonym.objects.count() == 1


def test_editors_cannot_change_synonyms(client, editor_a, without_vocabulary):
    client.force_login(editor_a)
    response = client.get(reverse(f"{SYNONYMS}:list"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    response = client.post(reverse(f"{SYNONYMS}:add"), {"term": "户口", "synonym": "户籍"})
    assert response.status_code == 302
    assert not Synonym.objects.exists()
