"""Choices of verification (核查)."""

from django.db import models

from catalog.enums import VerificationMethod


class VerificationFinding(models.TextChoices):
    TRUE = "true", "属实"
    FALSE = "false", "不实"
    PARTLY_FALSE = "partly_false", "部分不实"
    UNVERIFIABLE = "unverifiable", "无法核实"


class TaskOrigin(models.TextChoices):
    ITEM_RULE = "item_rule", "按事项核查方式"
    SAMPLING = "sampling", "双随机抽查"
    COMPLAINT = "complaint", "举报线索"


# The Wagtail hook whose functions (request, task) -> safe HTML add sections to a task's admin
# page; later apps (complaints) register them, so this app never imports them.
TASK_SECTIONS_HOOK = "verification_task_sections"


# The methods a task can never have (an exempt item's letters are checked only when sampled, on
# site); the others are the verification methods' terms (ADR 023).
TASK_METHODS_EXCLUDED = (VerificationMethod.EXEMPT.value,)
FALSE_FINDINGS = (VerificationFinding.FALSE, VerificationFinding.PARTLY_FALSE)
# When a non-exempt item has no time limit (the catalog requires one; older rows may lack it).
FALLBACK_TIME_LIMIT_DAYS = 5
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
