"""The admin's global search (the sidebar's 搜索): items, guides, signed letters and departments
in the user's scope, understood as the listings understand Chinese; never an images page."""

import json
import re

import pytest
from django.urls import reverse

from commitments.letters.services import letter_register
from commitments.models import LetterAccessLog

from ..factories import make_item
from ..guides.helpers import make_guide
from ..letters.helpers import PERSON_ID, TODAY, disclosed_item, person

SEARCH = reverse("admin_search")
ROLES = ["editor_a", "leader_a", "reviewer", "supervisor", "administrator"]


def search(client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return response


def hits_html(response) -> str:
    """The results (hits) only, without the query the user typed, which the page repeats."""
    html = response.content.decode()
    return "".join(re.findall(r'<ul class="records-search__hits">.*?</ul>', html, re.S))


def section(response, label):
    found = [s for s in response.context["sections"] if s.label == label]
    return found[0] if found else None


def titles(response, label) -> set[str]:
    s = section(response, label)
    return {hit.title for hit in s.hits} if s else set()


@pytest.fixture
def records(dept_a, dept_b, editor_a, editor_b, reviewer):
    """The word 就业 in both departments: a draft item and a guide each, a published item and
    a signed letter in 甲局."""
    items = {
        "a_draft": make_item(editor_a, dept_a, name="甲局就业证明"),
        "b_draft": make_item(editor_b, dept_b, name="乙局就业证明"),
    }
    guides = {
        "a": make_guide(editor_a, dept_a, name="甲局就业登记"),
        "b": make_guide(editor_b, dept_b, name="乙局就业登记"),
    }
    published = disclosed_item(editor_a, dept_a, reviewer, name="甲局就业困难证明")
    letter = letter_register(
        user=editor_a, item=published, fields=person(), disclose=True, today=TODAY
    )
    return {"items": items, "guides": guides, "published": published, "letter": letter}


def test_editor_finds_own_departments_items_guides_and_letters_and_nothing_of_another(
    client, records, editor_a
):
    client.force_login(editor_a)
    response = search(client, "就业")
    assert titles(response, "证明事项") == {"甲局就业证明", "甲局就业困难证明"}
    assert titles(response, "办事指南") == {"甲局就业登记"}
    assert titles(response, "承诺书") == {f"甲局{records['letter'].number_label}"}
    html = response.content.decode()
    assert "乙局" not in html


def test_another_departments_editor_finds_only_their_own(client, records, editor_b):
    client.force_login(editor_b)
    response = search(client, "就业")
    assert titles(response, "证明事项") == {"乙局就业证明"}
    assert titles(response, "办事指南") == {"乙局就业登记"}
    assert titles(response, "承诺书") == set()
    assert "甲局" not in response.content.decode()


def test_reviewer_finds_every_departments_items_drafts_included(client, records, reviewer):
    client.force_login(reviewer)
    response = search(client, "就业")
    assert titles(response, "证明事项") == {"甲局就业证明", "乙局就业证明", "甲局就业困难证明"}
    assert titles(response, "办事指南") == {"甲局就业登记", "乙局就业登记"}


def test_search_understands_chinese_like_the_listings(client, records, editor_a):
    """Traditional characters and full-width input find the same items; each section links
    to its listing with the same query, which lists the same rows."""
    client.force_login(editor_a)
    for query in ("就業", "甲局　就业", "甲局 就業 證明"):
        assert "甲局就业证明" in titles(search(client, query), "证明事项"), query
    response = search(client, "就業")
    guides = section(response, "办事指南")
    listing = client.get(guides.more_url)
    assert {g.name for g in listing.context["object_list"]} == {"甲局就业登记"}


def test_hits_open_the_edit_form_for_editors_and_the_read_view_for_readers(
    client, records, editor_a, supervisor
):
    item = records["items"]["a_draft"]
    client.force_login(editor_a)
    hit = next(h for h in section(search(client, "甲局就业证明"), "证明事项").hits)
    assert hit.url == reverse("wagtailsnippets_catalog_certificateitem:edit", args=[item.pk])
    client.force_login(supervisor)
    hit = next(h for h in section(search(client, "甲局就业证明"), "证明事项").hits)
    assert hit.url == reverse("wagtailsnippets_catalog_certificateitem:inspect", args=[item.pk])
    assert client.get(hit.url).status_code == 200


def test_letters_by_number_and_item_never_show_personal_data(client, records, supervisor):
    letter = records["letter"]
    client.force_login(supervisor)
    for query in (f"第{letter.number}号", letter.number_label, "就业困难"):
        response = search(client, query)
        assert titles(response, "承诺书") == {f"甲局{letter.number_label}"}, query
        html = hits_html(response)
        assert PERSON_ID not in html and "张三丰" not in html and "19904831234" not in html
        assert "张某" in html  # masked, as in the letter list


def test_personal_data_are_searched_only_in_the_users_own_departments_and_logged(
    client, records, editor_a, supervisor, reviewer
):
    letter = records["letter"]
    # a reviewer or supervisor (every department, but not its staff) cannot find a person
    for user in (supervisor, reviewer):
        client.force_login(user)
        for query in ("张三丰", PERSON_ID):
            assert titles(search(client, query), "承诺书") == set(), (user, query)
    assert not LetterAccessLog.objects.exists()

    # the department's own editor can, sees the applicant masked, and the hit is logged
    client.force_login(editor_a)
    response = search(client, PERSON_ID)
    assert titles(response, "承诺书") == {f"甲局{letter.number_label}"}
    assert "张某" in hits_html(response)
    assert PERSON_ID not in hits_html(response) and "张三丰" not in hits_html(response)
    log = LetterAccessLog.objects.get()
    assert (log.letter, log.user) == (letter, editor_a)
    assert "检索" in log.purpose or "搜索" in log.purpose

    # a hit through the item's name needs no personal data and is not logged
    search(client, "就业困难")
    assert LetterAccessLog.objects.count() == 1


def sidebar_search_url(client) -> str:
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    modules = json.loads(props.group(1))["modules"]
    (module,) = [m for m in modules if m["_type"] == "wagtail.sidebar.SearchModule"]
    return module["_args"][0]


@pytest.mark.parametrize("role", ROLES)
def test_sidebar_search_leads_every_role_to_the_records_search_never_to_images(
    client, request, records, role
):
    client.force_login(request.getfixturevalue(role))
    assert sidebar_search_url(client) == SEARCH
    html = search(client, "就业").content.decode()
    assert "图片" not in html[html.index("<main") :]
    assert "就业" in html
