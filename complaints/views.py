"""Admin pages of complaints: the scoped list (queues: open, due soon, overdue), the detail
page with the handling forms, the attachments (handlers only) and the statistics. Every view of
a complaint is logged; the contact is shown only to the department handling it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.auth import permission_denied

from accounts.network import client_ip
from catalog.models import Department
from vocabularies import reader
from vocabularies.enums import Vocabulary

from . import access
from .enums import OPEN_STATUSES, ComplaintStatus
from .forms import AnswerForm, InvestigationForm, RejectForm, TransferForm
from .leads import complaint_open_verification, lead_of
from .selectors import due_soon_limit, monthly_figures, staff_complaints
from .services import (
    complaint_conclude,
    complaint_record_investigation,
    complaint_reject,
    complaint_transfer,
    complaint_viewed,
)

OTHER_DEPARTMENT_MESSAGE = "您没有权限查看该投诉举报：它不由您所在的单位承办。"
PAGE_SIZE = 50
QUEUES = {
    "open": "办理中",
    "due_soon": "即将到期",
    "overdue": "已逾期",
    "closed": "已办结或不予受理",
}


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def complaint_list(request):
    if not request.user.has_perm(access.VIEW):
        return permission_denied(request)
    today = timezone.localdate()
    rows = staff_complaints(request.user)
    queue = request.GET.get("queue", "")
    if queue == "open":
        rows = rows.filter(status__in=OPEN_STATUSES)
    elif queue == "due_soon":
        rows = rows.filter(
            status__in=OPEN_STATUSES, due_on__gte=today, due_on__lte=due_soon_limit(today)
        )
    elif queue == "overdue":
        rows = rows.filter(status__in=OPEN_STATUSES, due_on__lt=today)
    elif queue == "closed":
        rows = rows.exclude(status__in=OPEN_STATUSES)
    department = request.GET.get("department", "")
    if department.isdigit():
        rows = rows.filter(department_id=int(department))
    kind = request.GET.get("kind", "")
    if reader.term(Vocabulary.COMPLAINT_KIND, kind):
        rows = rows.filter(kind=kind)
    page = Paginator(rows.order_by("-received_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "complaints/admin/list.html",
        {
            "page_title": "投诉举报",
            "page": page,
            "today": today,
            "queues": QUEUES.items(),
            "queue": queue,
            "departments": Department.objects.filter(
                pk__in=staff_complaints(request.user).values("department_id")
            ),
            "department": department,
            "kinds": reader.choices(Vocabulary.COMPLAINT_KIND, include_retired=True),
            "kind": kind,
            "sees_all": access.sees_all(request.user),
        },
    )


def _complaint_or_deny(request, pk):
    complaint = staff_complaints(request.user).filter(pk=pk).first()
    if complaint is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
    return complaint


def _detail(request, complaint, **forms):
    user = request.user
    contact = access.sees_contact(user, complaint)
    complaint_viewed(
        user=user,
        complaint=complaint,
        purpose="查看投诉举报及联系方式" if contact else "查看投诉举报",
        ip_address=client_ip(request),
    )
    today = timezone.localdate()
    handle = access.may_handle(user, complaint) and complaint.is_open
    transfer_form = forms.get("transfer_form") or TransferForm()
    transfer_form.fields["to_department"].queryset = Department.objects.exclude(
        pk=complaint.department_id
    ).order_by("name")
    return TemplateResponse(
        request,
        "complaints/admin/detail.html",
        {
            "page_title": f"投诉举报 {complaint.number}",
            "complaint": complaint,
            "contact": contact,
            "lead": lead_of(user, complaint),
            "overdue": complaint.is_overdue(today),
            "may_handle": handle,
            "may_transfer": access.may_transfer(user, complaint) and complaint.is_open,
            "investigation_form": forms.get("investigation_form")
            or InvestigationForm(
                initial={
                    "investigation": complaint.investigation,
                    "finding": complaint.finding,
                    "measures": complaint.measures,
                }
            ),
            "answer_form": forms.get("answer_form") or AnswerForm(initial={"answered_on": today}),
            "reject_form": forms.get("reject_form") or RejectForm(initial={"answered_on": today}),
            "transfer_form": transfer_form,
            "transfers": complaint.transfers.select_related(
                "from_department", "to_department", "transferred_by"
            ),
            "attachments": complaint.attachments.all() if contact else [],
            "attachment_count": complaint.attachments.count(),
            "access_logs": complaint.access_logs.select_related("user")[:20],
            "history": complaint.history.select_related("history_user")[:20],
        },
    )


def complaint_detail(request, pk):
    complaint = _complaint_or_deny(request, pk)
    if complaint is None:
        return redirect("wagtailadmin_home")
    return _detail(request, complaint)


def _action(request, pk, form_class, form_key, act, success):
    complaint = _complaint_or_deny(request, pk)
    if complaint is None:
        return redirect("wagtailadmin_home")
    if request.method != "POST":
        return redirect("complaint_admin_detail", complaint.pk)
    form = form_class(request.POST)
    if form_class is TransferForm:
        form.fields["to_department"].queryset = Department.objects.order_by("name")
    if form.is_valid():
        try:
            act(complaint, form.cleaned_data)
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("complaint_admin_detail", complaint.pk)
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, success)
            if not staff_complaints(request.user).filter(pk=complaint.pk).exists():
                return redirect("complaints_admin")  # transferred out of the user's scope
            return redirect("complaint_admin_detail", complaint.pk)
    return _detail(request, complaint, **{form_key: form})


def complaint_investigate_view(request, pk):
    return _action(
        request,
        pk,
        InvestigationForm,
        "investigation_form",
        lambda c, d: complaint_record_investigation(user=request.user, complaint=c, **d),
        "已保存调查情况。",
    )


def complaint_conclude_view(request, pk):
    return _action(
        request,
        pk,
        AnswerForm,
        "answer_form",
        lambda c, d: complaint_conclude(user=request.user, complaint=c, **d),
        "已办结并登记答复。",
    )


def complaint_reject_view(request, pk):
    return _action(
        request,
        pk,
        RejectForm,
        "reject_form",
        lambda c, d: complaint_reject(user=request.user, complaint=c, **d),
        "已登记不予受理，理由将在查询页面告知投诉举报人。",
    )


def complaint_transfer_view(request, pk):
    return _action(
        request,
        pk,
        TransferForm,
        "transfer_form",
        lambda c, d: complaint_transfer(user=request.user, complaint=c, **d),
        "已转办，原办理期限不变。",
    )


def complaint_attachment(request, pk, attachment_pk):
    """An attachment, for the staff of the department handling the complaint only."""
    complaint = staff_complaints(request.user).filter(pk=pk).first()
    if complaint is None or not access.sees_contact(request.user, complaint):
        raise Http404("文件不存在")
    attachment = complaint.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404("文件不存在")
    complaint_viewed(
        user=request.user,
        complaint=complaint,
        purpose="查看附件",
        ip_address=client_ip(request),
    )
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


def complaint_statistics(request):
    if not request.user.has_perm(access.VIEW):
        return permission_denied(request)
    today = timezone.localdate()
    year = request.GET.get("year", "")
    chosen = int(year) if year.isdigit() and 2021 <= int(year) <= today.year else today.year
    visible = staff_complaints(request.user)
    return TemplateResponse(
        request,
        "complaints/admin/statistics.html",
        {
            "page_title": "投诉举报统计",
            "rows": monthly_figures(chosen, queryset=visible),
            "year": chosen,
            "years": list(range(today.year, 2020, -1)),
            "open_count": visible.filter(status__in=OPEN_STATUSES).count(),
            "overdue_count": visible.filter(status__in=OPEN_STATUSES, due_on__lt=today).count(),
            "by_kind": [
                (label, visible.filter(year=chosen, kind=value).count())
                for value, label in reader.choices(Vocabulary.COMPLAINT_KIND, include_retired=True)
            ],
            "rejected_count": visible.filter(year=chosen, status=ComplaintStatus.REJECTED).count(),
        },
    )


def complaint_open_verification_view(request, pk):
    complaint = _complaint_or_deny(request, pk)
    if complaint is None:
        return redirect("wagtailadmin_home")
    if request.method == "POST":
        try:
            complaint_open_verification(user=request.user, complaint=complaint)
        except PermissionDenied as e:
            messages.error(request, str(e))
        except ValidationError as e:
            messages.error(request, "；".join(e.messages))
        else:
            messages.success(request, "已据此举报生成核查任务。")
    return redirect("complaint_admin_detail", complaint.pk)
