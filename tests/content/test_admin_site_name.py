"""The admin names the site as 网站信息 does, never by its host name, and hides Wagtail's page
types usage report (it lists the content page types by their code names, in English)."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site

from content.services import content_tree_ensure
from permissions.enums import Role
from sitesettings.selectors import forget_site_info
from sitesettings.services import site_identity_update

from ..factories import make_user


@pytest.fixture(autouse=True)
def _forget_settings():
    forget_site_info()
    yield
    forget_site_info()


def default_site():
    return Site.objects.get(is_default_site=True)


@pytest.mark.django_db
def test_default_site_after_migrate_is_named_after_the_site_settings():
    # a fresh installation names no government until 网站信息 is filled in
    assert default_site().site_name == "证明事项告知承诺制"


@pytest.mark.django_db
def test_changing_the_government_in_site_settings_renames_the_default_site(
    client, reviewer, alxa_site_settings
):
    assert default_site().site_name == "阿右旗证明事项告知承诺制"
    site_identity_update(government_short_name="额济纳旗", site_title="证明事项告知承诺制")

    assert default_site().site_name == "额济纳旗证明事项告知承诺制"
    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "额济纳旗证明事项告知承诺制</h1>" in dashboard
    assert "localhost" not in dashboard


@pytest.mark.django_db
def test_a_host_named_site_is_renamed_on_the_next_migrate(alxa_site_settings):
    Site.objects.filter(is_default_site=True).update(site_name="")

    content_tree_ensure()  # what every migrate runs

    assert default_site().site_name == "阿右旗证明事项告知承诺制"


def test_the_admins_fallback_site_name_names_no_government():
    assert settings.WAGTAIL_SITE_NAME == "证明事项告知承诺制管理平台"


ROLES = [
    Role.EDITOR,
    Role.LEADER,
    Role.REVIEWER,
    Role.SUPERVISOR,
    Role.ADMINISTRATOR,
    Role.SECURITY_ADMIN,
    Role.AUDITOR,
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [*ROLES, "superuser"])
@pytest.mark.parametrize(
    "url_name",
    ["wagtailadmin_reports:page_types_usage", "wagtailadmin_reports:page_types_usage_results"],
)
def test_page_types_usage_report_is_refused_to_everyone(client, dept_a, role, url_name):
    if role == "superuser":
        user = get_user_model().objects.create_superuser("root", password="x")
    else:
        user = make_user(f"u_{role}", role=role, departments=[dept_a])
    client.force_login(user)

    response = client.get(reverse(url_name))

    assert response.status_code in (302, 403)
    assert b"Page types usage" not in response.content


@pytest.mark.django_db
def test_reports_menu_does_not_offer_the_page_types_usage_report(client, reviewer):
    client.force_login(reviewer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("wagtailadmin_reports:page_types_usage") not in dashboard
    assert "页面类型使用情况" not in dashboard
