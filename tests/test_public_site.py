"""The public site shows what the justice bureau approved, and nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.enums import FocusArea, MatterType
from catalog.services import item_update
from publishing.services import catalog_revision_publish, item_withdraw

from .factories import make_item, publish, send_back, submit

SECRETS = ["草稿子丑寅", "审核中卯辰巳", "退回午未申", "待审修改酉戌亥", "撤回甲乙丙"]


@pytest.fixture
def catalog(editor_a, dept_a, reviewer):
    published = publish(
        make_item(editor_a, dept_a, name="公开的无犯罪记录证明"), editor_a, reviewer
    )
    make_item(editor_a, dept_a, name=f"{SECRETS[0]}证明", remarks=SECRETS[0])
    submit(make_item(editor_a, dept_a, name=f"{SECRETS[1]}证明"), editor_a)
    send_back(submit(make_item(editor_a, dept_a, name=f"{SECRETS[2]}证明"), editor_a), reviewer)
    changed = publish(make_item(editor_a, dept_a, name="有待审修改的证明"), editor_a, reviewer)
    item_update(
        user=editor_a,
        item=changed,
        fields={"name": f"{SECRETS[3]}证明", "remarks": SECRETS[3]},
        legal_bases=[
            {
                "name": f"《{SECRETS[3]}条例》",
                "article": "第一条",
                "article_text": SECRETS[3],
                "legal_level": "law",
            }
        ],
    )
    submit(changed, editor_a)
    withdrawn = publish(make_item(editor_a, dept_a, name=f"{SECRETS[4]}证明"), editor_a, reviewer)
    catalog_revision_publish(user=reviewer, year=2021)
    item_withdraw(item=withdrawn, user=reviewer, reason="取消")
    catalog_revision_publish(user=reviewer, year=2021)
    return {"published": published, "changed": changed, "withdrawn": withdrawn}


def public_urls(catalog, dept_a):
    from catalog.models import CertificateItem
    from publishing.models import CatalogRevision

    urls = [
        reverse("public:home"),
        reverse("public:catalog"),
        reverse("public:catalog") + f"?focus_area={FocusArea.LEGAL_SERVICES}",
        reverse("public:catalog") + f"?matter_type={MatterType.LICENSING}&level=county",
        reverse("public:departments"),
        reverse("public:department", args=[dept_a.pk]),
        reverse("public:revisions"),
        reverse("public:feed"),
        reverse("sitemap"),
    ]
    urls += [r.get_absolute_url() for r in CatalogRevision.objects.all()]
    urls += [reverse("public:item", args=[i.pk]) for i in CertificateItem.objects.all()]
    return urls


def test_no_public_page_feed_or_sitemap_shows_unapproved_content(client, catalog, dept_a):
    for url in public_urls(catalog, dept_a):
        body = client.get(url).content.decode()
        for secret in SECRETS[:4]:
            assert secret not in body, (url, secret)


def test_withdrawn_item_is_gone_except_as_withdrawn_in_the_revision_history(
    client, catalog, dept_a
):
    withdrawn = catalog["withdrawn"]
    gone = client.get(withdrawn.get_absolute_url())
    assert gone.status_code == 410
    assert "取消告知承诺" in gone.content.decode()
    for url in [reverse("public:catalog"), reverse("sitemap"), reverse("public:feed")]:
        assert SECRETS[4] not in client.get(url).content.decode()
    latest = client.get(reverse("public:revisions")).content.decode()
    assert "取消 1" in latest


def test_unpublished_item_pages_are_404(client, catalog, editor_a, dept_a):
    draft = make_item(editor_a, dept_a, name="直接访问的草稿")
    assert client.get(reverse("public:item", args=[draft.pk])).status_code == 404


def test_item_with_pending_change_shows_the_published_version(client, catalog):
    body = client.get(catalog["changed"].get_absolute_url()).content.decode()
    assert "有待审修改的证明" in body
    assert "《中华人民共和国律师法》" in body


def test_catalog_page_is_the_annex4_table(client, catalog):
    body = client.get(reverse("public:catalog")).content.decode()
    for heading in [
        "序号",
        "证明名称",
        "证明用途",
        "设定依据",
        "依据名称、文号及条文内容",
        "效力层级",
        "索要单位",
        "开具单位",
        "省部级",
        "市级",
        "县级",
        "乡级及其他",
        "事项类型",
        "备注",
    ]:
        assert f">{heading}</th>" in body, heading
    assert "公开的无犯罪记录证明" in body
    assert "《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条" in body


def test_catalog_filters_narrow_the_table(client, editor_a, dept_a, dept_b, editor_b, reviewer):
    publish(
        make_item(editor_a, dept_a, name="户籍类证明", focus_area=FocusArea.HOUSEHOLD),
        editor_a,
        reviewer,
    )
    publish(
        make_item(
            editor_b,
            dept_b,
            name="乡级给付证明",
            matter_type=MatterType.PAYMENT,
            level_county=False,
            level_township=True,
        ),
        editor_b,
        reviewer,
    )
    url = reverse("public:catalog")

    def names(query):
        body = client.get(url + query).content.decode()
        return {n for n in ("户籍类证明", "乡级给付证明") if n in body}

    assert names("") == {"户籍类证明", "乡级给付证明"}
    assert names("?focus_area=household") == {"户籍类证明"}
    assert names("?matter_type=payment") == {"乡级给付证明"}
    assert names("?level=township") == {"乡级给付证明"}
    assert names(f"?department={dept_a.pk}") == {"户籍类证明"}
    assert names("?level=bogus&department=abc") == {"户籍类证明", "乡级给付证明"}


def test_item_page_says_the_certificate_can_be_replaced_and_shows_contact(client, catalog):
    item = catalog["published"]
    body = client.get(item.get_absolute_url()).content.decode()
    assert "这项证明可以用告知承诺替代" in body
    assert "第十九条" in body and "成立三年以上" in body
    assert "0483-6020000" in body  # the department's public phone
    assert "不可代为承诺" in body


def test_department_page_lists_only_that_department(client, catalog, dept_b, editor_b, reviewer):
    publish(make_item(editor_b, dept_b, name="乙局公开证明"), editor_b, reviewer)
    body = client.get(reverse("public:department", args=[dept_b.pk])).content.decode()
    assert "乙局公开证明" in body and "公开的无犯罪记录证明" not in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_catalog_page_queries_do_not_grow_with_items(client, editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a), editor_a, reviewer)
    few = _queries(client, reverse("public:catalog"))
    for _ in range(6):
        publish(make_item(editor_a, dept_a), editor_a, reviewer)
    assert _queries(client, reverse("public:catalog")) == few
    # 6 before issue 17, + 1 for the site settings (sitesettings.selectors), + 1 for the public
    # extra-field definitions (the filters, read once); none grows with the items (asserted above)
    assert few <= 8


def test_item_page_query_count_is_bounded(client, catalog):
    # 4 before issue 17, + 1 for the site settings (sitesettings.selectors), + 1 for the public
    # extra-field definitions shown after 备注, + 1 for the published letter wording the page
    # repeats (kept in the cache afterwards: the cache is empty at the start of each test)
    assert _queries(client, catalog["published"].get_absolute_url()) <= 7


def test_home_lists_focus_areas_with_counts(client, catalog):
    body = client.get(reverse("public:home")).content.decode()
    assert "法律服务" in body and "户籍管理" in body
    assert "2021年第2版" in body


def test_pages_are_chinese_and_phone_ready(client, catalog):
    body = client.get(reverse("public:catalog")).content.decode()
    assert '<html lang="zh-Hans">' in body
    assert 'name="viewport"' in body
    assert 'href="#main"' in body  # skip link for keyboard users


def test_township_catalog_lists_only_township_items(client, editor_a, dept_a, reviewer):
    from catalog.enums import DepartmentKind
    from permissions.enums import Role

    from .factories import make_department, make_user

    town = make_department("巴丹吉林镇人民政府", kind=DepartmentKind.TOWNSHIP)
    town_editor = make_user("town_editor", role=Role.EDITOR, departments=[town])
    publish(make_item(town_editor, town, name="镇级居住证明"), town_editor, reviewer)
    publish(make_item(editor_a, dept_a, name="旗级证明"), editor_a, reviewer)
    township = client.get(reverse("public:catalog") + "?unit=township").content.decode()
    banner = client.get(reverse("public:catalog") + "?unit=banner").content.decode()
    assert "苏木镇实行告知承诺制的证明事项目录" in township
    assert "镇级居住证明" in township and "旗级证明" not in township
    assert "旗级证明" in banner and "镇级居住证明" not in banner
