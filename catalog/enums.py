"""Choices of the catalog, as the seed (附件3, 附件4) lists them.

The department kinds, legal levels, matter types, focus areas, verification methods, disclosure
scopes and excluded categories are vocabularies kept as data (``vocabularies``, ADR 023): their
classes below only name the default terms' codes for the code and tests that rely on them. What
lists choices, labels, filters, facets, validates input or exports reads the terms, never these
classes' labels or members.
"""

from django.db import models

from vocabularies import reader
from vocabularies.enums import Vocabulary


class DepartmentKind(models.TextChoices):
    BANNER_DEPARTMENT = "banner_department", "旗直部门"
    TOWNSHIP = "township", "苏木镇人民政府"
    VERTICAL_UNIT = "vertical_unit", "垂直管理单位"
    FIRE_BRIGADE = "fire_brigade", "消防救援队伍"


class LegalLevel(models.TextChoices):
    """效力层级 of a legal basis: the default terms, in their default order of precedence.

    Besides the levels of the Legislation Law, the seed cites 国务院决定 ("法律法规或者国务院决定")
    and the autonomous region's decisions ("国务院和自治区决定"); an autonomous region also has
    自治条例和单行条例.
    """

    LAW = "law", "法律"
    ADMINISTRATIVE_REGULATION = "administrative_regulation", "行政法规"
    STATE_COUNCIL_DECISION = "state_council_decision", "国务院决定"
    LOCAL_REGULATION = "local_regulation", "地方性法规"
    AUTONOMOUS_REGULATION = "autonomous_regulation", "自治条例和单行条例"
    DEPARTMENTAL_RULE = "departmental_rule", "部门规章"
    LOCAL_GOVERNMENT_RULE = "local_government_rule", "地方政府规章"
    REGIONAL_DECISION = "regional_decision", "自治区决定"
    NORMATIVE_DOCUMENT = "normative_document", "规范性文件"


# Sorting key of a level: its rank in the legal levels' order (the terms' ``order``, editable in
# the admin): by default 法律 first, 规范性文件 last; unknown or empty levels after all of them.
# 国务院决定 stands with the administrative regulations it may replace (行政许可法第十四条),
# 自治条例和单行条例 with the local regulations (立法法), the autonomous region's decisions below
# its government rules and above normative documents.
def legal_precedence(level: str) -> int:
    return reader.precedence(Vocabulary.LEGAL_LEVEL, level)


class DocumentStatus(models.TextChoices):
    """时效性 of a document in the legal-document registry (catalog.legal)."""

    IN_FORCE = "in_force", "现行有效"
    AMENDED = "amended", "已修改"
    REPEALED = "repealed", "已废止"


class ExerciseLevel(models.TextChoices):
    """行使层级: the four columns of 附件4; an item may have several."""

    PROVINCIAL = "provincial", "省部级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡级及其他"


class MatterType(models.TextChoices):
    LICENSING = "licensing", "行政许可"
    CONFIRMATION = "confirmation", "行政确认"
    PAYMENT = "payment", "行政给付"
    AWARD = "award", "行政奖励"
    RULING = "ruling", "行政裁决"
    OTHER_POWER = "other_power", "其他行政权力"
    PUBLIC_SERVICE = "public_service", "公共服务"


class FocusArea(models.TextChoices):
    """The focus areas the seed names (二、(二))."""

    HOUSEHOLD = "household", "户籍管理"
    MARKET_ACCESS = "market_access", "市场主体准营"
    QUALIFICATION_EXAM = "qualification_exam", "资格考试"
    SOCIAL_INSURANCE = "social_insurance", "社会保险"
    SOCIAL_ASSISTANCE = "social_assistance", "社会救助"
    HEALTH_CHECK = "health_check", "健康体检"
    LEGAL_SERVICES = "legal_services", "法律服务"
    OTHER = "other", "其他"


class VerificationMethod(models.TextChoices):
    ONLINE = "online", "在线核查"
    ON_SITE = "on_site", "现场核查"
    ASSISTED = "assisted", "协助核查"
    EXEMPT = "exempt", "免于核查"


class DisclosureScope(models.TextChoices):
    PUBLIC = "public", "向社会公开"
    INTERESTED_PARTIES = "interested_parties", "向利害关系人公开"


class ExcludedCategory(models.TextChoices):
    """Categories the seed (一、工作目标) excludes from the commitment system."""

    NONE = "", "不属于排除情形"
    STATUTORY_EXCLUSION = "statutory", "法律法规明确规定不适用告知承诺制"
    NATIONAL_SECURITY = "national_security", "直接涉及国家安全"
    STATE_SECRETS = "state_secrets", "直接涉及国家秘密"
    PUBLIC_SAFETY = "public_safety", "直接涉及公共安全"
    FINANCIAL_PRUDENTIAL = "financial_prudential", "直接涉及金融业审慎监管"
    ECOLOGICAL_PROTECTION = "ecological_protection", "直接涉及生态环境保护"
    HEALTH_LIFE_PROPERTY = "health_life_property", "直接关系人身健康、生命财产安全"
    MAJOR_FOREIGN_AFFAIRS = "major_foreign_affairs", "直接涉及重要涉外事项"


class ItemStatus(models.TextChoices):
    """Editorial status shown to staff, derived from Wagtail's draft/workflow state."""

    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "审核中"
    SENT_BACK = "sent_back", "已退回"
    PUBLISHED = "published", "已发布"
    PUBLISHED_WITH_CHANGES = "published_with_changes", "已发布（有待审修改）"
    WITHDRAWN = "withdrawn", "已撤回"
