"""Items and guides in every editorial state, for the admin listing and read-view tests."""

from catalog.enums import ItemStatus
from catalog.guides.services import guide_submit, guide_update
from catalog.services import item_review, item_update
from permissions.enums import Role
from permissions.services import users_in_role
from publishing.services import guide_withdraw, item_withdraw

from ..factories import make_item, send_back, submit
from ..guides.helpers import make_guide


def approve_all_steps(obj, reviewer):
    """Approve every step of the current review, through the department's leader if any."""
    while obj.current_workflow_task is not None:
        task = obj.current_workflow_task.specific
        if task.__class__.__name__.startswith("Department"):
            user = users_in_role(obj.department, Role.LEADER).first()
        else:
            user = reviewer
        item_review(user=user, item=obj, action="approve")
        obj.refresh_from_db()
    return obj


def approve_all_steps_until_justice(obj):
    """Let the department's leader approve, so that the justice bureau may send it back."""
    task = obj.current_workflow_task
    if task is not None and task.specific.__class__.__name__.startswith("Department"):
        leader = users_in_role(obj.department, Role.LEADER).first()
        item_review(user=leader, item=obj, action="approve")
        obj.refresh_from_db()
    return obj


def items_in_every_state(editor, department, reviewer, tag: str) -> dict[ItemStatus, object]:
    """One item per status, named ``{tag}{status label}证明``."""

    def item(status):
        return make_item(editor, department, name=f"{tag}{status.label}证明")

    draft = item(ItemStatus.DRAFT)
    in_review = submit(item(ItemStatus.IN_REVIEW), editor)
    sent_back = submit(item(ItemStatus.SENT_BACK), editor)
    approve_all_steps_until_justice(sent_back)
    sent_back = send_back(sent_back, reviewer)
    published = approve_all_steps(submit(item(ItemStatus.PUBLISHED), editor), reviewer)
    changed = approve_all_steps(submit(item(ItemStatus.PUBLISHED_WITH_CHANGES), editor), reviewer)
    item_update(user=editor, item=changed, fields={"remarks": "待审核的修改"})
    changed.refresh_from_db()
    withdrawn = approve_all_steps(submit(item(ItemStatus.WITHDRAWN), editor), reviewer)
    item_withdraw(item=withdrawn, user=reviewer, reason="上位法已废止。")
    withdrawn.refresh_from_db()
    return {
        ItemStatus.DRAFT: draft,
        ItemStatus.IN_REVIEW: in_review,
        ItemStatus.SENT_BACK: sent_back,
        ItemStatus.PUBLISHED: published,
        ItemStatus.PUBLISHED_WITH_CHANGES: changed,
        ItemStatus.WITHDRAWN: withdrawn,
    }


def guides_in_every_state(editor, department, reviewer, tag: str) -> dict[ItemStatus, object]:
    """One service guide per status, named ``{tag}{status label}指南``."""

    def guide(status):
        return make_guide(editor, department, name=f"{tag}{status.label}指南")

    def submitted(status):
        g = guide(status)
        guide_submit(user=editor, guide=g)
        g.refresh_from_db()
        return g

    draft = guide(ItemStatus.DRAFT)
    in_review = submitted(ItemStatus.IN_REVIEW)
    sent_back = approve_all_steps_until_justice(submitted(ItemStatus.SENT_BACK))
    item_review(user=reviewer, item=sent_back, action="reject", comment="请补充收费依据。")
    sent_back.refresh_from_db()
    published = approve_all_steps(submitted(ItemStatus.PUBLISHED), reviewer)
    changed = approve_all_steps(submitted(ItemStatus.PUBLISHED_WITH_CHANGES), reviewer)
    guide_update(user=editor, guide=changed, fields={"window": "二号窗口"})
    changed.refresh_from_db()
    withdrawn = approve_all_steps(submitted(ItemStatus.WITHDRAWN), reviewer)
    guide_withdraw(guide=withdrawn, user=reviewer, reason="事项已取消。")
    withdrawn.refresh_from_db()
    return {
        ItemStatus.DRAFT: draft,
        ItemStatus.IN_REVIEW: in_review,
        ItemStatus.SENT_BACK: sent_back,
        ItemStatus.PUBLISHED: published,
        ItemStatus.PUBLISHED_WITH_CHANGES: changed,
        ItemStatus.WITHDRAWN: withdrawn,
    }
