"""E-mails to the complainant: the receipt (number and query code) and the answer."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from sitesettings.selectors import site_info

logger = logging.getLogger(__name__)


def _site() -> str:
    return getattr(settings, "PUBLIC_SITE_URL", "") or settings.WAGTAILADMIN_BASE_URL


def _send(subject: str, body: str, to: str) -> bool:
    try:
        send_mail(subject, body, None, [to])
    except OSError:
        logger.exception("complaint e-mail to the complainant failed")
        return False
    return True


def send_receipt(complaint, code: str) -> bool:
    lookup = _site() + reverse("public:complaint_lookup")
    body = (
        f"您的投诉举报已受理。\n\n受理编号：{complaint.number}\n查询码：{code}\n"
        f"办理期限：{complaint.due_on:%Y年%m月%d日}（受理后5个工作日内）\n\n"
        f"凭受理编号和查询码可在 {lookup} 查询办理情况和答复。查询码只发送这一次，请妥善保存。\n\n"
        f"{site_info().host_unit}"
    )
    return _send(f"投诉举报已受理：{complaint.number}", body, complaint.contact_email)


def send_answer(complaint) -> bool:
    body = (
        f"您的投诉举报（受理编号 {complaint.number}）已{complaint.get_status_display()}。\n\n"
        f"答复：\n{complaint.answer}\n\n答复日期：{complaint.answered_on:%Y年%m月%d日}\n"
        f"承办单位：{complaint.department.name}\n\n{site_info().host_unit}"
    )
    sent = _send(f"投诉举报答复：{complaint.number}", body, complaint.contact_email)
    if sent:
        type(complaint).objects.filter(pk=complaint.pk).update(answer_email_sent_at=timezone.now())
    return sent
