"""Public guide pages: published guides only, every field shown, linked from the items they
mention and from the department's catalog."""

from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file

from catalog.guides.services import guide_update
from catalog.services import item_review
from publishing.services import item_withdraw

from ..factories import make_item, publish
from .helpers import make_guide, submit_guide


def published_guide(editor, department, reviewer, **kwargs):
    guide = submit_guide(make_guide(editor, department, **kwargs), editor)
    item_review(user=reviewer, item=guide, action="approve")
    guide.refresh_from_db()
    return guide


def test_guide_page_shows_every_part_of_the_guide(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="执业经历证明"), editor_a, reviewer)
    guide = published_guide(
        editor_a, dept_a, reviewer, item=item, online_url="https://zwfw.example.invalid/apply"
    )
    html = client.get(reverse("public:guide", args=[guide.pk])).content.decode()
    for text in [
        "律师事务所设立分所审核",
        "《中华人民共和国律师法》第十九条",
        "成立三年以上并具有二十名以上执业律师的合伙律师事务所。",
        "律师事务所执业许可证副本复印件",
        "<strong>可用告知承诺替代</strong>：",
        f'<a href="{item.get_absolute_url()}">执业经历证明</a>',
        "<strong>受理</strong>：窗口当场审查申请材料是否齐全。",
        "20 个工作日",
        "10 个工作日",
        "不收费",
        "阿拉善右旗政务服务中心一楼，司法行政窗口",
        "工作日 8:30—12:00，14:30—18:00",
        "https://zwfw.example.invalid/apply",
        "0483-6021021",
        "12345政务服务便民热线",
    ]:
        assert text in html, text


def test_unpublished_guides_are_not_found(client, editor_a, dept_a):
    draft = make_guide(editor_a, dept_a, name="草稿指南甲乙")
    in_review = submit_guide(make_guide(editor_a, dept_a, name="审核中指南丙丁"), editor_a)
    for guide in (draft, in_review):
        assert client.get(reverse("public:guide", args=[guide.pk])).status_code == 404
    listing = client.get(reverse("public:guides")).content.decode()
    assert "草稿指南甲乙" not in listing and "审核中指南丙丁" not in listing


def test_pending_change_of_a_published_guide_stays_invisible(client, editor_a, dept_a, reviewer):
    guide = published_guide(editor_a, dept_a, reviewer, window="1号窗口")
    guide_update(user=editor_a, guide=guide, fields={"window": "待审的9号窗口"})
    html = client.get(reverse("public:guide", args=[guide.pk])).content.decode()
    assert "1号窗口" in html and "待审的9号窗口" not in html


def test_item_page_links_published_guides_that_mention_it(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="被引用的证明"), editor_a, reviewer)
    guide = published_guide(editor_a, dept_a, reviewer, item=item, name="引用它的指南")
    make_guide(editor_a, dept_a, item=item, name="引用它的草稿指南")
    html = client.get(item.get_absolute_url()).content.decode()
    assert f'<a href="{guide.get_absolute_url()}">引用它的指南</a>' in html
    assert "引用它的草稿指南" not in html


def test_department_catalog_and_guide_list_link_the_departments_guides(
    client, editor_a, dept_a, editor_b, dept_b, reviewer
):
    guide = published_guide(editor_a, dept_a, reviewer, name="甲局的指南")
    published_guide(editor_b, dept_b, reviewer, name="乙局的指南")
    html = client.get(reverse("public:department", args=[dept_a.pk])).content.decode()
    assert f'<a href="{guide.get_absolute_url()}">甲局的指南</a>' in html
    assert "乙局的指南" not in html
    listing = client.get(reverse("public:guides")).content.decode()
    assert "甲局的指南" in listing and "乙局的指南" in listing


def test_withdrawn_item_is_no_longer_linked_from_the_guide(
    client, editor_a, dept_a, reviewer, reviewer2
):
    item = publish(make_item(editor_a, dept_a, name="撤回的证明"), editor_a, reviewer)
    guide = published_guide(editor_a, dept_a, reviewer, item=item)
    item_withdraw(item=item, user=reviewer2, reason="取消")
    html = client.get(reverse("public:guide", args=[guide.pk])).content.decode()
    assert item.get_absolute_url() not in html


def test_flow_chart_is_served_for_published_guides_only(client, editor_a, dept_a, reviewer):
    from wagtail.images.models import Image

    image = Image.objects.create(title="办理流程图", file=get_test_image_file())
    guide = published_guide(editor_a, dept_a, reviewer, flow_chart=image)
    url = reverse("public:guide_flow_chart", args=[guide.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert f'<img src="{url}"' in client.get(guide.get_absolute_url()).content.decode()
    draft = make_guide(editor_a, dept_a, flow_chart=image)
    assert client.get(reverse("public:guide_flow_chart", args=[draft.pk])).status_code == 404


def test_guide_preview_shows_the_draft_to_its_editor(client, editor_a, dept_a):
    from .helpers import form_data

    guide = make_guide(editor_a, dept_a, name="预览中的指南")
    client.force_login(editor_a)
    url = reverse("wagtailsnippets_catalog_serviceguide:preview_on_edit", args=[guide.pk])
    assert client.post(url, form_data(dept_a, guide, name="预览中的指南")).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "预览中的指南" in html and "预览：这是尚未发布的版本" in html


def test_sitemap_lists_published_guides_only(client, editor_a, dept_a, reviewer):
    guide = published_guide(editor_a, dept_a, reviewer)
    draft = make_guide(editor_a, dept_a)
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert f"/guides/{guide.pk}/</loc>" in sitemap
    assert f"/guides/{draft.pk}/</loc>" not in sitemap
