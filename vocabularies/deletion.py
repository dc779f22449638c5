"""Why a term may not be deleted (ADR 023): records use it, or the code relies on it."""

from .models import Term


def delete_refusal(term: Term) -> str:
    """The Chinese reason ``term`` may not be deleted, or "" when it may."""
    if term.protected:
        return f"词条“{term.label}”由系统功能使用，不能删除，只能停用或修改名称。"
    count = term.usage_count()
    if count:
        return f"该词条已被{count}条记录使用，不能删除，只能停用。"
    return ""
