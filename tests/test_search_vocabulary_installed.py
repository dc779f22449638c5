"""Issue 15: the search vocabulary ships with the product. A database built by ``migrate`` (as
every installation's, without the demo) holds it, with its sources, and everyday words find the
items that use the catalog's words. Outside tests/search on purpose: that folder's fixture
reinstalls the vocabulary, which would hide a migration that did not."""

import pytest

from search import vocabulary
from search.analysis import parse_query
from search.backends import SearchFilters, get_database_backend
from search.models import Synonym
from search.selectors import synonyms

from .factories import make_item, publish

pytestmark = pytest.mark.django_db

# (term, synonym, one way) pairs the issue names
NAMED = [
    ("户籍", "户口", False),
    ("社会保险", "社保", False),
    ("低保", "最低生活保障", False),
    ("出生医学证明", "出生证", False),
    ("居民身份证", "身份证", False),
    ("残疾人证", "残疾证", False),
    ("退伍", "退役", True),
    ("看病报销", "医疗保险", True),
    ("买房", "不动产登记", True),
    ("退休", "养老保险待遇", True),
]


def test_the_migrated_database_holds_the_vocabulary_with_its_sources():
    assert len(vocabulary.ENTRIES) >= 150
    rows = {(r.term, r.synonym): r for r in Synonym.objects.all()}
    assert len(rows) == len(vocabulary.rows())
    for term, synonym, one_way in NAMED:
        row = rows.get((term, synonym)) or rows.get((synonym, term))
        assert row is not None, (term, synonym)
        assert row.one_way == one_way, (term, synonym)
        assert row.note.startswith("来源：") and "领域：" in row.note


def test_installing_again_adds_nothing_and_keeps_what_an_administrator_edited():
    edited = Synonym.objects.get(term="买房", synonym="不动产登记")
    edited.note = "本旗群众常说的“买房”"
    edited.save()
    assert vocabulary.install(Synonym) == 0
    edited.refresh_from_db()
    assert edited.note == "本旗群众常说的“买房”"


def test_an_everyday_word_finds_the_item_that_uses_the_catalog_word(editor_a, dept_a, reviewer):
    item = publish(
        make_item(editor_a, dept_a, name="家庭住房情况证明", purpose="不动产登记"),
        editor_a,
        reviewer,
    )
    results = get_database_backend().search(
        parse_query("买房需要什么证明", synonyms()), SearchFilters(), offset=0, limit=10
    )
    assert [hit.item_id for hit in results.hits] == [item.pk]
    assert results.relaxed is None  # the whole question is answered, nothing relaxed
