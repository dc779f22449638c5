"""Elasticsearch contract: stock analysis equivalent to the Python one, bulk indexing, alias
swaps without downtime, and the index kept in step after each commit. Runs against
ELASTICSEARCH_URL when set, else the osmem-server emulator (see conftest.py)."""

import io

import pytest
from django.core.management import call_command

from catalog.services import item_update
from publishing.services import item_withdraw
from search.analysis import parse_query
from search.backends import SearchBackendError, SearchFilters, get_search_backend
from search.backends.elasticsearch import DISPLAY, PRETOKENIZED, ElasticsearchBackend
from search.documents import build_document
from search.services import index_drift

from ..factories import make_item, publish

pytestmark = pytest.mark.django_db


def ids(backend, text):
    results = backend.search(parse_query(text), SearchFilters(), offset=0, limit=50)
    return [h.item_id for h in results.hits]


@pytest.fixture
def two_items(editor_a, dept_a, reviewer):
    first = publish(
        make_item(editor_a, dept_a, name="无犯罪记录证明", purpose="申请律师执业"),
        editor_a,
        reviewer,
    )
    second = publish(make_item(editor_a, dept_a, name="户籍证明"), editor_a, reviewer)
    return first, second


def test_index_definition_uses_stock_analysis_only(es_backend):
    definition = es_backend.index_definition("any").to_dict()
    assert definition["settings"]["analysis"]["analyzer"] == {
        "pretokenized": {"type": "custom", "tokenizer": "whitespace"},
        "display_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase"],
        },
    }
    properties = definition["mappings"]["properties"]
    for field in ("name_tokens", "purpose_tokens", "body_tokens"):
        assert properties[field]["analyzer"] == PRETOKENIZED._name
    assert properties["name"]["analyzer"] == DISPLAY._name
    assert properties["levels"] == {"type": "keyword"}


def test_elasticsearch_sees_exactly_the_tokens_of_the_python_analysis(es_backend, two_items):
    es_backend.ensure_index()
    document = build_document(two_items[0])
    for text in (document.name_tokens, document.body_tokens):
        analyzed = es_backend.client.indices.analyze(
            index=es_backend.alias, analyzer="pretokenized", text=text
        )
        assert [t["token"] for t in analyzed["tokens"]] == text.split()


def test_bulk_upsert_and_delete_go_through_the_alias(es_backend, two_items):
    first, second = two_items
    es_backend.upsert([build_document(first), build_document(second)])
    assert ids(es_backend, "证明") == [second.pk, first.pk]  # equal scores: shorter name first
    es_backend.delete([first.pk])
    assert ids(es_backend, "证明") == [second.pk]
    assert set(es_backend.fingerprints()) == {second.pk}


def test_rebuild_swaps_the_alias_to_a_new_index_and_serves_the_old_one_until_then(
    es_backend, two_items, monkeypatch
):
    first, second = two_items
    es_backend.upsert([build_document(first)])
    [old_index] = es_backend.concrete_indexes()
    seen_during_rebuild = []
    bulk = ElasticsearchBackend._bulk

    def bulk_and_search(self, actions):
        count = bulk(self, actions)
        seen_during_rebuild.append(ids(self, "证明"))
        return count

    monkeypatch.setattr(ElasticsearchBackend, "_bulk", bulk_and_search)
    assert es_backend.rebuild([build_document(second)]) == 1
    assert seen_during_rebuild == [[first.pk]]
    [new_index] = es_backend.concrete_indexes()
    assert new_index != old_index
    assert not es_backend.client.indices.exists(index=old_index)
    assert ids(es_backend, "证明") == [second.pk]


def test_failed_rebuild_keeps_the_old_index_and_drops_the_new_one(
    es_backend, two_items, monkeypatch
):
    first, second = two_items
    es_backend.upsert([build_document(first)])
    before = es_backend.concrete_indexes()

    def broken(self, actions):
        raise SearchBackendError("bulk failed")

    monkeypatch.setattr(ElasticsearchBackend, "_bulk", broken)
    with pytest.raises(SearchBackendError):
        es_backend.rebuild([build_document(second)])
    assert es_backend.concrete_indexes() == before
    indexes = es_backend.client.indices.get(index=f"{es_backend.alias}-*")
    assert sorted(indexes.body) == before
    assert ids(es_backend, "证明") == [first.pk]


def test_search_before_anything_is_indexed_finds_nothing(es_backend):
    results = es_backend.search(parse_query("证明"), SearchFilters())
    assert (results.hits, results.total) == ([], 0)


@pytest.fixture
def elasticsearch_configured(settings, elasticsearch_url, django_capture_on_commit_callbacks):
    import uuid

    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_ELASTICSEARCH_INDEX = f"test-configured-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_ELASTICSEARCH_REPLICAS = 0
    backend = get_search_backend()
    assert isinstance(backend, ElasticsearchBackend)
    yield backend
    for index in backend.concrete_indexes():
        backend.client.indices.delete(index=index)


def test_publication_reaches_elasticsearch_after_the_commit(
    elasticsearch_configured, editor_a, dept_a, reviewer, django_capture_on_commit_callbacks
):
    backend = elasticsearch_configured
    with django_capture_on_commit_callbacks(execute=False) as pending:
        item = publish(make_item(editor_a, dept_a, name="甲局亲属关系证明"), editor_a, reviewer)
    assert backend.concrete_indexes() == []  # nothing is sent before the commit
    for callback in pending:
        callback()
    backend.refresh_index()
    assert ids(backend, "亲属关系") == [item.pk]

    with django_capture_on_commit_callbacks(execute=True):
        item_update(user=editor_a, item=item, fields={"name": "甲局草稿子丑寅证明"})
    backend.refresh_index()
    assert ids(backend, "子丑寅") == []  # a draft never reaches the index

    with django_capture_on_commit_callbacks(execute=True):
        item_withdraw(item=item, user=reviewer, reason="取消")
    backend.refresh_index()
    assert ids(backend, "亲属关系") == []


def test_drift_and_rebuild_cover_elasticsearch_too(
    elasticsearch_configured, two_items, django_capture_on_commit_callbacks
):
    first, second = two_items  # published before Elasticsearch was configured
    database, elasticsearch = index_drift()
    assert (database.backend, database.missing) == ("database", [])
    assert (elasticsearch.backend, elasticsearch.missing) == (
        "elasticsearch",
        sorted([first.pk, second.pk]),
    )
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "检索索引已重建：2 个已发布的证明事项（database、elasticsearch）" in out.getvalue()
    assert all(report.clean for report in index_drift())
    assert ids(elasticsearch_configured, "无犯罪记录") == [first.pk]
