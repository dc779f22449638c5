"""The import writes new items in bulk: each must end up exactly as ``item_create`` makes it."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, ReferenceIndex

from catalog.models import CertificateItem
from catalog.services import item_create
from catalog.spreadsheets.services import catalog_import

from .sheets import annex4_xlsx, row

SECOND_BASIS = (
    "《律师事务所管理办法》（司法部令第142号）第三十五条第五款："
    "律师事务所设立分所，应当具备下列条件。"
)
BASES = "\n".join(
    [
        "《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条："
        "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。",
        SECOND_BASIS,
    ]
)
ITEM_ONLY = {"id", "name", "latest_revision", "latest_revision_id"}


def _fields(item):
    return {
        f.attname: getattr(item, f.attname)
        for f in CertificateItem._meta.concrete_fields
        if f.attname not in ITEM_ONLY
    }


def _bases(item):
    return [
        (b.sort_order, b.name, b.document_number, b.article, b.article_text, b.legal_level)
        for b in item.legal_bases.order_by("sort_order")
    ]


def _content(item):
    """The revision's JSON without what differs between two items (ids, name, timestamps)."""
    content = dict(item.get_latest_revision().content)
    for key in ("pk", "id", "name", "latest_revision"):
        content.pop(key, None)
    content["legal_bases"] = [
        {k: v for k, v in b.items() if k not in ("pk", "id", "item")}
        for b in content["legal_bases"]
    ]
    return content


def _history(item):
    records = list(item.history.all())
    assert len(records) == 1
    record = records[0]
    values = {
        f.attname: getattr(record, f.attname)
        for f in CertificateItem._meta.concrete_fields
        if f.attname not in ITEM_ONLY and f.attname != "locked_at"
    }
    return record.history_type, record.history_user_id, record.history_change_reason, values


def _log(item):
    entries = list(ModelLogEntry.objects.filter(object_id=str(item.pk)))
    assert len(entries) == 1
    e = entries[0]
    return (
        e.action,
        e.user_id,
        e.content_type_id,
        e.revision_id,
        e.data,
        e.uuid,
        e.content_changed,
        e.deleted,
        e.label == item.name,
    )


def _references(item):
    """The item's reference index, a legal basis named by its position instead of its id
    (content paths such as ``legal_bases.<id>.document`` differ between two items)."""
    positions = {
        str(pk): str(n)
        for n, pk in enumerate(item.legal_bases.order_by("sort_order").values_list("pk", flat=True))
    }
    references = []
    for reference in ReferenceIndex.objects.filter(object_id=str(item.pk)).values_list(
        "content_type_id",
        "base_content_type_id",
        "to_content_type_id",
        "to_object_id",
        "model_path",
        "content_path",
    ):
        parts = reference[5].split(".")
        if parts[0] == "legal_bases":
            parts[1] = positions[parts[1]]
        references.append((*reference[:5], ".".join(parts)))
    return sorted(references)


def test_an_imported_item_is_the_same_as_one_from_item_create(editor_a, dept_a):
    data = annex4_xlsx(
        [row(name="批量导入的证明", bases=BASES, levels="法律\n部门规章", remarks="备注")],
        unit=dept_a.name,
    )
    report = catalog_import(
        user=editor_a, data=data, filename="目录.xlsx", department=dept_a, commit=True
    )
    assert report.committed
    imported = CertificateItem.objects.get(pk=report.rows[0].item_id)
    fields = {
        f.name: getattr(imported, f.name)
        for f in CertificateItem._meta.concrete_fields
        if f.name
        not in ITEM_ONLY
        | {"department", "live", "has_unpublished_changes", "first_published_at"}
        | {"last_published_at", "live_revision", "locked", "locked_at", "locked_by"}
    }
    bases = [
        {
            "name": b.name,
            "document_number": b.document_number,
            "article": b.article,
            "article_text": b.article_text,
            "legal_level": b.legal_level,
        }
        for b in imported.legal_bases.order_by("sort_order")
    ]
    single = item_create(
        user=editor_a,
        department=dept_a,
        fields={**fields, "name": "逐条创建的证明"},
        legal_bases=bases,
    )
    single = CertificateItem.objects.get(pk=single.pk)

    assert _fields(imported) == _fields(single)
    assert not imported.live and imported.has_unpublished_changes
    assert len(_bases(imported)) == 2
    assert _bases(imported) == _bases(single)
    # The revision: Wagtail's serialisation, by the importing user, set as the latest.
    revision = imported.get_latest_revision()
    assert imported.latest_revision_id == revision.pk
    assert imported.revisions.count() == single.revisions.count() == 1
    assert revision.user == single.get_latest_revision().user == editor_a
    assert revision.object_str == imported.name
    assert revision.content_type_id == single.get_latest_revision().content_type_id
    assert revision.base_content_type_id == single.get_latest_revision().base_content_type_id
    assert revision.content_type == ContentType.objects.get_for_model(CertificateItem)
    assert revision.content["pk"] == imported.pk
    assert [b["item"] for b in revision.content["legal_bases"]] == [imported.pk] * 2
    assert _content(imported) == _content(single)
    as_object = revision.as_object()
    assert as_object.pk == imported.pk
    assert [b.name for b in as_object.legal_bases.all()] == [b["name"] for b in bases]
    # The log entry, the history record and the reference index.
    assert _log(imported) == _log(single)
    assert _log(imported)[:2] == ("wagtail.create", editor_a.pk)
    assert _history(imported) == _history(single)
    assert _references(imported)
    assert _references(imported) == _references(single)
