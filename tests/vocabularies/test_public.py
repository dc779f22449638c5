"""The public site, the 附件4 files and the search follow the terms: a relabelled term reads
its new label everywhere (and its old one nowhere), a new term is filterable and importable,
a retired one is refused in imports; the legal levels' order orders the legal bases."""

import pytest
from django.urls import reverse

from catalog.enums import FocusArea, LegalLevel, MatterType
from catalog.selectors import CatalogFilters
from catalog.spreadsheets.export import catalog_file, published_selection
from catalog.spreadsheets.services import catalog_import
from vocabularies.enums import Vocabulary
from vocabularies.models import Term

from ..factories import make_item, publish
from ..spreadsheets.sheets import annex4_xlsx, open_xlsx, row
from .conftest import add_term, relabel, retire

pytestmark = pytest.mark.django_db


@pytest.fixture
def household_item(editor_a, dept_a, reviewer):
    return publish(
        make_item(editor_a, dept_a, name="户口迁移证明", focus_area=FocusArea.HOUSEHOLD),
        editor_a,
        reviewer,
    )


def page(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_relabelled_focus_area_reads_its_new_label_on_every_public_page(client, household_item):
    relabel(Vocabulary.FOCUS_AREA, FocusArea.HOUSEHOLD, "户籍与身份")
    home = page(client, reverse("public:home"))
    catalog = page(client, reverse("public:catalog"))
    item = page(client, reverse("public:item", args=[household_item.pk]))
    search = page(client, "/search/", q="户口")
    for body in (home, catalog, item, search):
        assert "户籍与身份" in body
        assert "户籍管理" not in body
    assert '<option value="household">户籍与身份</option>' in catalog
    assert "<dt>重点领域</dt><dd>户籍与身份</dd>" in item
    filtered = page(client, reverse("public:catalog"), focus_area="household")
    assert "户口迁移证明" in filtered


def test_a_relabelled_matter_type_is_exported_and_offered_by_its_new_label(
    client, household_item, dept_a
):
    relabel(Vocabulary.MATTER_TYPE, MatterType.LICENSING, "行政许可事项")
    export = catalog_file(published_selection(filters=CatalogFilters(department=dept_a.pk)), "xlsx")
    sheet = open_xlsx(export.content)
    cells = [sheet.cell(6, c).value for c in range(1, 14)]
    assert cells[11] == "行政许可事项"
    catalog = page(client, reverse("public:catalog"))
    assert '<option value="licensing">行政许可事项</option>' in catalog
    assert ">行政许可<" not in catalog
    search = page(client, "/search/", q="户口")
    assert "行政许可事项" in search


def test_a_new_matter_type_is_imported_by_its_label_and_filtered_publicly(
    client, editor_a, dept_a, reviewer
):
    add_term(Vocabulary.MATTER_TYPE, "filing", "行政备案", order=75)
    data = annex4_xlsx([row(name="备案证明", matter="行政备案")], unit=dept_a.name)
    report = catalog_import(
        user=editor_a, data=data, filename="目录.xlsx", department=dept_a, commit=True
    )
    assert report.committed, report.error_lines()
    assert dept_a.items.get(name="备案证明").matter_type == "filing"
    published = make_item(editor_a, dept_a, name="已发布的备案证明", matter_type="filing")
    publish(published, editor_a, reviewer)
    catalog = page(client, reverse("public:catalog"), matter_type="filing")
    assert '<option value="filing" selected>行政备案</option>' in catalog
    assert "已发布的备案证明" in catalog


def test_the_import_refuses_a_retired_or_unknown_label_naming_row_and_column(editor_a, dept_a):
    retire(Vocabulary.MATTER_TYPE, MatterType.AWARD)
    data = annex4_xlsx(
        [row(name="甲", matter="行政奖励"), row(name="乙", matter="行政审批", serial=2)],
        unit=dept_a.name,
    )
    report = catalog_import(
        user=editor_a, data=data, filename="目录.xlsx", department=dept_a, commit=True
    )
    assert report.committed is False
    allowed = "行政许可、行政确认、行政给付、行政裁决、其他行政权力、公共服务"
    assert report.error_lines() == [
        f"第6行 事项类型: “行政奖励”是已停用的事项类型，不能再使用，应为：{allowed}之一。",
        f"第7行 事项类型: “行政审批”不是有效的事项类型，应为：{allowed}之一。",
    ]
    assert not dept_a.items.exists()


def test_the_import_refuses_a_retired_legal_level(editor_a, dept_a):
    retire(Vocabulary.LEGAL_LEVEL, LegalLevel.REGIONAL_DECISION)
    data = annex4_xlsx([row(levels="自治区决定")], unit=dept_a.name)
    report = catalog_import(user=editor_a, data=data, filename="目录.xlsx", department=dept_a)
    [line] = report.error_lines()
    assert line.startswith("第6行 效力层级: “自治区决定”是已停用的效力层级")


def test_reordered_legal_levels_order_the_bases_on_the_item_page(
    client, editor_a, dept_a, reviewer
):
    bases = [
        {"name": "《某部门规章》", "legal_level": LegalLevel.DEPARTMENTAL_RULE},
        {"name": "《某法律》", "legal_level": LegalLevel.LAW},
    ]
    item = publish(make_item(editor_a, dept_a, legal_bases=bases), editor_a, reviewer)
    assert [b.name for b in item.bases_in_order] == ["《某法律》", "《某部门规章》"]
    term = Term.objects.get(vocabulary=Vocabulary.LEGAL_LEVEL, code=LegalLevel.DEPARTMENTAL_RULE)
    term.order = 1  # before 法律 (10)
    term.save()
    item.refresh_from_db()
    assert [b.name for b in item.bases_in_order] == ["《某部门规章》", "《某法律》"]
    body = page(client, reverse("public:item", args=[item.pk]))
    assert body.index("《某部门规章》") < body.index("《某法律》")


def test_a_retired_term_still_reads_on_the_public_page_of_an_item_holding_it(
    client, household_item
):
    retire(Vocabulary.FOCUS_AREA, FocusArea.HOUSEHOLD)
    item = page(client, reverse("public:item", args=[household_item.pk]))
    assert "<dt>重点领域</dt><dd>户籍管理</dd>" in item
    catalog = page(client, reverse("public:catalog"))
    assert '<option value="household">' not in catalog  # not offered as a filter any more
    old_link = page(client, reverse("public:catalog"), focus_area="household")
    assert '<option value="household" selected>户籍管理</option>' in old_link
    assert "户口迁移证明" in old_link
    home = page(client, reverse("public:home"))
    assert "户籍管理" in home  # its published items are still found by area
