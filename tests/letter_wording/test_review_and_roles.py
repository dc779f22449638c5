"""Who may read, edit, submit and approve the letter wording, and what a change must satisfy:
the justice bureau's reviewers edit and submit, another reviewer approves (never the author or
the submitter); supervisors and the administrator read; department roles and the security
and audit administrators see nothing (docs/adr/024-letter-wording.md)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import Revision

from catalog.letters.services import (
    letter_wording_ensure,
    letter_wording_review,
    letter_wording_submit,
    letter_wording_update,
)
from catalog.letters.wording import DEFAULT_TEXTS
from catalog.models import LetterWording, LetterWordingVersion
from permissions.enums import Role

from ..cases.helpers import make_world
from ..factories import make_user
from .helpers import NEW_INTRO

READERS = {"reviewer", "supervisor", "administrator"}
ROLES = [
    "editor",
    "leader",
    "reviewer",
    "supervisor",
    "administrator",
    "security_admin",
    "auditor",
]


@pytest.fixture
def world(db):
    world = make_world()
    world["users"]["reviewer2"] = make_user("reviewer2", role=Role.REVIEWER)
    world["users"]["reviewer3"] = make_user("reviewer3", role=Role.REVIEWER)
    return world


def _edit_url():
    return reverse("wagtailsnippets_catalog_letterwording:edit", args=[letter_wording_ensure().pk])


def _post_data(**changes):
    return {**DEFAULT_TEXTS, **changes}


def _revisions():
    return Revision.objects.filter(base_content_type__model="letterwording").count()


# --- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_overview_and_the_versions_are_read_by_reviewers_supervisors_and_the_administrator(
    client, world, role
):
    client.force_login(world["users"][role])
    overview = client.get(reverse("letter_wording"))
    version = client.get(reverse("letter_wording_version", args=[1]))
    if role in READERS:
        assert overview.status_code == version.status_code == 200
        assert "告知承诺书文本第1版" in overview.content.decode()
        # version 1 came with the installation: no person approved it
        assert "（审核发布：系统安装）" in overview.content.decode()
        assert DEFAULT_TEXTS["false_commitment_intro"] in version.content.decode()
        # only the justice bureau's reviewers are offered the edit form
        assert (_edit_url() in overview.content.decode()) == (role == "reviewer")
    else:
        assert overview.status_code != 200 and version.status_code != 200
        assert "告知承诺书文本第1版" not in overview.content.decode()


# --- editing -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_reviewers_open_and_save_the_edit_form(client, world, role):
    client.force_login(world["users"][role])
    before = _revisions()
    get = client.get(_edit_url())
    post = client.post(_edit_url(), _post_data(false_commitment_intro=NEW_INTRO))
    if role == "reviewer":
        assert get.status_code == 200
        assert "不实承诺的责任（引言）" in get.content.decode()
        assert _revisions() == before + 1
        draft = LetterWording.objects.get().get_latest_revision_as_object()
        assert draft.false_commitment_intro == NEW_INTRO
    else:
        assert get.status_code != 200 and post.status_code != 200
        assert _revisions() == before
    # the live wording and the versions are untouched by a draft
    assert (
        LetterWording.objects.get().false_commitment_intro
        == DEFAULT_TEXTS["false_commitment_intro"]
    )
    assert LetterWordingVersion.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_only_reviewers_edit_and_submit_through_the_services(world, role):
    user = world["users"][role]
    if role == "reviewer":
        letter_wording_update(user=user, texts={"false_commitment_intro": NEW_INTRO})
        letter_wording_submit(user=user)
        assert LetterWording.objects.get().current_workflow_state.requested_by == user
        return
    with pytest.raises(PermissionDenied, match="只有司法局审核员可以修改告知承诺书文本"):
        letter_wording_update(user=user, texts={"false_commitment_intro": NEW_INTRO})
    letter_wording_update(
        user=world["users"]["reviewer"], texts={"false_commitment_intro": NEW_INTRO}
    )
    with pytest.raises(PermissionDenied):
        letter_wording_submit(user=user)
    assert LetterWording.objects.get().current_workflow_state is None


def test_the_edit_form_submits_for_review_and_offers_no_publishing(client, world):
    reviewer = world["users"]["reviewer"]
    client.force_login(reviewer)
    page = client.get(_edit_url()).content.decode()
    assert "提交审核" in page
    assert 'name="action-publish"' not in page
    response = client.post(
        _edit_url(), {**_post_data(false_commitment_intro=NEW_INTRO), "action-submit": "1"}
    )
    assert response.status_code == 302
    state = LetterWording.objects.get().current_workflow_state
    assert state.status == state.STATUS_IN_PROGRESS and state.requested_by == reviewer
    assert LetterWordingVersion.objects.count() == 1


# --- review --------------------------------------------------------------------------------


def _in_review(author, submitter=None):
    letter_wording_update(user=author, texts={"false_commitment_intro": NEW_INTRO})
    letter_wording_submit(user=submitter or author)


@pytest.mark.parametrize("role", [r for r in ROLES if r != "reviewer"])
def test_nobody_but_a_reviewer_approves_or_sends_back(client, world, role):
    _in_review(world["users"]["reviewer"])
    user = world["users"][role]
    for action in ("approve", "reject"):
        with pytest.raises(PermissionDenied):
            letter_wording_review(user=user, action=action, comment="意见")
    client.force_login(user)
    response = client.post(reverse("letter_wording_review"), {"action": "approve"})
    assert response.status_code != 200 or "审核通过并发布" not in response.content.decode()
    assert LetterWordingVersion.objects.count() == 1


def test_the_author_who_submitted_cannot_approve_their_own_change(client, world):
    author = world["users"]["reviewer"]
    _in_review(author)
    with pytest.raises(PermissionDenied):
        letter_wording_review(user=author, action="approve")
    client.force_login(author)
    page = client.get(reverse("letter_wording_review")).content.decode()
    assert "须由另一名司法局审核员审核" in page
    assert "审核通过并发布" not in page
    refused = client.post(reverse("letter_wording_review"), {"action": "approve"})
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert LetterWordingVersion.objects.count() == 1


def test_neither_the_writer_nor_the_submitter_approves_a_third_reviewer_does(client, world):
    writer, submitter, third = (world["users"][k] for k in ("reviewer", "reviewer2", "reviewer3"))
    _in_review(writer, submitter)
    for user in (writer, submitter):
        with pytest.raises(PermissionDenied):
            letter_wording_review(user=user, action="approve")
    client.force_login(third)
    assert "审核通过并发布" in client.get(reverse("letter_wording_review")).content.decode()
    response = client.post(reverse("letter_wording_review"), {"action": "approve"})
    assert response.status_code == 302
    version = LetterWordingVersion.objects.current()
    assert version.number == 2 and version.approved_by == third
    assert version.submitted_by == submitter


def test_a_superuser_is_no_reviewer_of_the_wording(world):
    _in_review(world["users"]["reviewer"])
    root = make_user("root")
    root.is_superuser = True
    root.save()
    with pytest.raises(PermissionDenied):
        letter_wording_review(user=root, action="approve")


def test_sending_back_needs_a_comment_and_publishes_nothing(client, world):
    _in_review(world["users"]["reviewer"])
    client.force_login(world["users"]["reviewer2"])
    refused = client.post(reverse("letter_wording_review"), {"action": "reject", "comment": ""})
    assert "退回修改时必须填写意见" in refused.content.decode()
    client.post(reverse("letter_wording_review"), {"action": "reject", "comment": "请改回全盟。"})
    state = LetterWording.objects.get().current_workflow_state
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert LetterWordingVersion.objects.count() == 1
    overview = client.get(reverse("letter_wording")).content.decode()
    assert "已退回修改" in overview and "请改回全盟。" in overview
    # corrected and submitted again, then approved by the other reviewer
    letter_wording_update(user=world["users"]["reviewer"], texts={"copies_note": "（一式两份。）"})
    letter_wording_submit(user=world["users"]["reviewer"])
    version = letter_wording_review(user=world["users"]["reviewer2"], action="approve")
    assert version.number == 2 and version.texts["copies_note"] == "（一式两份。）"


def test_the_review_screen_shows_the_change_against_the_version_in_force(client, world):
    _in_review(world["users"]["reviewer"])
    client.force_login(world["users"]["reviewer2"])
    page = client.get(reverse("letter_wording_review")).content.decode()
    assert "有 1 项修改" in page and "第2版" in page
    assert "<del>盟</del>" in page and "<ins>市</ins>" in page


# --- validation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "message", "form_message"),
    [
        ("title", "   ", "“标题”不能为空。", "必需字段"),
        ("commitment_3", "", "“承诺第三项”不能为空。", "必需字段"),
        ("title", "告" * 41, "“标题”不能超过40字（现在41字）。", "不超过 40 字符"),
        (
            "return_dated",
            "请尽快递交。",
            "“递交期限（已定日期）”必须含有一次{日期}（现在没有）。",
            None,
        ),
        (
            "verification",
            "将采取{核查方式}方式，在{工作日}个工作日内核查，{工作日}。",
            "“核查说明”必须含有一次{工作日}（现在有2次）。",
            None,
        ),
        (
            "title",
            "{事项名称}告知承诺书",
            "“标题”中的{事项名称}不是可用的占位符（此处可用：无）。",
            None,
        ),
        ("copies_note", "一式两份}", "“份数说明”中的花括号只能用于占位符", None),
        (
            "cooperation",
            "本人愿意配合核查ᠮᠣᠩᠭᠣᠯ。",
            "“配合核查”中的蒙古文“ᠮ”（U+182E）无法在PDF版告知承诺书中打印",
            None,
        ),
    ],
)
def test_a_wording_that_cannot_be_printed_is_refused_naming_the_field(
    client, world, field, text, message, form_message
):
    """Refused when saved (the service and the admin form, the message at the field), not
    when a citizen downloads the PDF; nothing is written."""
    reviewer = world["users"]["reviewer"]
    before = _revisions()
    with pytest.raises(ValidationError) as refused:
        letter_wording_update(user=reviewer, texts={field: text})
    assert any(message in m for m in refused.value.message_dict[field])
    client.force_login(reviewer)
    response = client.post(_edit_url(), _post_data(**{field: text}))
    assert response.status_code == 200  # the form again, with its errors
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert any((form_message or message) in m for m in errors[field]), errors[field]
    assert _revisions() == before  # nothing half-written
    assert LetterWordingVersion.objects.count() == 1


def test_approval_publishes_only_a_valid_wording(world):
    """The last revision is checked again at submission."""
    _in_review(world["users"]["reviewer"])
    version = letter_wording_review(user=world["users"]["reviewer2"], action="approve")
    assert version.wording().false_commitment_intro == NEW_INTRO
    with pytest.raises(ValidationError, match="没有待审核的修改"):
        letter_wording_submit(user=world["users"]["reviewer"])


def _home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_dashboard_tells_the_other_reviewer_and_the_sent_back_author(client, world):
    author, other = world["users"]["reviewer"], world["users"]["reviewer2"]
    _in_review(author)
    assert "告知承诺书文本的修改等待您审核" in _home(client, other)
    assert "告知承诺书文本的修改等待您审核" not in _home(client, author)
    letter_wording_review(user=other, action="reject", comment="请写明盟市。")
    assert "您提交的告知承诺书文本修改已被退回：请写明盟市。" in _home(client, author)
    assert "告知承诺书文本" not in _home(client, world["users"]["editor"])


@pytest.mark.parametrize("role", ROLES)
def test_an_unsubmitted_draft_is_compared_with_the_version_in_force(client, world, role):
    letter_wording_update(
        user=world["users"]["reviewer"], texts={"false_commitment_intro": NEW_INTRO}
    )
    client.force_login(world["users"][role])
    response = client.get(reverse("letter_wording_compare"))
    if role in READERS:
        page = response.content.decode()
        assert "有 1 项修改" in page and "<del>盟</del>" in page and "<ins>市</ins>" in page
        assert "对照现行版本查看修改" in client.get(reverse("letter_wording")).content.decode()
    else:
        assert response.status_code != 200


def test_not_even_a_superuser_publishes_from_the_edit_form(client, world):
    root = make_user("root")
    root.is_superuser = True
    root.save()
    client.force_login(root)
    data = {**_post_data(false_commitment_intro=NEW_INTRO), "action-publish": "1"}
    client.post(_edit_url(), data)
    assert LetterWordingVersion.objects.count() == 1
    wording = LetterWording.objects.get()
    assert wording.false_commitment_intro == DEFAULT_TEXTS["false_commitment_intro"]
    assert wording.get_latest_revision_as_object().false_commitment_intro == NEW_INTRO
