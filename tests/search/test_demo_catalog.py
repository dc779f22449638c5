"""The relevance set and the search page on the demo catalog, loaded by the real demo loader,
against every backend: the database's full-text index (SQLite FTS5, or PostgreSQL when
DATABASE_URL points to one) and Elasticsearch (ELASTICSEARCH_URL, else the osmem emulator)."""

import re

import pytest
from django.core.cache import cache

from catalog.models import CertificateItem
from search.analysis import parse_query, run_syllables
from search.backends import SearchFilters, get_database_backend
from search.ranking import plan
from search.selectors import SYNONYM_CACHE_KEY, synonyms

from .relevance import CASES, FIELDS, OTHER, QUERY_FORMS, UNPUBLISHED

pytestmark = pytest.mark.django_db
BACKENDS = ["database", "elasticsearch"]


@pytest.fixture(autouse=True, scope="module")
def _forget_synonyms_afterwards():
    yield
    cache.delete(SYNONYM_CACHE_KEY)


def backend_of(name, demo):
    return get_database_backend() if name == "database" else demo.es


def search(backend, text, filters=None, limit=100):
    return backend.search(
        parse_query(text, synonyms()), filters or SearchFilters(), offset=0, limit=limit
    )


def live_keys(demo) -> set[str]:
    return {demo.keys[i] for i in CertificateItem.objects.live().values_list("pk", flat=True)}


def test_relevance_set_covers_every_query_form_and_every_field():
    tags = {tag for case in CASES for tag in case.forms}
    assert len(CASES) >= 60
    assert tags - (QUERY_FORMS | FIELDS | OTHER) == set()
    assert QUERY_FORMS - tags == set()
    assert FIELDS - tags == set()
    assert len({case.query for case in CASES}) == len(CASES)


def test_demo_loader_indexes_exactly_the_published_items(demo_catalog):
    live = live_keys(demo_catalog)
    indexed = {demo_catalog.keys[i] for i in get_database_backend().fingerprints()}
    assert indexed == live
    assert live.isdisjoint(UNPUBLISHED)
    assert len(live) == 36


@pytest.mark.parametrize("backend_name", BACKENDS)
@pytest.mark.parametrize("case", CASES, ids=str)
def test_relevance(case, backend_name, demo_catalog):
    results = search(backend_of(backend_name, demo_catalog), case.query)
    found = demo_catalog.key_list(h.item_id for h in results.hits)
    assert len(found) == results.total  # every result fits on the page asked for
    problems = []
    if case.none and found:
        problems.append(f"expected no results, got {found}")
    if case.relaxed is not None and (results.relaxed is not None) != case.relaxed:
        problems.append(f"relaxed should be {case.relaxed}, is {results.relaxed}")
    if case.all_live and set(found) != live_keys(demo_catalog):
        problems.append(f"expected every published item, got {sorted(found)}")
    if case.first and set(found[: len(case.first)]) != set(case.first):
        problems.append(f"first {len(case.first)} should be {set(case.first)}")
    if case.order and found[: len(case.order)] != list(case.order):
        problems.append(f"should start with {list(case.order)}")
    missing = [k for k in case.include if k not in found]
    if missing:
        problems.append(f"missing {missing}")
    unwanted = [k for k in (*case.exclude, *UNPUBLISHED) if k in found]
    if unwanted:
        problems.append(f"unpublished items found: {unwanted}")
    assert not problems, f"{case.query!r} on {backend_name}: {problems}; results: {found}"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_elasticsearch_answers_exactly_like_the_database_index(case, demo_catalog):
    database = search(get_database_backend(), case.query)
    elasticsearch = search(demo_catalog.es, case.query)
    assert [(h.item_id, h.score) for h in elasticsearch.hits] == [
        (h.item_id, h.score) for h in database.hits
    ]
    assert (elasticsearch.total, elasticsearch.exact_total, elasticsearch.relaxed) == (
        database.total,
        database.exact_total,
        database.relaxed,
    )
    assert elasticsearch.facets == database.facets


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_facet_counts_leave_out_their_own_filter_and_apply_the_others(backend_name, demo_catalog):
    backend = backend_of(backend_name, demo_catalog)
    unfiltered = search(backend, "证明")
    assert unfiltered.facets["matter_type"] == {
        "licensing": 18,
        "confirmation": 4,
        "payment": 7,
        "public_service": 6,
        "other_power": 1,
    }
    licensing = search(backend, "证明", SearchFilters(matter_type="licensing"))
    assert licensing.total == 18
    assert licensing.facets["level"] == {"provincial": 2, "city": 3, "county": 16, "township": 1}
    both = search(backend, "证明", SearchFilters(matter_type="licensing", level="township"))
    assert [demo_catalog.keys[h.item_id] for h in both.hits] == ["yblz-homestead-none"]
    # each facet's counts ignore its own filter and apply the others
    assert both.facets["matter_type"] == {"licensing": 1, "payment": 3, "public_service": 1}
    assert both.facets["level"] == licensing.facets["level"]


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_results_are_paged_without_gaps_or_repeats(backend_name, demo_catalog):
    backend = backend_of(backend_name, demo_catalog)
    query = parse_query("证明", synonyms())
    pages = [
        backend.search(query, SearchFilters(), offset=offset, limit=10)
        for offset in (0, 10, 20, 30)
    ]
    ids = [h.item_id for page in pages for h in page.hits]
    assert [len(p.hits) for p in pages] == [10, 10, 10, 6]
    assert len(set(ids)) == 36
    assert ids == [h.item_id for h in search(backend, "证明").hits]


def test_elasticsearch_highlights_exact_hits_in_the_published_text(demo_catalog):
    results = search(demo_catalog.es, "无犯罪记录")
    first = results.hits[0]
    assert demo_catalog.keys[first.item_id] in {"sfj-lawyer-practice-record", "sfj-notary-record"}
    assert first.highlights["name"] == "<mark>无犯罪记录</mark>证明"


# --- the search page on the demo catalog ---------------------------------------------------------


def test_withdrawn_certificate_says_since_which_catalog_revision(client, demo_catalog):
    body = client.get("/search/", {"q": "林木权属证明"}).content.decode()
    assert "没有找到与“林木权属证明”有关的证明事项" in body
    assert "“林木权属证明”（林木采伐许可证核发，林草局）曾在证明事项目录中，自" in body
    assert re.search(r'自<a href="/catalog/revisions/\d+/">2021年第2版</a>起已从目录中取消', body)


def test_nothing_found_says_not_in_the_catalog_and_gives_the_contacts(client, demo_catalog):
    body = client.get("/search/", {"q": "出国护照"}).content.decode()
    assert "不在本旗实行告知承诺制的证明事项目录中" in body
    assert '<p class="looked-for">已查找：“出国护照”，都没有找到。</p>' in body
    assert "0483-6021221" in body  # 司法局's public phone in the demo data
    assert 'href="/departments/"' in body
    assert "曾在证明事项目录中" not in body


def test_a_question_says_which_words_were_searched_and_which_were_not_required(
    client, demo_catalog
):
    body = client.get("/search/", {"q": "办理居住证需要哪些材料"}).content.decode()
    assert "已按“居住证”检索；" in body
    assert "“哪些”“办理”“需要”“材料”是提问用语或每个证明事项都有的词" in body
    assert "居住证申领" in re.sub(r"</?mark>", "", body)
    assert "不在本旗实行告知承诺制的证明事项目录中" not in body


def test_a_relaxed_answer_says_it_is_only_partly_related_and_what_it_left_out(client, demo_catalog):
    body = client.get("/search/", {"q": "老人去世了领抚恤金"}).content.decode()
    assert "没有完全符合的结果，以下证明事项与“去世”“抚恤金”部分相关（不含“老人”）。" in body
    assert "丧葬补助金和抚恤金领取" in re.sub(r"</?mark>", "", body)
    assert "不在本旗实行告知承诺制的证明事项目录中" not in body


def test_nothing_found_for_a_question_lists_every_meaningful_word_looked_for(client, demo_catalog):
    body = client.get("/search/", {"q": "我想办出国护照 怎么签证"}).content.decode()
    assert "不在本旗实行告知承诺制的证明事项目录中" in body
    looked_for = re.search(r'<p class="looked-for">(.*?)</p>', body).group(1)
    assert "“出国护照”" in looked_for and "“签证”" in looked_for


def test_pinyin_hits_are_highlighted_in_the_characters(client, demo_catalog):
    body = client.get("/search/", {"q": "lvshi"}).content.decode()
    assert "<mark>律师</mark>事务所申请设立分所" in body
    assert "申请<mark>律师</mark>执业" in body


def test_body_hits_show_where_they_matched(client, demo_catalog):
    body = client.get("/search/", {"q": "污水池"}).content.decode()
    assert (
        '<span class="muted">证明的内容：</span>经营场所距离粪坑、<mark>污水池</mark>、'
        "垃圾场（站）、旱厕等污染源25米以上，并设置在…</p>"
    ) in body


def test_drafts_in_review_sent_back_and_pending_changes_never_show(client, demo_catalog):
    secrets = ["草稿甲乙丙", "审核中丁戊己", "退回庚辛壬", "低收入家庭成员", "实时核验"]
    for query in ["证明", "证", "无犯罪记录", "户籍", "健康", "经济困难", "死亡"]:
        body = client.get("/search/", {"q": query}).content.decode()
        for secret in secrets:
            assert secret not in body, (query, secret)


def test_facet_links_keep_the_query_and_drop_the_page(client, demo_catalog):
    response = client.get("/search/", {"q": "证明", "page": "2"})
    body = response.content.decode()
    link = 'href="?q=%E8%AF%81%E6%98%8E&amp;matter_type=licensing">行政许可<span class="count">18'
    assert link in body
    assert "第 2 / 2 页，共 36 项" in body
    filtered = client.get("/search/", {"q": "证明", "matter_type": "licensing"}).content.decode()
    assert "共找到 <strong>18</strong> 个证明事项（已按条件筛选）" in filtered
    assert 'aria-label="取消“行政许可”"' in filtered


def _start_signal(backend, cursor, snapshot, text):
    """The name-start signal of a one-term query, from the snapshot and from the database."""
    term = plan(parse_query(text))[0]
    exact = backend.dialect.match_ids(cursor, "name", term.phrase_clauses)
    return snapshot.starting(exact, term.starts), backend._start_ids(cursor, term.starts) & exact


def test_name_start_from_memory_agrees_with_the_database(demo_catalog):
    backend = get_database_backend()
    names = CertificateItem.objects.live().values_list("name", flat=True)
    prefixes = {name[:n] for name in names for n in range(2, len(name) + 1)}
    # the same starts in full pinyin and in initials, where every character has a reading
    for prefix in list(prefixes):
        syllables = run_syllables(prefix) if prefix.isalpha() else ()
        if syllables and all(syllables):
            prefixes |= {"".join(syllables), "".join(s[0] for s in syllables)}
    prefixes |= {"证明", "无犯罪记录证明", "户口", "hukou", "律师事务所", "不动产", "wfzjl"}
    compared = {"bi": 0, "py": 0, "pyi": 0}
    with backend.connection.cursor() as cursor:
        snapshot = backend.snapshot(cursor, backend._version(cursor))
        for text in sorted(prefixes):
            query = parse_query(text)
            if len(query.terms) != 1 or not plan(query)[0].starts:
                continue
            from_memory, from_database = _start_signal(backend, cursor, snapshot, text)
            if from_memory is None:  # longer than the kept start of the names
                continue
            assert from_memory == from_database, text
            if from_database:
                for stream, _tokens in plan(query)[0].starts:
                    compared[stream] += 1
    assert min(compared.values()) > 40, compared  # most prefixes start some name
