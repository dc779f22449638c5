"""The demo data command and the production guard against demo passwords."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState

from catalog.enums import FocusArea, ItemStatus
from catalog.models import CertificateItem, Department, ServiceGuide
from commitments.cases.enums import CaseStatus
from commitments.models import (
    AssistanceRequest,
    Case,
    CommitmentLetter,
    FalseCommitment,
    SamplingRun,
    VerificationTask,
)
from commitments.sampling.draw import draw
from permissions.startup import demo_accounts_with_demo_password, refuse_demo_accounts
from publishing.enums import RevisionChange
from publishing.models import CatalogRevision, ItemWithdrawal

SEED_ANNEX1 = [
    "旗委网信办",
    "旗委编办",
    "旗委机要保密局",
    "旗档案史志馆",
    "宗教事务局",
    "旗发改委",
    "教体局",
    "工信局",
    "民委",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人社局",
    "自然资源局",
    "阿拉善盟生态环境局阿右旗分局",
    "住建局",
    "交通局",
    "水务局",
    "农科局",
    "文旅广电局",
    "卫健委",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "外事办",
    "市场监管局",
    "统计局",
    "林草局",
    "医保局",
    "信访局",
    "政务服务局",
    "城市管理综合执法局",
    "巴丹吉林镇人民政府",
    "雅布赖镇人民政府",
    "阿拉腾敖包镇人民政府",
    "曼德拉苏木人民政府",
    "阿拉腾朝格苏木人民政府",
    "塔木素布拉格苏木人民政府",
    "巴彦高勒苏木人民政府",
    "国家安全局",
    "国家税务总局阿右旗税务局",
    "旗气象局",
    "旗邮政局",
    "旗烟草专卖局",
    "旗消防救援大队",
]


@pytest.fixture(scope="module")
def demo(demo_database):
    """The demo data, loaded once for the module (tests/conftest.py)."""


@pytest.mark.django_db
def test_demo_has_the_46_units_of_annex1_in_order_and_by_kind(demo):
    assert list(Department.objects.values_list("name", flat=True)) == SEED_ANNEX1
    kinds = dict(Department.objects.values_list("name", "kind"))
    assert kinds["公安局"] == "banner_department"
    assert kinds["曼德拉苏木人民政府"] == "township"
    assert kinds["国家税务总局阿右旗税务局"] == "vertical_unit"
    assert kinds["旗消防救援大队"] == "fire_brigade"
    sfj = Department.objects.get(name="司法局")
    assert (sfj.liaison_name, sfj.liaison_office_phone) == ("赵静", "0483-6021021")


@pytest.mark.django_db
def test_demo_catalog_covers_states_departments_and_focus_areas(demo):
    items = list(CertificateItem.objects.select_related("department"))
    assert len(items) >= 30
    assert len({i.department_id for i in items}) >= 8
    statuses = {i.status() for i in items}
    assert {
        ItemStatus.PUBLISHED,
        ItemStatus.PUBLISHED_WITH_CHANGES,
        ItemStatus.IN_REVIEW,
        ItemStatus.DRAFT,
        ItemStatus.SENT_BACK,
        ItemStatus.WITHDRAWN,
    } <= statuses
    published_areas = {i.focus_area for i in items if i.live}
    assert {a.value for a in FocusArea if a != FocusArea.OTHER} <= published_areas


@pytest.mark.django_db
def test_demo_contains_the_annex4_example_row(demo):
    item = CertificateItem.objects.get(purpose="律师事务所申请设立分所")
    assert item.department.name == "司法局"
    assert item.remarks == "限于该负责人原在区内执业"
    citations = [f"{b.name}{b.article}" for b in item.legal_bases.all()]
    assert citations == [
        "《中华人民共和国律师法》第十九条",
        "《律师事务所管理办法》第三十五条第五款",
    ]
    assert (item.level_city, item.level_county, item.matter_type) == (True, True, "licensing")


@pytest.mark.django_db
def test_demo_is_idempotent(demo):
    counts = (Department.objects.count(), CertificateItem.objects.count())
    call_command("load_demo_data", verbosity=0)
    assert (Department.objects.count(), CertificateItem.objects.count()) == counts


@pytest.mark.django_db
def test_demo_accounts_log_in_with_the_readme_password(demo, client):
    readme = Path("README.md").read_text(encoding="utf-8")
    from django.conf import settings

    assert f"**`{settings.DEMO_PASSWORD}`**" in readme
    for username in [
        "sfj_editor",
        "gaj_editor",
        "bdjl_editor",
        "gaj_leader",
        "reviewer",
        "supervisor",
        "admin",
    ]:
        assert f"`{username}`" in readme
        assert client.login(username=username, password=settings.DEMO_PASSWORD), username
        assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.django_db
def test_demo_draft_markers_never_reach_the_public_site(demo, client):
    pages = [
        reverse("public:home"),
        reverse("public:catalog"),
        reverse("sitemap"),
        reverse("public:feed"),
    ]
    pages += [f"{reverse('public:catalog')}?page={n}" for n in (1, 2)]
    for url in pages:
        body = client.get(url).content.decode()
        for marker in ("草稿甲乙丙", "审核中丁戊己", "退回庚辛壬"):
            assert marker not in body


@pytest.mark.django_db
def test_demo_history_is_dated_as_its_labels_say(demo, client):
    """2021年第1版 was published in 2021 after its items, not on the day the demo was loaded."""
    now = timezone.now()
    first, second = CatalogRevision.objects.order_by("published_at")
    assert (first.label, second.label) == ("2021年第1版", "2021年第2版")
    for revision in (first, second):
        assert timezone.localtime(revision.published_at).year == revision.year
        for entry in revision.entries.exclude(change=RevisionChange.WITHDRAWN):
            listed = Revision.objects.get(pk=entry.item_revision_id)
            assert listed.created_at < revision.published_at, entry.item_name
    withdrawal = ItemWithdrawal.objects.get()
    assert first.published_at < withdrawal.withdrawn_at < second.published_at
    for item in CertificateItem.objects.exclude(first_published_at=None):
        assert item.first_published_at < first.published_at, item.name
    for model, column in (
        (Revision, "created_at"),
        (ModelLogEntry, "timestamp"),
        (WorkflowState, "created_at"),
        (TaskState, "finished_at"),
        (CertificateItem, "last_published_at"),
        (ServiceGuide, "last_published_at"),
    ):
        assert not model.objects.filter(**{f"{column}__gt": now}).exists(), model
    for guide in ServiceGuide.objects.exclude(first_published_at=None):
        assert guide.first_published_at > second.published_at  # guides came later (issue 5)
    for letter in CommitmentLetter.objects.all():
        registered = timezone.localtime(letter.registered_at).date()
        assert letter.signed_on <= registered and letter.year == registered.year
        assert letter.disclosed_from in (None, registered)
    html = client.get(reverse("public:revisions")).content.decode()
    assert "2021年6月30日" in html and "2021年12月20日" in html


@pytest.mark.django_db
def test_footer_gives_the_bureaus_public_number_not_the_liaisons(demo, client):
    bureau = Department.objects.get(name="司法局")
    html = client.get(reverse("public:home")).content.decode()
    footer = html[html.index('<footer class="site-footer') :]
    assert f'咨询电话 <a href="tel:{bureau.public_phone}">{bureau.public_phone}</a>' in footer
    assert bureau.liaison_office_phone not in footer and bureau.liaison_mobile not in footer


@pytest.mark.django_db
def test_production_refuses_to_start_with_demo_passwords(demo, settings):
    settings.REFUSE_DEMO_ACCOUNTS = True
    with pytest.raises(ImproperlyConfigured, match="演示账号"):
        refuse_demo_accounts()


@pytest.mark.django_db
def test_production_starts_once_demo_passwords_are_changed(demo, settings):
    settings.REFUSE_DEMO_ACCOUNTS = True
    User = get_user_model()
    for user in User.objects.all():
        user.set_password("a-real-secret-Passw0rd")
        user.save()
    assert demo_accounts_with_demo_password() == []
    refuse_demo_accounts()  # does not raise


def test_production_settings_refuse_the_dev_secret_key(monkeypatch):
    import importlib
    import sys

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://x@127.0.0.1/x")
    sys.modules.pop("cms.settings.production", None)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        importlib.import_module("cms.settings.production")


@pytest.mark.django_db
def test_demo_casework_holds_every_state_and_one_false_commitment(demo):
    seen_on = timezone.localdate()  # the demo is dated from the day it is loaded on
    cases = list(Case.objects.all())
    assert {case.status(seen_on) for case in cases} == set(CaseStatus)
    assert any(case.form_overdue(seen_on) for case in cases)
    assert {case.outcome for case in cases} >= {"granted", "refused", "terminated"}
    assert VerificationTask.objects.overdue(seen_on).exists()
    false = FalseCommitment.objects.get()
    assert false.result.finding == "false" and false.result.evidence.exists()
    assert sorted(false.measures.values_list("kind", flat=True)) == ["rectify", "terminate"]
    assert false.case.outcome == "terminated"
    assert AssistanceRequest.objects.overdue(seen_on).count() == 1
    run = SamplingRun.objects.get()
    assert [(d.letter_id, d.inspector_id) for d in run.draws.order_by("position")] == draw(
        run.population, run.draws.count(), run.inspector_pool, run.seed
    )
    counts = (Case.objects.count(), VerificationTask.objects.count())
    call_command("load_demo_data", verbosity=0)
    assert (Case.objects.count(), VerificationTask.objects.count()) == counts


@pytest.mark.django_db
def test_demo_sets_alxa_right_banners_configuration_through_the_admins_services(demo):
    """A fresh installation names no government: the demo's 阿拉善右旗 settings, plan title and
    units are written by the functions the admin's pages and load_departments use, as their
    users (history rows and log entries say who)."""
    from fixtures.demo_supervision import PLAN_SOURCE
    from sitesettings.models import PublicWording, SiteIdentity
    from supervision.models import Plan

    users = get_user_model().objects
    admin, reviewer = users.get(username="admin"), users.get(username="reviewer")
    identity = SiteIdentity.history.filter(history_user=admin).latest("history_date")
    assert (identity.government_name, identity.host_unit) == ("阿拉善右旗", "阿拉善右旗司法局")
    assert SiteIdentity.history.earliest("history_date").government_name == ""  # migration
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", user=admin, content_type__model="siteidentity"
    ).exists()
    wording = PublicWording.history.filter(history_user=reviewer).latest("history_date")
    assert wording.home_introduction.startswith("阿拉善右旗全面推行")
    plan = Plan.objects.get(year=2021)
    assert plan.source == PLAN_SOURCE == "《阿拉善右旗全面推行证明事项告知承诺制实施方案》"
    assert plan.history.filter(history_user=reviewer, source=PLAN_SOURCE).exists()
    assert Plan.objects.get(year=2027).source == PLAN_SOURCE  # copied from 2021
    # the departments by load_departments' loader, each with its history
    created = Department.history.filter(history_type="+")
    assert set(created.values_list("name", flat=True)) == set(SEED_ANNEX1)
