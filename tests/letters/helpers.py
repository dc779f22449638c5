"""Signed letters for tests. Identity numbers are fictional but have valid check digits
(region 152922, sequence 000–004); phone numbers are in the unassigned 1990483xxxx range."""

import datetime

from catalog.enums import DisclosureScope
from catalog.services import item_review
from permissions.enums import Role
from permissions.services import users_in_role

from ..factories import make_item, submit

TODAY = datetime.date(2026, 11, 20)
PERSON_ID = "152922198001010007"
AGENT_ID = "152922197506150027"
CREDIT_CODE = "91152922MA00000018"
MOBILE = "19904831234"
AGENT_MOBILE = "19904835678"


def person(**overrides) -> dict:
    fields = {
        "applicant_kind": "person",
        "person_name": "张三丰",
        "person_id_type": "resident_id",
        "person_id_number": PERSON_ID,
        "person_phone": MOBILE,
        "channel": "in_person",
        "received_on": datetime.date(2026, 11, 16),
        "signed_on": datetime.date(2026, 11, 16),
        "form_sent_on": None,
        "conditions_statement": "本人在区内律师事务所连续执业五年，证号 15292000000000001。",
    }
    fields.update(overrides)
    return fields


def organisation(**overrides) -> dict:
    fields = {
        "applicant_kind": "organisation",
        "organisation_name": "阿拉善右旗示例律师事务所",
        "organisation_id_type": "credit_code",
        "organisation_id_number": CREDIT_CODE,
        "legal_representative": "欧阳明月",
        "organisation_address": "阿拉善右旗巴丹吉林镇额肯呼都格路12号3单元",
        "organisation_phone": "0483-6029999",
        "channel": "post",
        "received_on": datetime.date(2026, 9, 30),
        "form_sent_on": datetime.date(2026, 10, 9),
        "signed_on": datetime.date(2026, 10, 12),
        "conditions_statement": "",
    }
    fields.update(overrides)
    return fields


def agent(**overrides) -> dict:
    fields = {
        "agent_name": "李四",
        "agent_id_type": "resident_id",
        "agent_id_number": AGENT_ID,
        "agent_phone": AGENT_MOBILE,
    }
    fields.update(overrides)
    return fields


def publish(item, editor, reviewer):
    """Submit and approve ``item``, through its department's leader when it has one."""
    submit(item, editor)
    if item.current_workflow_task.specific.__class__.__name__.startswith("Department"):
        leader = users_in_role(item.department, Role.LEADER).first()
        item_review(user=leader, item=item, action="approve")
        item.refresh_from_db()
    item_review(user=reviewer, item=item, action="approve")
    item.refresh_from_db()
    return item


def disclosed_item(editor, department, reviewer, **overrides):
    fields = {
        "name": "拟任分所负责人执业经历证明",
        "purpose": "律师事务所申请设立分所",
        "letters_disclosed": True,
        "disclosure_scope": DisclosureScope.PUBLIC,
        "disclosure_period_months": 12,
        "agent_may_commit": True,
    }
    fields.update(overrides)
    return publish(make_item(editor, department, **fields), editor, reviewer)


def undisclosed_item(editor, department, reviewer, **overrides):
    fields = {"name": "无犯罪记录证明", "purpose": "申请律师执业", "agent_may_commit": False}
    fields.update(overrides)
    return publish(make_item(editor, department, **fields), editor, reviewer)


def form_post(item, fields: dict, disclose: bool) -> dict:
    """The registration form's POST data for ``fields``."""
    data = {"item": str(item.pk)}
    for key, value in fields.items():
        if value is None:
            data[key] = ""
        elif isinstance(value, datetime.date):
            data[key] = value.isoformat()
        else:
            data[key] = value
    if disclose:
        data["disclose"] = "on"
    return data
