"""The public side of extra fields: only public values on the item page, filters for public
是/否 and 选项 fields, and search of public texts only."""

import pytest
from django.urls import reverse

from search.analysis import parse_query
from search.backends import SearchFilters, get_database_backend

from ..factories import make_item, publish


def found(text: str) -> list[int]:
    results = get_database_backend().search(parse_query(text), SearchFilters(), offset=0, limit=100)
    return [h.item_id for h in results.hits]


@pytest.fixture
def published(editor_a, dept_a, reviewer, online, portal, channel, motto, internal):
    values = {
        "online": True,
        "portal": "https://zwfw.example.gov.cn/a",
        "channel": "全程网办",
        "motto": "马上就办甲乙丙",
        "internal": "内部掌握丁戊己",
    }
    return publish(
        make_item(editor_a, dept_a, name="网办证明", extra_values=values), editor_a, reviewer
    )


@pytest.fixture
def other(editor_a, dept_a, reviewer, online, channel):
    values = {"online": False, "channel": "窗口办理"}
    return publish(
        make_item(editor_a, dept_a, name="窗口证明", extra_values=values), editor_a, reviewer
    )


def test_item_page_shows_public_extra_fields_with_labels_and_hides_the_others(client, published):
    page = client.get(reverse("public:item", args=[published.pk])).content.decode()
    assert "<dt>是否可网上办理</dt><dd>是</dd>" in page
    assert '<a href="https://zwfw.example.gov.cn/a" rel="noopener noreferrer">' in page
    assert "<dt>办理渠道</dt><dd>全程网办</dd>" in page
    assert "内部备忘" not in page and "内部掌握丁戊己" not in page


def test_a_retired_public_field_is_no_longer_shown_to_the_public(client, published, motto):
    motto.active = False
    motto.save()
    page = client.get(reverse("public:item", args=[published.pk])).content.decode()
    assert "服务口号" not in page and "马上就办甲乙丙" not in page


def test_catalog_filters_by_a_public_yes_no_field_and_a_choice_field(client, published, other):
    url = reverse("public:catalog")
    page = client.get(url).content.decode()
    assert 'name="x_online"' in page and 'name="x_channel"' in page
    assert 'name="x_motto"' not in page  # text fields are searched, not filtered

    listed = client.get(url, {"x_online": "yes"}).context["page"].object_list
    assert [i.pk for i in listed] == [published.pk]
    listed = client.get(url, {"x_online": "no"}).context["page"].object_list
    assert [i.pk for i in listed] == [other.pk]
    listed = client.get(url, {"x_channel": "窗口办理"}).context["page"].object_list
    assert [i.pk for i in listed] == [other.pk]
    # a value that is not a choice is ignored, like every unknown parameter
    listed = client.get(url, {"x_channel": "随便"}).context["page"].object_list
    assert {i.pk for i in listed} == {published.pk, other.pk}


def test_a_non_public_field_offers_no_filter(client, published, online):
    online.public = False
    online.save()
    page = client.get(reverse("public:catalog")).content.decode()
    assert 'name="x_online"' not in page
    listed = client.get(reverse("public:catalog"), {"x_online": "yes"}).context["page"]
    assert len(listed.object_list) == 1


def test_search_finds_an_item_by_a_public_text_value_but_not_by_a_non_public_one(published):
    assert found("马上就办甲乙丙") == [published.pk]
    assert found("全程网办") == [published.pk]
    assert found("内部掌握丁戊己") == []
