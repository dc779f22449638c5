"""Who may change the site settings, how a change is checked and kept (issue 17).

Roles × the two settings pages, in the admin (GET and POST) and through the services. The
settings belong to the whole site: there is no own/other department, every role's answer is
the same for every department (checked with an editor and a leader of department A).
"""

import json
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from permissions.enums import Role
from sitesettings.models import PublicWording, SiteIdentity
from sitesettings.selectors import NEUTRAL, forget_site_info, site_info
from sitesettings.services import public_wording_update, site_identity_update

from ..factories import make_user

T, F = True, False
# role: (may change 网站信息, may change 公开文字)
EXPECTED = {
    "editor": (F, F),
    "leader": (F, F),
    "reviewer": (F, T),
    "supervisor": (F, F),
    "administrator": (T, T),
    "security_admin": (F, F),
    "auditor": (F, F),
}


@pytest.fixture(autouse=True)
def _forget_settings():
    forget_site_info()
    yield
    forget_site_info()


@pytest.fixture
def users(editor_a, leader_a, reviewer, supervisor, administrator, alxa_site_settings):
    """(The settings pages are filled in, so that a change of one field is valid.)"""
    return {
        "editor": editor_a,
        "leader": leader_a,
        "reviewer": reviewer,
        "supervisor": supervisor,
        "administrator": administrator,
        "security_admin": make_user("sec", role=Role.SECURITY_ADMIN),
        "auditor": make_user("aud", role=Role.AUDITOR),
    }


def _edit_url(model):
    instance = model.load()
    return reverse(
        "wagtailsettings:edit", args=["sitesettings", model._meta.model_name, instance.pk]
    )


def _post_data(model, **changes):
    instance = model.load()
    data = {
        f.name: getattr(instance, f.name) for f in model._meta.concrete_fields if f.name != "id"
    }
    data.update(changes)
    return {k: "" if v is None else v for k, v in data.items()}


def test_migration_installs_settings_that_name_no_government(db):
    info = site_info()
    assert info.government_name == info.government_short_name == info.host_unit == ""
    assert info.email == info.icp_number == ""
    assert info.site_title == "证明事项告知承诺制"
    assert info.home_headline == "办事少跑腿：这些证明可以用一份承诺代替"
    assert "旗" not in info.home_introduction
    first = SiteIdentity.history.get()
    assert (first.history_type, first.history_change_reason) == ("+", "安装默认值")


def test_fresh_settings_make_public_pages_that_name_no_government(client, db):
    home = client.get(reverse("public:home")).content.decode()
    assert "<title>首页</title>" in home
    assert '<a class="brand" href="/"><strong>证明事项告知承诺制</strong></a>' in home
    assert "<h1>办事少跑腿：这些证明可以用一份承诺代替</h1>" in home
    assert "<p>证明事项告知承诺制" in home and " 主办" not in home
    feed = client.get(reverse("public:feed")).content.decode()
    assert "<title>实行告知承诺制的证明事项</title>" in feed
    # the admin's settings page asks for the names before anything else is saved there
    with pytest.raises(ValidationError) as refused:
        site_identity_update(icp_number="蒙ICP备20009999号-2")
    assert set(refused.value.message_dict) == {
        "government_name",
        "government_short_name",
        "host_unit",
    }


def test_with_alxa_settings_the_public_pages_read_as_before(client, alxa_site_settings):
    home = client.get(reverse("public:home")).content.decode()
    assert "<title>首页 - 阿拉善右旗</title>" in home
    assert "阿拉善右旗<br><strong>证明事项告知承诺制</strong>" in home
    assert "<h1>办事少跑腿：这些证明可以用一份承诺代替</h1>" in home
    assert "阿拉善右旗全面推行证明事项告知承诺制。" in home
    assert "阿拉善右旗司法局 主办" in home and "邮箱 ayqsfj@163.com" in home
    assert "ICP备" not in home and "工作时间" not in home  # nothing configured, nothing shown
    feed = client.get(reverse("public:feed")).content.decode()
    assert "<title>阿右旗实行告知承诺制的证明事项</title>" in feed


def test_footer_phone_falls_back_to_the_justice_bureau_then_follows_the_setting(
    client, alxa_site_settings
):
    from ..factories import make_department

    make_department(name="司法局")  # public phone 0483-6020000
    assert 'href="tel:0483-6020000"' in client.get(reverse("public:home")).content.decode()
    site_identity_update(public_phone="0483-6021111")
    home = client.get(reverse("public:home")).content.decode()
    assert 'href="tel:0483-6021111"' in home and "0483-6020000" not in home


@pytest.mark.parametrize("role", EXPECTED)
def test_settings_pages_in_the_admin_by_role(client, users, role):
    user = users[role]
    client.force_login(user)
    for model, allowed in zip((SiteIdentity, PublicWording), EXPECTED[role], strict=True):
        url = _edit_url(model)
        response = client.get(url)
        assert (response.status_code == 200) is allowed, (role, model, response.status_code)
        field, value = (
            ("government_name", "额济纳旗")
            if model is SiteIdentity
            else ("home_headline", "新的首页标题")
        )
        client.post(url, _post_data(model, **{field: value}))
        assert (getattr(model.load(), field) == value) is allowed, (role, model)


@pytest.mark.parametrize("role", EXPECTED)
def test_settings_services_by_role(users, role):
    user = users[role]
    may_identity, may_wording = EXPECTED[role]
    for update, allowed, field in (
        (site_identity_update, may_identity, "host_unit"),
        (public_wording_update, may_wording, "home_headline"),
    ):
        if allowed:
            update(by=user, **{field: f"{role}改的"})
        else:
            with pytest.raises(PermissionDenied):
                update(by=user, **{field: f"{role}改的"})
    assert (SiteIdentity.load().host_unit == f"{role}改的") is may_identity
    assert (PublicWording.load().home_headline == f"{role}改的") is may_wording


def _sidebar_labels(client) -> str:
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def test_settings_menu_shows_only_what_the_role_may_change(client, reviewer, administrator):
    client.force_login(reviewer)
    labels = _sidebar_labels(client)
    assert "公开文字" in labels and "网站信息" not in labels
    client.force_login(administrator)
    labels = _sidebar_labels(client)
    assert "公开文字" in labels and "网站信息" in labels


def test_admin_change_is_kept_with_who_when_old_and_new(client, administrator, alxa_site_settings):
    client.force_login(administrator)
    client.post(_edit_url(SiteIdentity), _post_data(SiteIdentity, host_unit="额济纳旗司法局"))
    latest = SiteIdentity.history.order_by("-history_date").first()
    assert latest.host_unit == "额济纳旗司法局"
    assert latest.history_user == administrator
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("host_unit", "阿拉善右旗司法局", "额济纳旗司法局")
    ]
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=administrator).exists()


def test_service_change_is_kept_like_an_admin_edit(administrator, alxa_site_settings):
    site_identity_update(by=administrator, icp_number="蒙ICP备20009999号-2")
    latest = SiteIdentity.history.order_by("-history_date").first()
    assert latest.history_user == administrator
    assert latest.icp_number == "蒙ICP备20009999号-2"
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=administrator).exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("government_name", "", "必需字段"),
        ("icp_link", "javascript:alert(1)", "http://"),
        ("police_record_link", "ftp://example.cn/", "http://"),
        ("public_phone", "请拨打热线", "电话号码"),
        ("email", "not-an-address", "电子邮箱地址"),
    ],
)
def test_bad_values_are_refused_with_a_chinese_message_and_nothing_saved(
    administrator, field, value, message
):
    before = getattr(SiteIdentity.load(), field)
    with pytest.raises(ValidationError) as refused:
        site_identity_update(by=administrator, **{field: value})
    assert message in str(refused.value.message_dict[field])
    assert getattr(SiteIdentity.load(), field) == before


def test_control_characters_are_cleaned_on_the_way_in(administrator, alxa_site_settings):
    site_identity_update(by=administrator, host_unit="额济纳旗\x0b司法局\x7f")
    assert SiteIdentity.load().host_unit == "额济纳旗 司法局"


def test_markup_in_the_wording_is_shown_as_text(client, reviewer):
    public_wording_update(by=reviewer, home_introduction='<script>alert("x")</script>第一段')
    home = client.get(reverse("public:home")).content.decode()
    assert '<script>alert("x")</script>' not in home
    assert "&lt;script&gt;" in home


@pytest.mark.django_db
def test_a_settings_row_created_empty_still_gives_the_pages_a_title_and_headline(client):
    """Rows Wagtail creates empty (e.g. after the tables were emptied) never leave the brand
    link without text: the neutral title and headline stand in."""
    SiteIdentity.objects.all().delete()
    PublicWording.objects.all().delete()
    info = site_info()
    assert info.site_title == NEUTRAL.site_title and info.home_headline == NEUTRAL.home_headline
    body = client.get("/").content.decode()
    assert f"<strong>{NEUTRAL.site_title}</strong></a>" in body
