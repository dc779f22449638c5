"""The embedded backend's in-memory part (search.backends.database.IndexSnapshot): what it keeps
for one index version must never outlive that version, and must answer exactly like the
full-text index it stands in for."""

import pytest

from publishing.services import item_withdraw
from search.analysis import parse_query
from search.backends import SearchFilters, get_database_backend
from search.backends import database as database_backend
from search.backends import snapshot as snapshot_module
from search.ranking import NAME_START, plan

from ..factories import make_item, publish

pytestmark = pytest.mark.django_db


def found(text: str) -> list[int]:
    results = get_database_backend().search(parse_query(text), SearchFilters(), offset=0, limit=100)
    return sorted(h.item_id for h in results.hits)


def test_character_rows_read_before_a_publication_are_not_used_after_it(editor_a, dept_a, reviewer):
    # "明户" is not a phrase of either name: both are found by their scattered characters,
    # whose rows the backend keeps in memory after the first search.
    first = publish(make_item(editor_a, dept_a, name="甲局户籍证明"), editor_a, reviewer)
    assert found("明户") == [first.pk]
    second = publish(make_item(editor_a, dept_a, name="甲局户口簿证明"), editor_a, reviewer)
    assert found("明户") == [first.pk, second.pk]
    item_withdraw(item=first, user=reviewer, reason="已取消")
    assert found("明户") == [second.pk]


def test_a_search_that_overlaps_an_index_change_reads_again(
    editor_a, dept_a, reviewer, monkeypatch
):
    kept = publish(make_item(editor_a, dept_a, name="甲局户口证明"), editor_a, reviewer)
    gone = publish(make_item(editor_a, dept_a, name="甲局户籍证明"), editor_a, reviewer)
    backend = get_database_backend()
    assert found("明户") == [kept.pk, gone.pk]  # the characters' rows are now in memory

    calls = []
    match = database_backend.DatabaseBackend._evaluate

    def match_then_remove(self, *args, **kwargs):
        answer = match(self, *args, **kwargs)
        if not calls:
            # another transaction removes an item while this search reads the index
            backend.delete([gone.pk])
        calls.append(answer)
        return answer

    monkeypatch.setattr(database_backend.DatabaseBackend, "_evaluate", match_then_remove)
    results = backend.search(parse_query("明户"), SearchFilters(), offset=0, limit=100)
    assert len(calls) == 2
    assert gone.pk in calls[0][0]  # the first reading mixed the two versions
    assert [h.item_id for h in results.hits] == [kept.pk]
    assert results.total == 1
    assert results.facets["department"] == {dept_a.pk: 1}


def test_a_phrase_longer_than_the_kept_name_start_asks_the_full_text_index(
    editor_a, dept_a, reviewer
):
    long_name = "申请人在本旗连续居住满六个月且在户籍所在地无违法犯罪记录的证明"
    starting = publish(make_item(editor_a, dept_a, name=long_name), editor_a, reviewer)
    inside = publish(make_item(editor_a, dept_a, name="关于" + long_name), editor_a, reviewer)
    query = parse_query(long_name)
    stream, tokens = plan(query)[0].starts[0]
    assert stream == "bi" and len(" ".join(tokens)) >= snapshot_module.NAME_HEAD_CHARS
    results = get_database_backend().search(query, SearchFilters(), offset=0, limit=10)
    assert [h.item_id for h in results.hits] == [starting.pk, inside.pk]
    weights = database_backend.SIGNAL_WEIGHTS
    assert results.hits[0].score - results.hits[1].score == weights[NAME_START]


def test_the_characters_kept_in_memory_are_bounded(editor_a, dept_a, reviewer, monkeypatch):
    monkeypatch.setattr(snapshot_module, "MAX_CACHED_CHARACTERS", 3)
    item = publish(make_item(editor_a, dept_a, name="甲局户籍证明"), editor_a, reviewer)
    backend = get_database_backend()
    for text in ["明户", "籍甲", "局证"]:  # scattered: the rows of each character are read
        assert found(text) == [item.pk]
    with backend.connection.cursor() as cursor:
        snapshot = backend.snapshot(cursor, backend._version(cursor))
    assert len(snapshot.characters) == 3
    assert ("name", "证") in snapshot.characters  # the newest are kept
    assert found("明户") == [item.pk]  # evicted rows are read again


@pytest.mark.parametrize("text", ["wfzjl", "wufanzuijilu", "无犯罪记录"])
def test_a_name_that_starts_with_the_term_comes_first_in_pinyin_too(
    text, editor_a, dept_a, reviewer
):
    inside = publish(
        make_item(editor_a, dept_a, name="思想品德鉴定及无犯罪记录证明"), editor_a, reviewer
    )
    starting = publish(make_item(editor_a, dept_a, name="无犯罪记录证明"), editor_a, reviewer)
    assert inside.pk < starting.pk  # without the start signal, the order would be by id
    results = get_database_backend().search(parse_query(text), SearchFilters(), offset=0, limit=10)
    assert [h.item_id for h in results.hits] == [starting.pk, inside.pk]


def test_entries_indexed_before_the_pinyin_columns_are_found_until_the_rebuild_fills_them(
    editor_a, dept_a, reviewer
):
    from search.models import SearchDocument
    from search.services import index_drift, index_rebuild

    item = publish(make_item(editor_a, dept_a, name="无犯罪记录证明"), editor_a, reviewer)
    # as migration 0003 leaves an entry written by the previous version
    SearchDocument.objects.update(name_pinyin=None, name_initials=None, fingerprint="old")
    get_database_backend()._bump()
    assert found("wfzjl") == [item.pk]
    assert index_drift()[0].stale == [item.pk]
    index_rebuild()
    document = SearchDocument.objects.get(item=item)
    assert (document.name_pinyin, document.name_initials) == (
        "wufan fanzui zuiji jilu luzheng zhengming",
        "wf fz zj jl lz zm",
    )
    results = get_database_backend().search(parse_query("wfzjl"), SearchFilters())
    assert results.hits[0].score == 300  # starts with it, and has it


def _snapshot():
    backend = get_database_backend()
    with backend.connection.cursor() as cursor:
        return backend.snapshot(cursor, backend._version(cursor))


def test_phrase_rows_kept_in_memory_follow_publications_without_reading_again(
    editor_a, dept_a, reviewer
):
    first = publish(make_item(editor_a, dept_a, name="甲局户籍证明"), editor_a, reviewer)
    assert found("户籍证明") == [first.pk]
    key = snapshot_module.phrase_key("name", plan(parse_query("户籍证明"))[0].phrases)
    assert set(_snapshot().characters[key]) == {first.pk}  # kept after the first search

    second = publish(
        make_item(editor_a, dept_a, name="乙局户籍证明", purpose="户口迁移"), editor_a, reviewer
    )
    other = publish(make_item(editor_a, dept_a, name="户口证明"), editor_a, reviewer)
    # the kept rows were patched from the published items' token texts, not read again
    assert set(_snapshot().characters[key]) == {first.pk, second.pk}
    assert found("户籍证明") == [first.pk, second.pk]
    assert other.pk not in found("户籍证明")
    item_withdraw(item=first, user=reviewer, reason="已取消")
    assert set(_snapshot().characters[key]) == {second.pk}
    assert found("户籍证明") == [second.pk]


def test_many_changes_at_once_forget_the_phrase_rows(editor_a, dept_a, reviewer, monkeypatch):
    monkeypatch.setattr(snapshot_module, "MAX_PHRASE_PATCH", 0)
    first = publish(make_item(editor_a, dept_a, name="甲局户籍证明"), editor_a, reviewer)
    assert found("户籍证明") == [first.pk]
    second = publish(make_item(editor_a, dept_a, name="乙局户籍证明"), editor_a, reviewer)
    assert not any(isinstance(key[1], tuple) for key in _snapshot().characters)
    assert found("户籍证明") == [first.pk, second.pk]  # read again from the full-text index


@pytest.mark.parametrize(
    "text",
    [
        "户籍证明",
        "证明",
        "无犯罪记录",
        "wfzjl",
        "wufanzui",
        "最低生活保障申请",
        "律师 事务所",
        "居住证 申领",
        "健康合格证明",
        "8",
    ],
)
def test_the_phrase_test_of_a_patch_agrees_with_the_full_text_index(
    text, editor_a, dept_a, reviewer
):
    names = [
        ("甲局户籍证明", "户口迁移"),
        ("无犯罪记录证明", "申请律师执业"),
        ("思想品德鉴定及无犯罪记录证明", "教师资格认定"),
        ("家庭收入证明", "最低生活保障申请"),
        ("拟任分所负责人执业经历证明", "律师事务所申请设立分所"),
        ("居住地住址证明", "居住证申领"),
        ("从业人员健康合格证明", "公共场所卫生许可（8类场所）"),
    ]
    for name, purpose in names:
        publish(make_item(editor_a, dept_a, name=name, purpose=purpose), editor_a, reviewer)
    backend = get_database_backend()
    query = parse_query(text)
    for term_plan in plan(query):
        for group, column in snapshot_module.TOKEN_COLUMNS.items():
            clauses = [("phrase", tokens) for tokens in term_plan.phrases]
            with backend.connection.cursor() as cursor:
                expected = backend.dialect.match_ids(cursor, group, clauses)
                cursor.execute(f"SELECT item_id, {column} FROM {snapshot_module.TABLE}")  # noqa: S608
                rows = cursor.fetchall()
            held = {
                item_id
                for item_id, tokens in rows
                if snapshot_module.holds_phrase(f" {tokens or ''} ", tuple(term_plan.phrases))
            }
            assert held == set(expected), (text, group)


def _order(text: str) -> list[int]:
    results = get_database_backend().search(parse_query(text), SearchFilters(), offset=0, limit=10)
    return [h.item_id for h in results.hits]


def test_words_typed_apart_rank_the_item_where_they_stand_together_first(
    editor_a, dept_a, reviewer
):
    # the scattered one has every other advantage: its name starts with 户籍, it is shorter
    # and older
    scattered = publish(make_item(editor_a, dept_a, name="户籍地开具的证明"), editor_a, reviewer)
    together = publish(
        make_item(editor_a, dept_a, name="申请人原户籍证明及情况说明"), editor_a, reviewer
    )
    assert scattered.pk < together.pk
    assert _order("户籍 证明") == [together.pk, scattered.pk]


def test_equal_matches_rank_the_shorter_name_first_not_by_id(editor_a, dept_a, reviewer):
    longer = publish(
        make_item(editor_a, dept_a, name="拟任负责人的无犯罪记录情况证明"), editor_a, reviewer
    )
    shorter = publish(make_item(editor_a, dept_a, name="股东无犯罪记录证明"), editor_a, reviewer)
    assert longer.pk < shorter.pk
    assert _order("无犯罪记录") == [shorter.pk, longer.pk]
