"""The fixed wording of the letter form (告知承诺书文本) and its published versions.

``LetterWording`` is the one editable record: a Wagtail snippet with drafts, revisions and the
review workflow 告知承诺书文本审核 (the justice bureau edits and submits, another reviewer
approves). Each approval publishes it and freezes its texts as the next
``LetterWordingVersion`` (第1版, 第2版 …), which forms state and registered letters keep.
The texts and their rules are in ``catalog/letters/wording.py``.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
    WorkflowState,
)

from ..letters.font import LAYOUT_CHARACTERS, covered, script_of
from ..letters.wording import (
    FIELDS_BY_NAME,
    WORDING_FIELD_NAMES,
    LetterWordingText,
    placeholder_errors,
)
from ..text import CleanTextMixin


def _text(name: str) -> models.TextField:
    spec = FIELDS_BY_NAME[name]
    return models.TextField(spec.label, max_length=spec.max_length, help_text=spec.help_text)


def wording_errors(texts: dict) -> dict[str, list[str]]:
    """Every problem of ``texts`` (field name → texts), in Chinese naming the field: empty,
    too long, placeholders, or a character the PDF font cannot print."""
    errors: dict[str, list[str]] = {}
    for name in WORDING_FIELD_NAMES:
        spec = FIELDS_BY_NAME[name]
        text = texts.get(name) or ""
        problems = []
        if not text.strip():
            problems.append(f"“{spec.label}”不能为空。")
        elif len(text) > spec.max_length:
            problems.append(f"“{spec.label}”不能超过{spec.max_length}字（现在{len(text)}字）。")
        problems += placeholder_errors(name, text)
        missing = []
        for character in dict.fromkeys(text):  # each character once, in order
            if character not in LAYOUT_CHARACTERS and not covered(character):
                missing.append(character)
        for character in missing:
            problems.append(
                f"“{spec.label}”中的{script_of(character)}“{character}”"
                f"（U+{ord(character):04X}）无法在PDF版告知承诺书中打印，请改用其他写法。"
            )
        if problems:
            errors[name] = problems
    return errors


class LetterWording(
    CleanTextMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model
):
    """The texts every letter form prints (附件3's fixed wording); one record, edited by the
    justice bureau and published through review."""

    title = _text("title")
    agent_column_note = _text("agent_column_note")
    commitment_way = _text("commitment_way")
    agent_allowed = _text("agent_allowed")
    agent_not_allowed = _text("agent_not_allowed")
    return_unknown = _text("return_unknown")
    return_dated = _text("return_dated")
    commitment_effect = _text("commitment_effect")
    verification = _text("verification")
    verification_exempt = _text("verification_exempt")
    false_commitment_intro = _text("false_commitment_intro")
    disclosed = _text("disclosed")
    not_disclosed = _text("not_disclosed")
    commitments_intro = _text("commitments_intro")
    commitment_1 = _text("commitment_1")
    commitment_2 = _text("commitment_2")
    commitment_3 = _text("commitment_3")
    commitment_4 = _text("commitment_4")
    commitment_5 = _text("commitment_5")
    cooperation = _text("cooperation")
    copies_note = _text("copies_note")

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="letter_wording",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="letter_wording",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title", required_on_save=True),
        MultiFieldPanel(
            [FieldPanel("agent_column_note", required_on_save=True)], heading="一、基本信息"
        ),
        MultiFieldPanel(
            [
                FieldPanel(name, required_on_save=True)
                for name in (
                    "commitment_way",
                    "agent_allowed",
                    "agent_not_allowed",
                    "return_unknown",
                    "return_dated",
                    "commitment_effect",
                    "verification",
                    "verification_exempt",
                    "false_commitment_intro",
                    "disclosed",
                    "not_disclosed",
                )
            ],
            heading="二、行政机关告知",
        ),
        MultiFieldPanel(
            [
                FieldPanel(name, required_on_save=True)
                for name in (
                    "commitments_intro",
                    "commitment_1",
                    "commitment_2",
                    "commitment_3",
                    "commitment_4",
                    "commitment_5",
                    "cooperation",
                    "copies_note",
                )
            ],
            heading="三、申请人承诺",
        ),
    ]

    class Meta:
        verbose_name = "告知承诺书文本"
        verbose_name_plural = "告知承诺书文本"

    def __str__(self):
        return "告知承诺书文本"

    def texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in WORDING_FIELD_NAMES}

    def clean(self):
        super().clean()
        self.clean_text_fields()
        errors = wording_errors(self.texts())
        if errors:
            raise ValidationError(errors)

    def publish(self, revision, user=None, **kwargs):
        """Publish ``revision`` and freeze its texts as the next version, in one transaction."""
        with transaction.atomic():
            result = super().publish(revision, user=user, **kwargs)
            LetterWordingVersion.record(revision, approved_by=user)
        return result


class LetterWordingVersionQuerySet(models.QuerySet):
    def current(self):
        return self.order_by("-number").first()


class LetterWordingVersion(models.Model):
    """One published version of the wording, frozen: letters and forms keep the version they
    were made on. Never changed or deleted (letters refer to it)."""

    number = models.PositiveIntegerField("版次", unique=True)
    texts = models.JSONField("文本")
    published_at = models.DateTimeField("发布时间", default=timezone.now)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="发布的修订",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核发布人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    objects = LetterWordingVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "告知承诺书文本版本"
        verbose_name_plural = "告知承诺书文本版本"
        ordering = ["-number"]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("已发布的告知承诺书文本版本不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("已发布的告知承诺书文本版本不能删除。")

    @property
    def label(self) -> str:
        return f"告知承诺书文本第{self.number}版"

    def wording(self) -> LetterWordingText:
        return LetterWordingText.from_texts(
            self.texts, number=self.number, published_at=self.published_at
        )

    def fields_in_order(self) -> list[tuple[str, str]]:
        """(label, text) of every text, in the order of the letter."""
        return [(FIELDS_BY_NAME[n].label, self.texts.get(n, "")) for n in WORDING_FIELD_NAMES]

    @classmethod
    def record(cls, revision, *, approved_by=None) -> "LetterWordingVersion":
        """Freeze the texts of the published ``revision`` as the next version."""
        wording = revision.as_object()
        last = cls.objects.select_for_update().order_by("-number").first()
        state = (
            WorkflowState.objects.filter(
                base_content_type_id=revision.base_content_type_id,
                object_id=str(wording.pk),
                status=WorkflowState.STATUS_APPROVED,
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        return cls.objects.create(
            number=(last.number + 1) if last else 1,
            texts=wording.texts(),
            revision=revision,
            submitted_by=state.requested_by if state else revision.user,
            approved_by=approved_by,
        )
