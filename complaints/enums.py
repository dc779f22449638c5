"""Kinds and states of complaints and reports (投诉举报), with the labels the public reads."""

from django.db import models

# "应当在5个工作日内调查处理，并将处理结果告知投诉举报人" (the seed).
DUE_WORKING_DAYS = 5
# Due within this many working days: shown as "即将到期" on the dashboard and in the reminders.
DUE_SOON_WORKING_DAYS = 2


class ComplaintKind(models.TextChoices):
    STILL_DEMANDED = "still_demanded", "取消的证明仍被索要（取而不消）"
    OUTSIDE_CATALOG = "outside_catalog", "索要目录以外的证明"
    CIRCULAR_PROOF = "circular_proof", "循环证明、重复证明"
    NOT_TOLD_AT_ONCE = "not_told_at_once", "未一次性告知"
    FORM_NOT_SENT = "form_not_sent", "未按期送达告知承诺书"
    FALSE_COMMITMENT = "false_commitment", "举报虚假承诺"
    OTHER = "other", "其他"


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", "已受理"
    INVESTIGATING = "investigating", "调查中"
    CONCLUDED = "concluded", "已办结"
    REJECTED = "rejected", "不予受理"


OPEN_STATUSES = (ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING)
CLOSED_STATUSES = (ComplaintStatus.CONCLUDED, ComplaintStatus.REJECTED)


class AnswerChannel(models.TextChoices):
    EMAIL = "email", "电子邮件（系统发送）"
    PHONE = "phone", "电话"
    POST = "post", "邮寄"
    IN_PERSON = "in_person", "当面告知"
    LOOKUP_ONLY = "lookup_only", "仅网上查询（未留联系方式）"


class AttachmentKind(models.TextChoices):
    JPEG = "image/jpeg", "JPEG图片"
    PNG = "image/png", "PNG图片"
    PDF = "application/pdf", "PDF文件"
