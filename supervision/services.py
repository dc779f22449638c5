"""Every write of supervision: check permission, act, keep history (simple-history records who
and when on every row; exports are written to the audit log by the views).

- plans: ``plan_update`` (its name and 依据文件, as the admin's plan form), ``plan_copy`` (the
  next year's plan from this one's milestones, dates moved);
- deliveries: ``submission_deliver`` (a unit's clerk, own unit only), ``submission_decide``
  (the justice bureau confirms or returns with a comment);
- problems: ``problem_report`` (a unit's clerk), ``problem_answer`` (the justice bureau);
- rules (建章立制): ``rule_document_submit`` (a unit's clerk, a new version for their own unit),
  ``rule_document_decide`` (the justice bureau approves or returns with a comment).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from catalog.text import clean_text
from permissions.scope import Scope, granted_department_ids

from .access import SUPERVISING_UNIT_NAMES, is_supervisor
from .documents import MAX_FILES, upload_error
from .enums import ProblemStatus, RuleKind, RuleStatus, SubmissionStatus
from .models import (
    Milestone,
    Plan,
    ProblemReport,
    RuleDocument,
    Submission,
    SubmissionDocument,
    SupervisorUnit,
)

NOT_OWN_UNIT = "您只能为本单位报送材料。"
NOT_OWN_UNIT_PROBLEM = "您只能以本单位的名义报告问题。"
NO_DECISION_RIGHT = "只有司法局审核员可以确认或退回报送材料。"
NO_ANSWER_RIGHT = "只有司法局审核员可以答复问题报告。"
NO_PLAN_RIGHT = "只有司法局审核员可以制定实施方案。"
NOT_OWN_UNIT_RULES = "您只能为本单位报送工作规程和风险点与防控措施。"
NO_RULE_DECISION_RIGHT = "只有司法局审核员可以审定或退回单位的规章制度。"


def user_may_deliver(user, department_id: int) -> bool:
    """A unit's own editors deliver for it (not reviewers, supervisors or other units)."""
    return user.has_perm("supervision.deliver_submission") and department_id in (
        granted_department_ids(user, Scope.EDIT)
    )


def user_may_decide(user) -> bool:
    return user.has_perm("supervision.decide_submission")


def user_may_report(user, department_id: int) -> bool:
    return user.has_perm("supervision.add_problemreport") and department_id in (
        granted_department_ids(user, Scope.EDIT)
    )


def user_may_answer(user) -> bool:
    return user.has_perm("supervision.answer_problemreport")


def _shift_year(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


PLAN_FIELDS = ("name", "source")


@transaction.atomic
def plan_update(*, user, plan: Plan, **values) -> Plan:
    """Change a plan's name or 依据文件 (``source``), checked as the admin's plan form is: the
    plan shipped by migration names no government, each installation names its own plan."""
    if not user.has_perm("supervision.change_plan"):
        raise PermissionDenied(NO_PLAN_RIGHT)
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"not fields of a plan: {sorted(unknown)}")
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    for name, value in values.items():
        setattr(plan, name, clean_text(value or "", multiline=False).strip())
    plan.full_clean()
    plan._history_user = user
    plan.save()
    return plan


@transaction.atomic
def plan_copy(*, user, plan: Plan, year: int, name: str = "") -> Plan:
    """A new plan for ``year`` with ``plan``'s milestones, each due on the same day of its year."""
    if not user.has_perm("supervision.add_plan"):
        raise PermissionDenied(NO_PLAN_RIGHT)
    errors = {}
    if not 2000 <= year <= 2100:
        errors["year"] = ["请填写2000至2100之间的年度。"]
    elif Plan.objects.filter(year=year).exists():
        errors["year"] = [f"{year}年的实施方案已存在。"]
    name = clean_text(name or "", multiline=False).strip() or f"{year}年实施方案"
    if errors:
        raise ValidationError(errors)
    copy = Plan(year=year, name=name, source=plan.source)
    copy._history_user = user
    copy.save()
    shift = year - plan.year
    for milestone in plan.milestones.order_by("due_on", "sort_order", "pk"):
        new = Milestone(
            plan=copy,
            sort_order=milestone.sort_order,
            name=milestone.name,
            description=milestone.description,
            due_on=_shift_year(milestone.due_on, shift),
            deliverable=milestone.deliverable,
            for_banner_departments=milestone.for_banner_departments,
            for_townships=milestone.for_townships,
            for_vertical_units=milestone.for_vertical_units,
            for_fire_brigade=milestone.for_fire_brigade,
        )
        new._history_user = user
        new.save()
    return copy


@transaction.atomic
def submission_deliver(*, user, milestone: Milestone, department, files, note: str = ""):
    """Upload a unit's documents for a milestone: 已提交 until the justice bureau decides. A
    returned deliverable is submitted again the same way (the earlier files are kept)."""
    if not user_may_deliver(user, department.pk):
        raise PermissionDenied(NOT_OWN_UNIT)
    if milestone.is_fact:
        raise ValidationError({"files": ["该节点由平台自动核对，无需上传材料。"]})
    if not milestone.applies_to(department):
        raise ValidationError({"files": ["该节点不适用于本单位。"]})
    files = list(files or [])
    errors = []
    if not files:
        errors.append("请选择要上传的材料。")
    elif len(files) > MAX_FILES:
        errors.append(f"一次最多上传 {MAX_FILES} 个文件。")
    else:
        errors.extend(error for error in map(upload_error, files) if error)
    submission = (
        Submission.objects.select_for_update()
        .filter(milestone=milestone, department=department)
        .first()
    )
    if submission is not None and submission.status == SubmissionStatus.CONFIRMED:
        errors.append("该节点的材料已确认，不能再次报送。")
    if submission is not None and submission.status == SubmissionStatus.SUBMITTED:
        errors.append("材料已报送，正在等待司法局确认；如需补充，请等待退回后重新报送。")
    if errors:
        raise ValidationError({"files": errors})
    now = timezone.now()
    if submission is None:
        submission = Submission(milestone=milestone, department=department)
    submission.status = SubmissionStatus.SUBMITTED
    submission.note = clean_text(note or "", multiline=True).strip()
    submission.submitted_by = user
    submission.submitted_at = now
    submission.decided_by = None
    submission.decided_at = None
    submission._history_user = user
    submission.save()
    for upload in files:
        document = SubmissionDocument(
            submission=submission,
            file=upload,
            original_name=clean_text(upload.name, multiline=False)[:200],
            size=upload.size,
            uploaded_by=user,
            uploaded_at=now,
        )
        document._history_user = user
        document.save()
    return submission


@transaction.atomic
def submission_decide(*, user, submission: Submission, action: str, comment: str = ""):
    """Confirm (``action="confirm"``) or return (``"return"``, a comment required)."""
    if not user_may_decide(user):
        raise PermissionDenied(NO_DECISION_RIGHT)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    comment = clean_text(comment or "", multiline=True).strip()
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError({"comment": ["只能确认或退回“已提交”的材料。"]})
    if action == "return" and not comment:
        raise ValidationError({"comment": ["退回时请填写审核意见，说明需要补充或修改的内容。"]})
    if action not in ("confirm", "return"):
        raise ValidationError({"comment": ["请选择确认或退回。"]})
    submission.status = (
        SubmissionStatus.CONFIRMED if action == "confirm" else SubmissionStatus.RETURNED
    )
    submission.comment = comment
    submission.decided_by = user
    submission.decided_at = timezone.now()
    submission._history_user = user
    submission.save()
    return submission


@transaction.atomic
def problem_report(*, user, department, title: str, body: str) -> ProblemReport:
    if not user_may_report(user, department.pk):
        raise PermissionDenied(NOT_OWN_UNIT_PROBLEM)
    title = clean_text(title or "", multiline=False).strip()
    body = clean_text(body or "", multiline=True).strip()
    errors = {}
    if not title:
        errors["title"] = ["请用一句话写明问题。"]
    if not body:
        errors["body"] = ["请写明问题的情况，便于司法局答复。"]
    if errors:
        raise ValidationError(errors)
    report = ProblemReport(department=department, title=title, body=body, reported_by=user)
    report._history_user = user
    report.save()
    return report


@transaction.atomic
def problem_answer(*, user, report: ProblemReport, answer: str) -> ProblemReport:
    if not user_may_answer(user):
        raise PermissionDenied(NO_ANSWER_RIGHT)
    answer = clean_text(answer or "", multiline=True).strip()
    if not answer:
        raise ValidationError({"answer": ["请填写答复内容。"]})
    report = ProblemReport.objects.select_for_update().get(pk=report.pk)
    report.answer = answer
    report.status = ProblemStatus.ANSWERED
    report.answered_by = user
    report.answered_at = timezone.now()
    report._history_user = user
    report.save()
    return report


def user_may_submit_rules(user, department_id: int) -> bool:
    """A unit's own editors (clerks) write its rules; nobody else, whatever else they may do."""
    return user.has_perm("supervision.submit_ruledocument") and department_id in (
        granted_department_ids(user, Scope.EDIT)
    )


def user_may_decide_rules(user) -> bool:
    return user.has_perm("supervision.decide_ruledocument")


@transaction.atomic
def rule_document_submit(
    *, user, department, kind: str, text: str = "", file=None, note: str = ""
) -> RuleDocument:
    """A new version of the unit's 工作规程 or 风险点与防控措施, 待审核 until the justice bureau
    decides. Written in the form (``text``) or uploaded (``file``: PDF, Word, Excel), or both.
    One version at a time is under review; an approved version stays in force until a later
    one is approved."""
    if not user_may_submit_rules(user, department.pk):
        raise PermissionDenied(NOT_OWN_UNIT_RULES)
    if kind not in RuleKind.values:
        raise ValidationError({"kind": ["请选择工作规程或风险点与防控措施。"]})
    text = clean_text(text or "", multiline=True).strip()
    note = clean_text(note or "", multiline=True).strip()
    errors = {}
    if not text and file is None:
        errors["text"] = ["请填写正文，或上传文件。"]
    if file is not None:
        problem = upload_error(file)
        if problem:
            errors["file"] = [problem]
    versions = RuleDocument.objects.select_for_update().filter(department=department, kind=kind)
    if versions.filter(status=RuleStatus.SUBMITTED).exists():
        errors.setdefault("text", []).append(
            "已有一个版本正在等待司法局审核，请等待审定或退回后再报送新版本。"
        )
    if errors:
        raise ValidationError(errors)
    latest = versions.aggregate(latest=Max("version"))["latest"] or 0
    document = RuleDocument(
        department=department,
        kind=kind,
        version=latest + 1,
        text=text,
        note=note,
        submitted_by=user,
        submitted_at=timezone.now(),
    )
    if file is not None:
        document.file = file
        document.original_name = clean_text(file.name, multiline=False)[:200]
    document._history_user = user
    document.save()
    return document


@transaction.atomic
def rule_document_decide(
    *, user, document: RuleDocument, action: str, comment: str = ""
) -> RuleDocument:
    """Approve (``action="approve"``) or return (``"return"``, a comment required) the version
    under review."""
    if not user_may_decide_rules(user):
        raise PermissionDenied(NO_RULE_DECISION_RIGHT)
    document = RuleDocument.objects.select_for_update().get(pk=document.pk)
    comment = clean_text(comment or "", multiline=True).strip()
    if action not in ("approve", "return"):
        raise ValidationError({"comment": ["请选择审定或退回。"]})
    if document.status != RuleStatus.SUBMITTED:
        raise ValidationError({"comment": ["只能审定或退回“待审核”的版本。"]})
    if action == "return" and not comment:
        raise ValidationError({"comment": ["退回时请填写审核意见，说明需要修改的内容。"]})
    document.status = RuleStatus.APPROVED if action == "approve" else RuleStatus.RETURNED
    document.comment = comment
    document.decided_by = user
    document.decided_at = timezone.now()
    document._history_user = user
    document.save()
    return document


NO_BIND_RIGHT = "只有系统管理员可以设置监管人员所属单位。"


@transaction.atomic
def supervisor_bind(*, user, supervisor, department) -> SupervisorUnit:
    """Bind a supervisor's account to the supervising unit they work for (history kept)."""
    if not user.has_perm("supervision.add_supervisorunit"):
        raise PermissionDenied(NO_BIND_RIGHT)
    errors = {}
    if not is_supervisor(supervisor):
        errors["supervisor"] = ["该账号不是监管人员。"]
    if department is None or department.name not in SUPERVISING_UNIT_NAMES:
        names = "、".join(SUPERVISING_UNIT_NAMES)
        errors["department"] = [f"监管人员只能绑定监督单位（{names}）。"]
    if errors:
        raise ValidationError(errors)
    binding = SupervisorUnit.objects.filter(user=supervisor).first() or SupervisorUnit(
        user=supervisor
    )
    binding.department = department
    binding.assigned_by = user
    binding.assigned_at = timezone.now()
    binding._history_user = user
    binding.save()
    supervisor.__dict__.pop("_supervision_unit_cache", None)
    return binding
