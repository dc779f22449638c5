"""The public search page: one box everywhere, a normal page for any input, published only."""

import pytest
from django.urls import reverse

from publishing.services import catalog_revision_publish
from search.models import SearchDocument

from ..factories import make_item, publish

pytestmark = pytest.mark.django_db

SEARCH = "/search/"
BOX = (
    '<form class="site-search" role="search" action="/search/" method="get">\n'
    '  <label class="visually-hidden" for="site-search-q">检索证明事项</label>\n'
    '  <input id="site-search-q" type="search" name="q"'
)


@pytest.fixture
def lawyer_item(editor_a, dept_a, reviewer):
    return publish(
        make_item(
            editor_a,
            dept_a,
            name="无犯罪记录证明",
            purpose="律师事务所申请设立分所",
            remarks="<b>限于</b>原在区内执业",
        ),
        editor_a,
        reviewer,
    )


def test_every_public_page_has_the_labelled_search_box(client, lawyer_item, dept_a, reviewer):
    revision = catalog_revision_publish(user=reviewer, year=2021)
    pages = [
        reverse("public:catalog"),
        reverse("public:department", args=[dept_a.pk]),
        reverse("public:item", args=[lawyer_item.pk]),
        reverse("public:departments"),
        reverse("public:revisions"),
        revision.get_absolute_url(),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count(BOX) == 1, url
    # the search page's own box (which keeps the filters) takes the header box's place
    for url in [SEARCH, SEARCH + "?q=律师"]:
        body = client.get(url).content.decode()
        assert BOX not in body
        assert body.count('<form class="hero-search" role="search" method="get"') == 1
        assert '<label for="search-page-q" class="visually-hidden">检索词</label>' in body


def test_home_page_has_a_big_search_box_in_place_of_the_header_box(client):
    body = client.get(reverse("public:home")).content.decode()
    hero = '<form class="hero-search" role="search" action="/search/" method="get">'
    assert body.count(hero) == 1
    assert '<label for="hero-search-q">我要办的事需要哪个证明？' in body
    assert BOX not in body


def test_search_page_lists_highlighted_results_with_department_and_type(
    client, lawyer_item, alxa_site_settings
):
    body = client.get(SEARCH, {"q": "律师"}).content.decode()
    assert "<title>“律师”的检索结果 - 阿拉善右旗</title>" in body
    assert "共找到 <strong>1</strong> 个证明事项。" in body
    assert f'<a href="/catalog/item/{lawyer_item.pk}/">无犯罪记录证明</a>' in body
    assert "<mark>律师</mark>事务所申请设立分所" in body
    assert "甲局 · 行政许可 · 县级" in body
    assert 'value="律师"' in body


def test_the_url_of_a_filtered_page_can_be_shared(client, lawyer_item, dept_a):
    params = {"q": "律师", "department": dept_a.pk, "matter_type": "licensing", "page": 1}
    body = client.get(SEARCH, params).content.decode()
    assert "共找到 <strong>1</strong> 个证明事项（已按条件筛选）。" in body
    assert f'<input type="hidden" name="department" value="{dept_a.pk}">' in body
    assert '<input type="hidden" name="matter_type" value="licensing">' in body
    assert f'aria-label="取消“{dept_a.name}”"' in body


def test_facet_options_link_each_value_and_escape_department_names(
    client, editor_a, dept_a, reviewer
):
    dept_a.name = '甲局<script>alert("x")</script>'
    dept_a.save()
    item = publish(make_item(editor_a, dept_a, name="甲局户籍证明"), editor_a, reviewer)
    assert item.matter_type == "licensing"  # the filter below selects it
    body = client.get(SEARCH, {"q": "户籍", "matter_type": "licensing"}).content.decode()
    assert "<script>alert" not in body
    assert (
        '<li><a href="?q=%E6%88%B7%E7%B1%8D&amp;matter_type=licensing&amp;'
        f'department={dept_a.pk}">'
        '甲局&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<span class="count">1</span></a></li>'
    ) in body
    assert (
        '<li><strong aria-current="true">行政许可<span class="count">1</span></strong> '
        '<a class="clear" href="?q=%E6%88%B7%E7%B1%8D" aria-label="取消“行政许可”">取消</a></li>'
    ) in body


def test_empty_query_invites_a_search(client, lawyer_item):
    body = client.get(SEARCH, {"q": ""}).content.decode()
    assert "<h1>检索证明事项</h1>" in body
    assert "输入证明名称" in body
    assert "共找到" not in body


def test_overlong_query_is_cut_and_said_so(client, lawyer_item):
    body = client.get(SEARCH, {"q": "律师" * 300}).content.decode()
    assert "检索词太长，只使用了前 60 个字。" in body
    assert 'value="' + "律师" * 30 + '"' in body
    assert "共找到 <strong>1</strong> 个证明事项。" in body


# (input, outcome): words such as OR, NEAR or script are ordinary search terms, never
# operators: a query that contains them finds nothing as a whole, and the page says that only
# its other words were found (relaxation).
FOUND, RELAXED = "found", "found some of the words"
NOT_FOUND, UNSEARCHABLE = "not found", "nothing to search"
OUTCOMES = {
    FOUND: "共找到 <strong>1</strong> 个证明事项",
    RELAXED: "没有完全符合的结果，以下证明事项与“律师”",
    NOT_FOUND: "不在本旗实行告知承诺制的证明事项目录中",
    UNSEARCHABLE: "检索词中没有可以检索的汉字、字母或数字",
}
BAD_INPUT = [
    ("\x00\x01律师\x1f\x7f", FOUND),
    ("<script>alert(1)</script>律师", RELAXED),
    ("<<<律师>>>", FOUND),
    ('律师"><img src=x onerror=alert(1)>', RELAXED),
    ("'; DROP TABLE catalog_search_searchdocument; --", NOT_FOUND),
    ('"', UNSEARCHABLE),
    ('"律师', FOUND),
    ("律师\"'", FOUND),
    ("律师*", FOUND),
    ("*", UNSEARCHABLE),
    ("(律师", FOUND),
    ("NEAR(律师 分所)", RELAXED),
    ("律师 OR 分所", RELAXED),
    ("律师 AND NOT 分所", RELAXED),
    ("{name_tokens}: 律师", RELAXED),
    ("^律师", FOUND),
    ("'律师' <-> '分所' | !", FOUND),
    ("😀", UNSEARCHABLE),
    ("律师😀🎉", FOUND),
    ("%_\\", UNSEARCHABLE),
    ("\u202e律师\u200b", FOUND),
]


@pytest.mark.parametrize(("text", "outcome"), BAD_INPUT)
def test_any_input_gives_a_normal_page_and_is_never_echoed_unescaped(
    client, lawyer_item, text, outcome
):
    response = client.get(SEARCH, {"q": text})
    assert response.status_code == 200
    body = response.content.decode()
    for dangerous in ("<script>alert", "<img src=x", "\x00", "\u202e", "'; DROP"):
        assert dangerous not in body
    assert SearchDocument.objects.count() == 1  # nothing was dropped or changed
    shown = {o for o, text in OUTCOMES.items() if text in body}
    assert shown == ({FOUND, RELAXED} if outcome == RELAXED else {outcome})


def test_input_without_searchable_characters_says_so(client):
    body = client.get(SEARCH, {"q": "😀 ！？"}).content.decode()
    assert "检索词中没有可以检索的汉字、字母或数字，请换一个说法。" in body


@pytest.mark.parametrize(
    "params",
    [
        {"q": "律师", "page": "abc"},
        {"q": "律师", "page": "-3"},
        {"q": "律师", "page": "99999999999999999999"},
        {"q": "律师", "department": "x"},
        {"q": "律师", "department": "99999999999999999999"},
        {"q": "律师", "matter_type": "<b>x</b>", "level": "'", "focus_area": "\x00"},
    ],
)
def test_bad_page_and_filter_values_are_ignored(client, lawyer_item, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "共找到 <strong>1</strong> 个证明事项。" in body
    assert "<b>x</b>" not in body


def test_only_get_is_allowed(client):
    assert client.post(SEARCH, {"q": "律师"}).status_code == 405


def test_remarks_with_markup_are_escaped_in_snippets(client, lawyer_item):
    body = client.get(SEARCH, {"q": "原在区内"}).content.decode()
    assert (
        '<span class="muted">备注：</span>&lt;b&gt;限于&lt;/b&gt;<mark>原在区内</mark>执业' in body
    )


def test_an_index_entry_for_an_unpublished_item_is_never_shown(
    client, editor_a, dept_a, lawyer_item
):
    draft = make_item(editor_a, dept_a, name="草稿子丑寅证明")
    stray = SearchDocument.objects.get(item=lawyer_item)
    stray.pk = draft.pk
    stray.save(force_insert=True)  # as if the index had drifted
    body = client.get(SEARCH, {"q": "律师"}).content.decode()
    assert f"/catalog/item/{draft.pk}/" not in body
    assert "草稿子丑寅" not in body


def test_only_scattered_matches_are_announced_as_such(
    client, editor_a, dept_a, reviewer, without_vocabulary
):
    publish(make_item(editor_a, dept_a, name="居住地住址证明"), editor_a, reviewer)
    body = client.get(SEARCH, {"q": "居住证明"}).content.decode()
    assert (
        '<p class="notice">没有完全包含“居住证明”的证明事项，以下结果只包含其中部分文字，'
        "请核对是否是您要找的证明。</p>"
    ) in body
    assert "<mark>居住</mark>地<mark>住</mark>址<mark>证明</mark>" in body


def test_unreachable_elasticsearch_falls_back_to_the_database_index(
    client, lawyer_item, settings, caplog
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = 0.5
    settings.SEARCH_BACKEND = "elasticsearch"
    body = client.get(SEARCH, {"q": "律师"}).content.decode()
    assert "共找到 <strong>1</strong> 个证明事项。" in body
    assert "search: elasticsearch failed, answering from the database index" in caplog.text
