"""Nothing unfinished reaches the public: a sheet imported into a department without notice
defaults gets the 【待补充】 placeholders, every path to publication refuses it with a Chinese
message, and no public page, file or feed shows the marker."""

import io
import subprocess
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalog.enums import ItemStatus
from catalog.models import CertificateItem
from catalog.services import item_review, item_submit
from catalog.spreadsheets.services import catalog_import
from catalog.validation import PLACEHOLDER
from publishing.services import catalog_revision_publish
from search.services import index_rebuild
from tests.public.site import build_public_site, file_urls, page_urls
from tests.spreadsheets.sheets import annex4_xlsx
from tests.test_admin_forms import form_data

from .documents import firms_rules, lawyers_law
from .test_import_bases import seed_row

NS = "wagtailsnippets_catalog_certificateitem"
IMPORTED = "导入的执业经历证明"
REFUSAL = (
    "中还有系统写入的占位内容“【待补充】”，请改为实际内容后再提交审核；含占位内容的版本不能发布。"
)
MARKERS = (PLACEHOLDER, "本事项由附件4表格导入")


@pytest.fixture
def world(editor_a, dept_a, reviewer):
    """The public site (one of every page type), then a sheet imported with --submit into a
    department that has set no notice defaults."""
    lawyers_law(), firms_rules()
    site = build_public_site(editor_a, dept_a, reviewer)
    rows = [
        seed_row(name=IMPORTED, purpose="导入测试事项一"),
        seed_row(name=IMPORTED, purpose="导入测试事项二", serial=2),
    ]
    report = catalog_import(
        user=editor_a,
        data=annex4_xlsx(rows, unit=dept_a.name),
        filename="目录.xlsx",
        department=dept_a,
        commit=True,
        submit=True,
    )
    assert report.committed and report.error_lines() == []
    assert report.submitted == 0  # --submit cannot submit what holds the placeholder
    items = list(CertificateItem.objects.filter(name=IMPORTED).order_by("pk"))
    assert len(items) == 2
    for item in items:
        assert item.status() == ItemStatus.DRAFT
        assert item.certificate_content.startswith(PLACEHOLDER)
    return {"site": site, "items": items}


def _messages(error) -> str:
    return "；".join(getattr(error, "messages", [str(error)]))


def _force_into_review(item, editor):
    """Around the services: start the review workflow directly (Wagtail's API), as a buggy
    caller could. The department has no leader: the item waits for the justice bureau."""
    item.get_workflow().start(item, editor)
    item.refresh_from_db()
    assert item.status() == ItemStatus.IN_REVIEW
    return item


def _assert_not_published(item):
    item.refresh_from_db()
    assert not item.live and item.live_revision_id is None and item.last_published_at is None


def test_every_path_to_publication_refuses_the_placeholder(
    client, world, editor_a, reviewer, dept_a
):
    item, other = world["items"]

    # 1. the submission service
    with pytest.raises(ValidationError) as refused:
        item_submit(user=editor_a, item=item)
    assert REFUSAL in _messages(refused.value)
    assert item.status() == ItemStatus.DRAFT

    # 2. the admin form's submit action, placeholder left in place
    client.force_login(editor_a)
    data = form_data(
        item,
        name=item.name,
        purpose=item.purpose,
        certificate_content=item.certificate_content,
        false_commitment_consequences=item.false_commitment_consequences,
        **{"action-submit": "1"},
    )
    html = client.post(reverse(f"{NS}:edit", args=[item.pk]), data).content.decode()
    assert "“证明的内容（许可条件和材料要求）”" + REFUSAL in html
    item.refresh_from_db()
    assert item.status() == ItemStatus.DRAFT

    # 3. in review by a path around the services: the review screen offers no approval and
    #    refuses one posted anyway
    item = _force_into_review(item, editor_a)
    client.force_login(reviewer)
    url = reverse("publishing_review", args=[item.pk])
    html = client.get(url).content.decode()
    assert "该版本不符合发布条件，不能审核通过" in html and REFUSAL in html
    assert 'value="approve"' not in html
    html = client.post(url, {"action": "approve"}).content.decode()
    assert "审核决定没有提交" in html and "您不能对该证明事项执行此审核操作。" in html
    _assert_not_published(item)

    # 4. the review service
    with pytest.raises(PermissionDenied) as refused:
        item_review(user=reviewer, item=item, action="approve")
    assert "您不能对该证明事项执行此审核操作。" in _messages(refused.value)
    _assert_not_published(item)

    # 5. Wagtail's own workflow action URL
    task_state = item.current_workflow_task_state
    client.post(reverse(f"{NS}:workflow_action", args=[item.pk, "approve", task_state.pk]))
    _assert_not_published(item)

    # 6. publish() on the revision, or on the item, whoever calls
    with pytest.raises(ValidationError) as refused:
        item.get_latest_revision().publish(user=reviewer, skip_permission_checks=True)
    assert REFUSAL in _messages(refused.value)
    with pytest.raises(ValidationError):
        item.publish(item.get_latest_revision(), user=reviewer, skip_permission_checks=True)
    _assert_not_published(item)

    # 7. the edit form's publish action (not offered) and the bulk publish (no such action)
    client.post(reverse(f"{NS}:edit", args=[other.pk]), {**data, "action-publish": "1"})
    bulk = reverse("wagtail_bulk_action", args=["catalog", "certificateitem", "publish"])
    client.post(f"{bulk}?id={other.pk}", {})
    _assert_not_published(other)

    # 8. a catalog revision and the search index take live items only: nothing new to number
    with pytest.raises(ValidationError, match="目录没有任何变化，无需发布新版本"):
        catalog_revision_publish(user=reviewer)
    index_rebuild()
    assert not CertificateItem.objects.filter(name=IMPORTED, live=True).exists()


def _file_text(response) -> str:
    """What a public file says: text, the XML of a .docx/.xlsx, the text of a PDF."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    if content.startswith(b"%PDF"):
        return subprocess.run(
            ["pdftotext", "-", "-"],  # noqa: S607 (installed by make test-deps)
            input=content,
            capture_output=True,
            check=True,
        ).stdout.decode()
    return content.decode("utf-8-sig", "replace")


def test_the_marker_is_on_no_public_page(client, world, editor_a, reviewer):
    item, _other = world["items"]
    _force_into_review(item, editor_a)
    index_rebuild()
    site = world["site"]
    urls = {**page_urls(site), **file_urls(site)}
    for name, query in [("search the marker", "待补充"), ("search the name", IMPORTED)]:
        urls[name] = reverse("search:results") + f"?q={query}"
    urls["catalog of the department"] = reverse("public:department", args=[item.department_id])
    own = {
        f"{kind} of {imported.pk}": reverse(f"public:{kind}", args=[imported.pk])
        for imported in world["items"]
        for kind in ("item", "letter_form", "letter_form_docx", "letter_form_pdf")
    }
    answered = 0
    for name, url in {**urls, **own}.items():
        response = client.get(url)
        if name in own:
            assert response.status_code == 404, name
        answered += response.status_code == 200
        text = _file_text(response)
        for marker in MARKERS:
            assert marker not in text, (name, marker)
        if name != "search the name":  # (the results page repeats the query)
            assert IMPORTED not in text, name
        for imported in world["items"]:  # not even named or linked
            assert f"/catalog/item/{imported.pk}/" not in text, name
    # every page and file but the two that answer 404 and 410 (not found, withdrawn)
    assert answered == len(urls) - 2
