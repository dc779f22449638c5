"""Choices of signed letters, with the words of 附件3."""

from django.db import models


class ApplicantKind(models.TextChoices):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "法人或其他组织"


class PersonIdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO_PERMIT = "hk_macao_permit", "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "taiwan_permit", "台湾居民来往大陆通行证"
    FOREIGN_PERMANENT_ID = "foreign_permanent_id", "外国人永久居留身份证"


class OrganisationIdType(models.TextChoices):
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    OTHER_REGISTRATION = "other_registration", "其他登记证号"


class LetterChannel(models.TextChoices):
    """How the application reached the agency (实施方案 三、(二))."""

    IN_PERSON = "in_person", "当面递交"
    POST = "post", "信函"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"


# The form must reach a remote applicant within this many working days of the application.
REMOTE_CHANNELS = (LetterChannel.POST, LetterChannel.FAX, LetterChannel.EMAIL)
FORM_DUE_WORKING_DAYS = 3


# The Wagtail hook whose functions (request, letter) -> safe HTML add sections to a letter's
# admin page; later apps (credit: the stricter verification rule applied) register them.
LETTER_SECTIONS_HOOK = "letter_detail_sections"
