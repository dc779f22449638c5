"""Every write of the legal-document registry: check, act, log.

The justice bureau (reviewers, who hold ``catalog.change_legaldocument``) keeps the registry:
it confirms documents created by citations, corrects them, and marks them amended or repealed.
Marking raises a ``ReviewFlag`` (需复核) on exactly the published items whose published version
cites the document; a flag is closed when the item is published again after review, withdrawn,
or closed by a reviewer with a note.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..enums import DocumentStatus
from ..models import CertificateItem
from ..text import clean_line, clean_text
from .models import LegalDocument, ReviewFlag

MANAGE_PERMISSION = "catalog.change_legaldocument"


def user_may_manage_registry(user) -> bool:
    return bool(user.is_active and user.has_perm(MANAGE_PERMISSION))


def _check(user) -> None:
    if not user_may_manage_registry(user):
        raise PermissionDenied("只有司法局审核员可以维护法律文件库。")


@transaction.atomic
def legal_document_verify(*, user, document: LegalDocument) -> LegalDocument:
    """The justice bureau confirms an entry (created by a citation or an import)."""
    _check(user)
    document = LegalDocument.objects.select_for_update().get(pk=document.pk)
    if not document.legal_level:
        raise ValidationError({"legal_level": "确认前请填写效力层级。"})
    document.verified, document.verified_by, document.verified_at = True, user, timezone.now()
    document._history_user = user
    document._change_reason = "司法局确认"
    document.save()
    log(instance=document, action="wagtail.edit", user=user, data={"verified": True})
    return document


@transaction.atomic
def legal_document_set_status(
    *,
    user,
    document: LegalDocument,
    status: str,
    date: datetime.date | None,
    note: str = "",
) -> list[ReviewFlag]:
    """Mark a document 现行有效, 已修改 (on ``date``) or 已废止 (on ``date``).

    Amending or repealing flags every published item citing it (``review_flags_raise``); the
    flags are returned. Back to 现行有效 raises nothing and closes nothing: items flagged stay
    to be reviewed.
    """
    _check(user)
    if status not in DocumentStatus.values:
        raise ValidationError({"status": "请选择时效性。"})
    note = clean_text(note or "").strip()
    document = LegalDocument.objects.select_for_update().get(pk=document.pk)
    if status == DocumentStatus.IN_FORCE:
        document.status = status
    else:
        if date is None:
            label = DocumentStatus(status).label
            raise ValidationError({"date": f"请填写{label[1:]}日期。"})
        if date > timezone.localdate():
            raise ValidationError({"date": "日期不能晚于今天：请在修改或废止生效后再标记。"})
        document.status = status
        if status == DocumentStatus.AMENDED:
            document.amended_on = date
        else:
            document.repealed_on = date
    if note:
        document.status_note = note
    document._history_user = user
    document._change_reason = f"标记为{document.get_status_display()}"
    document.save()
    log(
        instance=document,
        action="wagtail.edit",
        user=user,
        data={"status": document.status, "date": date.isoformat() if date else None},
    )
    if status == DocumentStatus.IN_FORCE:
        return []
    return review_flags_raise(document=document, user=user)


def review_flags_raise(*, document: LegalDocument, user=None) -> list[ReviewFlag]:
    """需复核 on every live item whose published legal bases cite ``document`` (an open flag of
    the same item and document is updated to the new change)."""
    change = document.status
    if change not in (DocumentStatus.AMENDED, DocumentStatus.REPEALED):
        return []
    item_ids = set(
        CertificateItem.objects.live()
        .filter(legal_bases__document=document)
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    flags = []
    for item_id in sorted(item_ids):
        flag, created = ReviewFlag.objects.open().get_or_create(
            item_id=item_id,
            document=document,
            defaults={
                "change": change,
                "changed_on": document.status_date,
                "raised_at": now,
                "raised_by": user,
            },
        )
        if not created:
            flag.change, flag.changed_on = change, document.status_date
            flag.raised_at, flag.raised_by = now, user
            flag.save(update_fields=["change", "changed_on", "raised_at", "raised_by"])
        flags.append(flag)
    return flags


def review_flags_close(*, item_id: int, resolution: str, user=None) -> int:
    """Close the open flags of an item (published again after review, or withdrawn)."""
    return (
        ReviewFlag.objects.open()
        .filter(item_id=item_id)
        .update(resolved_at=timezone.now(), resolved_by=user, resolution=resolution)
    )


@transaction.atomic
def review_flag_resolve(*, user, flag: ReviewFlag, resolution: str) -> ReviewFlag:
    """A reviewer closes a flag: the item needs no change (the note says why)."""
    _check(user)
    resolution = clean_line(resolution or "").strip()
    if not resolution:
        raise ValidationError(
            {"resolution": "请写明复核结论，例如：修改未涉及所引条款，无需调整。"}
        )
    flag = ReviewFlag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_open:
        raise ValidationError({"resolution": "该标记已经复核完成。"})
    flag.resolved_at, flag.resolved_by, flag.resolution = timezone.now(), user, resolution[:300]
    flag.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return flag
