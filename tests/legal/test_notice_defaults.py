"""A department's 告知内容默认值 are set in the admin, once, by its editors (or by the justice
bureau's reviewers and the system administrator); the import then gives them to every new item,
and a department whose defaults are complete brings its sheet in with --submit."""

import pytest
from django.urls import reverse

from catalog.enums import ItemStatus, VerificationMethod
from catalog.models import CertificateItem, NoticeDefaults
from catalog.spreadsheets.services import catalog_import
from tests.spreadsheets.sheets import annex4_xlsx

from .documents import firms_rules, lawyers_law
from .test_import_bases import seed_row

FORM = {
    "certificate_content": "申请人已具备“{证明名称}”所证明的条件，可以办理{证明用途}。",
    "false_commitment_consequences": "终止办理；已作出的行政决定依法撤销；纳入信用记录。",
    "verification_method": VerificationMethod.ONLINE,
    "verification_time_limit_days": "10",
    "verification_details": "",
    "disclosure_scope": "",
    "disclosure_period_months": "",
}

# role → may set the defaults of (甲局, 乙局); the editor and the leader belong to 甲局
MAY_SET = {
    "editor_a": (True, False),
    "leader_a": (False, False),
    "reviewer": (True, True),
    "supervisor": (False, False),
    "administrator": (True, True),
}


@pytest.mark.parametrize("role", MAY_SET)
@pytest.mark.parametrize("which", ["own", "other"])
def test_who_sets_the_defaults_of_which_department(client, request, role, which, dept_a, dept_b):
    client.force_login(request.getfixturevalue(role))
    department = dept_a if which == "own" else dept_b
    allowed = MAY_SET[role][which == "other"]
    url = reverse("notice_defaults_edit", args=[department.pk])
    response = client.post(url, FORM, follow=True)
    saved = NoticeDefaults.objects.filter(department=department).first()
    if allowed:
        assert response.redirect_chain[-1][0] == reverse("notice_defaults")
        assert saved.verification_time_limit_days == 10 and saved.missing() == []
        assert saved.history.first().history_user.username == role
    else:
        assert saved is None
        messages = [str(m) for m in response.context["messages"]]
        assert messages == [
            "您没有权限设置该单位的告知内容默认值：只有本单位的部门编辑、司法局审核员和系统管理员可以设置。"
        ]


def test_the_list_shows_an_editor_only_their_departments_and_what_is_missing(
    client, editor_a, dept_a, dept_b
):
    client.force_login(editor_a)
    html = client.get(reverse("notice_defaults")).content.decode()
    assert dept_a.name in html and dept_b.name not in html
    assert "未设置" in html
    client.post(
        reverse("notice_defaults_edit", args=[dept_a.pk]),
        {**FORM, "verification_time_limit_days": ""},
    )
    html = client.get(reverse("notice_defaults")).content.decode()
    assert "不完整（缺少核查时限）" in html
    assert reverse("notice_defaults") in _menu(client)


def _menu(client) -> str:
    """The dashboard page, whose sidebar menu (JSON) holds the menu items' URLs."""
    return client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("role", ["leader_a", "supervisor"])
def test_whoever_sets_no_defaults_has_no_menu_item_and_no_list(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert reverse("notice_defaults") not in _menu(client)
    response = client.get(reverse("notice_defaults"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_mistakes_are_refused_at_their_fields(client, editor_a, dept_a):
    client.force_login(editor_a)
    response = client.post(
        reverse("notice_defaults_edit", args=[dept_a.pk]),
        {
            **FORM,
            "certificate_content": "【待补充】申请人具备{证明单位}的条件。",
            "disclosure_period_months": "12",
        },
    )
    errors = response.context["form"].errors
    assert errors["certificate_content"] == [
        "{证明单位}不是可用的替换名称，只能使用{证明名称}、{证明用途}、{开具单位}。",
        "请写实际内容，不要保留“【待补充】”。",
    ]
    assert errors["letters_disclosed"] == ["已填写公开范围或时限，但没有勾选“公开承诺书”。"]
    assert not NoticeDefaults.objects.exists()


def test_a_sheet_imported_after_the_defaults_are_set_goes_into_review_whole(
    client, editor_a, dept_a
):
    lawyers_law(), firms_rules()
    client.force_login(editor_a)
    client.post(reverse("notice_defaults_edit", args=[dept_a.pk]), FORM)
    report = catalog_import(
        user=editor_a,
        data=annex4_xlsx([seed_row()], unit=dept_a.name),
        filename="目录.xlsx",
        department=dept_a,
        commit=True,
        submit=True,
    )
    assert report.committed and report.submitted == 1
    item = CertificateItem.objects.get()
    assert item.status() == ItemStatus.IN_REVIEW
    assert item.certificate_content == (
        "申请人已具备“拟任分所负责人执业经历证明”所证明的条件，可以办理律师事务所申请设立分所。"
    )
