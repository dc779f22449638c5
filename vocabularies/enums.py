"""The vocabularies kept as data (ADR 023): their keys and Chinese names."""

from django.db import models


class Vocabulary(models.TextChoices):
    FOCUS_AREA = "focus_area", "重点领域"
    MATTER_TYPE = "matter_type", "事项类型"
    LEGAL_LEVEL = "legal_level", "效力层级"
    DEPARTMENT_KIND = "department_kind", "单位类别"
    VERIFICATION_METHOD = "verification_method", "核查方式"
    DISCLOSURE_SCOPE = "disclosure_scope", "公开范围"
    EXCLUDED_CATEGORY = "excluded_category", "排除情形"
    COMPLAINT_KIND = "complaint_kind", "投诉举报类型"
    CREDIT_BEHAVIOUR = "credit_behaviour", "失信行为"


# Codes the code relies on (named constants with meaning in ``catalog.enums``,
# ``complaints.enums``, ``credit.enums``): such a term can be relabelled, reordered and retired,
# never deleted (its code, like every code, never changes).
PROTECTED_CODES: dict[str, frozenset[str]] = {
    # 乡镇 is tested by Department.is_township and the public township filter; every kind has
    # its own milestone flag in supervision (Milestone.for_* columns)
    Vocabulary.DEPARTMENT_KIND: frozenset(
        {"banner_department", "township", "vertical_unit", "fire_brigade"}
    ),
    # 免于核查 means "no verification"; online is the import's default; on-site is what the
    # sampling and the complaint leads create
    Vocabulary.VERIFICATION_METHOD: frozenset({"exempt", "online", "on_site"}),
    # letters disclosed to the public are listed on the public site
    Vocabulary.DISCLOSURE_SCOPE: frozenset({"public"}),
    # the items' default focus area
    Vocabulary.FOCUS_AREA: frozenset({"other"}),
    # a report of a false commitment becomes a verification lead
    Vocabulary.COMPLAINT_KIND: frozenset({"false_commitment"}),
    # the grading and exclusion rules name these behaviours
    Vocabulary.CREDIT_BEHAVIOUR: frozenset({"false_commitment", "seriously_untrue"}),
}
