"""Public pages of complaints and reports (no login): the form (also as “report a false
commitment”), the confirmation with the tracking number and query code shown once, the lookup
(status, due date, answer; nothing else) and the monthly figures per department.

Abuse protection keeps the form usable without an image captcha: CSRF, a honeypot field, a
size cap on the request and on each file, and rate limits per client address (behind the
proxy: ``accounts.network.client_ip``) and per contact. A refused submission comes back with
everything typed still in the form, the accepted attachments kept (``complaints.stash``), and
says when to send it again; nothing is dropped silently.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from accounts.network import client_ip
from catalog.models import CertificateItem
from complaints import stash
from complaints.attachments import MAX_FILES, MAX_TOTAL_BYTES, AttachmentError, clean_attachments
from complaints.forms import ComplaintForm, LookupForm
from complaints.ratelimit import Limit, hit, peek
from complaints.selectors import lookup, monthly_figures
from complaints.services import complaint_submit
from vocabularies import reader
from vocabularies.enums import Vocabulary

ATTEMPTS = Limit("attempt", getattr(settings, "COMPLAINT_ATTEMPTS_PER_10_MINUTES", 20), 600)
FILED_PER_CLIENT = Limit("client", getattr(settings, "COMPLAINTS_PER_CLIENT_PER_HOUR", 5), 3600)
FILED_PER_CONTACT = Limit("contact", getattr(settings, "COMPLAINTS_PER_CONTACT_PER_DAY", 3), 86400)
LOOKUPS = Limit("lookup", getattr(settings, "COMPLAINT_LOOKUPS_PER_10_MINUTES", 10), 600)
# The files plus the text fields: anything larger is refused before it is read.
MAX_REQUEST_BYTES = MAX_TOTAL_BYTES + 512 * 1024
SESSION_KEY = "complaint_receipt"


def _wait(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return f"{minutes}分钟" if minutes < 60 else f"{(minutes + 59) // 60}小时"


def _render_form(request, form, *, report, status=200, notice="", kept=()):
    return render(
        request,
        "public/complaint_form.html",
        {"form": form, "report": report, "notice": notice, "kept": kept},
        status=status,
    )


def _initial(request) -> dict:
    item_id = request.GET.get("item", "")
    item = (
        CertificateItem.objects.live().filter(pk=int(item_id)).first()
        if item_id.isdigit()
        else None
    )
    if item is not None:
        return {"item": item, "department": item.department_id}
    department_id = request.GET.get("department", "")
    return {"department": int(department_id)} if department_id.isdigit() else {}


@csrf_exempt  # checked below, once the size is known: the check reads the whole body
@never_cache
def complaint_form(request, report=False):
    if request.method != "POST":
        form = ComplaintForm(initial=_initial(request), report=report)
        return _render_form(request, form, report=report)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
        form = ComplaintForm(initial=_initial(request), report=report)
        notice = (
            f"提交的内容过大（附件最多{MAX_FILES}个，每个不超过5MB、合计不超过10MB），"
            "请压缩附件后重新提交。"
        )
        return _render_form(request, form, report=report, status=413, notice=notice)
    return _complaint_post(request, report=report)


KEPT_NOTE = "您填写的内容和已通过检查的附件已保留"


def _attachments(request, kept) -> tuple[list, list[str], str]:
    """The new uploads cleaned (with their names), or the reason they are refused; counted
    together with the files kept from an earlier refused submission."""
    uploads = request.FILES.getlist("attachments")
    if len(kept) + len(uploads) > MAX_FILES:
        return [], [], f"最多上传{MAX_FILES}个附件（含已上传的附件）。"
    if sum(f.size for f in kept) + sum(u.size for u in uploads) > MAX_TOTAL_BYTES:
        return [], [], "附件合计不能超过10MB（含已上传的附件），请压缩后上传。"
    try:
        cleaned = clean_attachments(uploads)
    except AttachmentError as error:
        return [], [], str(error)
    return cleaned, [(u.name or "附件") for u in uploads], ""


@csrf_protect
def _complaint_post(request, report):
    address = client_ip(request) or "unknown"
    form = ComplaintForm(request.POST, request.FILES, report=report)
    kept = stash.kept(request.session, request.POST.getlist(stash.FIELD))

    def refuse(status, notice="", cleaned=(), names=()):
        """Re-render with everything typed and every accepted file kept (nothing stored as a
        complaint)."""
        files = kept + stash.stash(request.session, list(cleaned), list(names))
        return _render_form(request, form, report=report, status=status, notice=notice, kept=files)

    verdict = hit(ATTEMPTS, address)
    cleaned, names, attachment_error = _attachments(request, kept)
    if not verdict.allowed:
        notice = (
            f"提交过于频繁，请{_wait(verdict.retry_after)}后再提交。{KEPT_NOTE}；"
            "也可拨打页面底部的咨询电话反映。"
        )
        return refuse(429, notice, cleaned, names)
    valid = form.is_valid()
    if attachment_error:
        form.add_error("attachments", attachment_error)
    if not valid or attachment_error:
        return refuse(400, "", cleaned, names)
    if form.honeypot_filled():
        form.add_error("website", "“网址”一栏无需填写，请清空后再提交。")
        return refuse(400, "", cleaned, names)
    contact = form.contact_key()
    for limit, value, what in (
        (FILED_PER_CLIENT, address, "网络地址"),
        (FILED_PER_CONTACT, contact, "联系方式"),
    ):
        verdict = peek(limit, value) if value else None
        if verdict is not None and not verdict.allowed:
            notice = (
                f"同一{what}提交的投诉举报过多，"
                f"请{_wait(verdict.retry_after)}后再提交。{KEPT_NOTE}；"
                "也可拨打页面底部的咨询电话反映。"
            )
            return refuse(429, notice, cleaned, names)
    try:
        complaint, code = complaint_submit(
            fields=form.cleaned_data,
            attachments=stash.take(request.session, kept) + cleaned,
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
        for attachment in cleaned:
            attachment.content.seek(0)
        return refuse(400, "", cleaned, names)
    stash.release(request.session, kept)
    hit(FILED_PER_CLIENT, address)
    if contact:
        hit(FILED_PER_CONTACT, contact)
    request.session[SESSION_KEY] = {
        "number": complaint.number,
        "code": code,
        "due_on": complaint.due_on.isoformat(),
        "emailed": bool(complaint.contact_email),
    }
    return redirect("public:complaint_done")


@never_cache
def complaint_done(request):
    """The receipt, shown once: the query code leaves the session when it is displayed."""
    receipt = request.session.pop(SESSION_KEY, None)
    return render(request, "public/complaint_done.html", {"receipt": receipt})


def complaint_report(request):
    return complaint_form(request, report=True)


@csrf_protect
@never_cache
def complaint_lookup(request):
    form = LookupForm(request.POST or None)
    result, notice, status = None, "", 200
    if request.method == "POST":
        verdict = hit(LOOKUPS, client_ip(request) or "unknown")
        if not verdict.allowed:
            notice = f"查询过于频繁，请{_wait(verdict.retry_after)}后再试。"
            status = 429
        elif form.is_valid():
            result = lookup(form.cleaned_data["number"], form.cleaned_data["code"])
            if result is None:
                notice = "受理编号或查询码不正确，请核对后再查询。"
                status = 400
        else:
            status = 400
    return render(
        request,
        "public/complaint_lookup.html",
        {"form": form, "result": result, "notice": notice},
        status=status,
    )


def complaint_statistics(request):
    year = request.GET.get("year", "")
    today = timezone.localdate()
    chosen = int(year) if year.isdigit() and 2021 <= int(year) <= today.year else today.year
    return render(
        request,
        "public/complaint_statistics.html",
        {
            "rows": monthly_figures(chosen),
            "year": chosen,
            "years": list(range(today.year, 2020, -1)),
            "kinds": reader.choices(Vocabulary.COMPLAINT_KIND, include_retired=True),
        },
    )
