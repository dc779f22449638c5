"""Choices of supervision: what a milestone asks for, and the state of a unit's delivery."""

from django.db import models


class Deliverable(models.TextChoices):
    """What a milestone asks of a unit: a document it uploads, or a fact the platform knows
    (ticked automatically, never uploaded)."""

    DOCUMENT = "document", "上传材料"
    LIAISON_COMPLETE = "liaison_complete", "联络员信息完整（自动核对）"
    CATALOG_PUBLISHED = "catalog_published", "证明事项目录已公布（自动核对）"
    GUIDES_PUBLISHED = "guides_published", "办事指南已公布（自动核对）"
    RULES_APPROVED = "rules_approved", "工作规程和风险点与防控措施经司法局审定（自动核对）"


FACT_DELIVERABLES = (
    Deliverable.LIAISON_COMPLETE,
    Deliverable.CATALOG_PUBLISHED,
    Deliverable.GUIDES_PUBLISHED,
    Deliverable.RULES_APPROVED,
)


class SubmissionStatus(models.TextChoices):
    """The stored decision on an uploaded deliverable (the row exists once a unit submits)."""

    SUBMITTED = "submitted", "已提交"
    CONFIRMED = "confirmed", "已确认"
    RETURNED = "returned", "已退回"


class MilestoneState(models.TextChoices):
    """The state shown for one unit and one milestone (computed, see ``supervision.states``)."""

    NOT_SUBMITTED = "not_submitted", "未提交"
    SUBMITTED = "submitted", "已提交"
    CONFIRMED = "confirmed", "已确认"
    RETURNED = "returned", "已退回"
    OVERDUE = "overdue", "逾期"


class ProblemStatus(models.TextChoices):
    OPEN = "open", "待答复"
    ANSWERED = "answered", "已答复"


class RuleKind(models.TextChoices):
    """A unit's own rules of 建章立制 (实施方案 四、(三)), each a versioned, reviewed document."""

    PROCEDURE = "procedure", "工作规程"
    RISK_CONTROLS = "risk_controls", "风险点与防控措施"


class RuleStatus(models.TextChoices):
    """The review of one version of a unit's rule document by the justice bureau."""

    SUBMITTED = "submitted", "待审核"
    APPROVED = "approved", "已审定"
    RETURNED = "returned", "已退回"
