"""Writes of the letter wording (告知承诺书文本): install version 1, edit, submit, review.

The admin's edit view (a Wagtail snippet) does the same through Wagtail's machinery; these are
for the review screen, the demo data and tests. Keyword-only, permission-checked."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import LetterWording, LetterWordingVersion
from ..text import clean_text
from ..workflow import workflow_submit
from .wording import DEFAULT_TEXTS, WORDING_FIELD_NAMES

EDIT_REFUSED = "只有司法局审核员可以修改告知承诺书文本。"


def letter_wording_ensure() -> LetterWording:
    """The wording record, and version 1 from today's texts when there is no version at all
    (after a ``flush`` emptied what the data migration installed)."""
    wording = LetterWording.objects.order_by("pk").first()
    if wording is None:
        now = timezone.now()
        wording = LetterWording.objects.create(
            **DEFAULT_TEXTS, live=True, first_published_at=now, last_published_at=now
        )
    if not LetterWordingVersion.objects.exists():
        LetterWordingVersion.objects.create(number=1, texts=dict(DEFAULT_TEXTS))
    return wording


def user_may_edit_wording(user) -> bool:
    return bool(user.is_active and user.has_perm("catalog.change_letterwording"))


def _check_edit(user) -> None:
    if not user_may_edit_wording(user):
        raise PermissionDenied(EDIT_REFUSED)


@transaction.atomic
def letter_wording_update(*, user, texts: dict) -> LetterWording:
    """Save a new draft revision with ``texts`` changed (the published version stays)."""
    _check_edit(user)
    wording = LetterWording.objects.select_for_update().get(pk=letter_wording_ensure().pk)
    draft = wording.get_latest_revision_as_object()
    unknown = set(texts) - set(WORDING_FIELD_NAMES)
    if unknown:
        raise ValidationError(f"告知承诺书文本没有这些项：{'、'.join(sorted(unknown))}。")
    for name, value in texts.items():
        setattr(draft, name, clean_text(value, multiline=True))
    draft.full_clean(exclude=["latest_revision", "live_revision", "locked_by"])
    draft.save_revision(user=user, log_action=True)
    return draft


@transaction.atomic
def letter_wording_submit(*, user) -> None:
    """Send the latest revision into review (again, after it was sent back)."""
    _check_edit(user)
    wording = LetterWording.objects.select_for_update().get(pk=letter_wording_ensure().pk)
    draft = wording.get_latest_revision_as_object()
    draft.full_clean(exclude=["latest_revision", "live_revision", "locked_by"])
    if wording.latest_revision_id is None or not wording.has_unpublished_changes:
        raise ValidationError("告知承诺书文本没有待审核的修改。")
    workflow_submit(wording, user, already_in_review="告知承诺书文本已在审核中。")


@transaction.atomic
def letter_wording_review(*, user, action: str, comment: str = "") -> LetterWordingVersion | None:
    """Approve (which publishes the next version) or send back the wording under review.
    The review step refuses whoever submitted or wrote the revision under review."""
    wording = LetterWording.objects.select_for_update().get(pk=letter_wording_ensure().pk)
    task_state = wording.current_workflow_task_state
    if task_state is None:
        raise ValidationError("告知承诺书文本当前不在审核中。")
    task_state.task.specific.on_action(task_state.specific, user, action, comment=comment)
    if action == "approve":
        return LetterWordingVersion.objects.current()
    return None
