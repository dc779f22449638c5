"""Rules an item must meet before it may be submitted for review or published.

Drafts may be incomplete; these rules apply at submission (the edit form) and again at
publication (``CertificateItem.publish``), so no path around the form can publish a bad item.
Messages are in Chinese and keyed by field so that the form shows them next to the field.
"""

from .enums import ExcludedCategory, VerificationMethod


def publication_errors(item, legal_bases=None) -> dict[str, list[str]]:
    """Return ``{field: [message, ...]}``; empty when the item may be submitted or published.

    ``legal_bases`` are the bases as edited (from the form); by default the item's own.
    """
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if item.excluded_category:
        label = ExcludedCategory(item.excluded_category).label
        add(
            "excluded_category",
            f"该证明事项属于“{label}”的情形，按照实施方案不适用告知承诺制，"
            "不能提交审核或发布。如确需保留，请作为普通证明事项办理。",
        )
    if not item.exercise_levels:
        add("level_county", "请至少勾选一个行使层级（省部级、市级、县级或乡级及其他）。")
    if legal_bases is None:
        legal_bases = list(item.legal_bases.all())
    if not legal_bases:
        add("__all__", "请至少填写一条设定依据（依据名称、条款、条文内容和效力层级）。")
    needs_limit = item.verification_method and item.verification_method != VerificationMethod.EXEMPT
    if needs_limit and not item.verification_time_limit_days:
        add("verification_time_limit_days", "请填写核查时限（工作日）；只有免于核查时可以不填。")
    if item.letters_disclosed:
        if not item.disclosure_scope:
            add("disclosure_scope", "公开承诺书时必须选择公开范围。")
        if not item.disclosure_period_months:
            add("disclosure_period_months", "公开承诺书时必须填写公开时限（月）。")
    elif item.disclosure_scope or item.disclosure_period_months:
        add("letters_disclosed", "已填写公开范围或时限，但没有勾选“公开承诺书”。")
    return errors
