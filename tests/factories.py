"""Factories with lifecycle helpers: draft, submitted, approved (published), sent back."""

import itertools

from django.conf import settings
from django.contrib.auth import get_user_model

from catalog.enums import DepartmentKind, FocusArea, LegalLevel, MatterType, VerificationMethod
from catalog.models import Department
from catalog.services import item_create, item_review, item_submit
from permissions.enums import Role
from permissions.services import department_grant, role_grant

_seq = itertools.count(1)


def make_department(name=None, kind=DepartmentKind.BANNER_DEPARTMENT, **extra):
    n = next(_seq)
    return Department.objects.create(
        name=name or f"测试局{n}",
        kind=kind,
        sort_order=n,
        public_phone="0483-6020000",
        office_address="阿拉善右旗巴丹吉林镇政务服务中心",
        **extra,
    )


def make_user(username, *, role=None, departments=(), password=settings.DEMO_PASSWORD):
    user = get_user_model().objects.create_user(
        username=username, password=password, first_name=username
    )
    if role in (Role.EDITOR, Role.LEADER):
        for department in departments:
            department_grant(user=user, department=department, role=role)
    elif role is not None:
        role_grant(user=user, role=role)
    return get_user_model().objects.get(pk=user.pk)


def item_fields(**overrides):
    n = next(_seq)
    fields = {
        "name": f"测试证明{n}",
        "purpose": f"测试事项{n}的办理",
        "requesting_unit": "旗司法局",
        "issuing_unit": "申请人所在单位",
        "level_county": True,
        "matter_type": MatterType.LICENSING,
        "focus_area": FocusArea.LEGAL_SERVICES,
        "certificate_content": "申请人在本旗连续执业满三年，未受过行政处罚。",
        "agent_may_commit": False,
        "false_commitment_consequences": "终止办理；撤销行政决定；纳入信用记录。",
        "verification_method": VerificationMethod.ONLINE,
        "verification_time_limit_days": 5,
    }
    fields.update(overrides)
    return fields


LEGAL_BASIS = {
    "name": "《中华人民共和国律师法》",
    "document_number": "中华人民共和国主席令第七十六号",
    "article": "第十九条",
    "article_text": "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。",
    "legal_level": LegalLevel.LAW,
}


def make_item(editor, department, legal_bases=None, **overrides):
    return item_create(
        user=editor,
        department=department,
        fields=item_fields(**overrides),
        legal_bases=[LEGAL_BASIS] if legal_bases is None else legal_bases,
    )


def submit(item, editor):
    item_submit(user=editor, item=item)
    item.refresh_from_db()
    return item


def approve(item, reviewer, comment=""):
    item_review(user=reviewer, item=item, action="approve", comment=comment)
    item.refresh_from_db()
    return item


def send_back(item, reviewer, comment="请补充条文内容。"):
    item_review(user=reviewer, item=item, action="reject", comment=comment)
    item.refresh_from_db()
    return item


def publish(item, editor, reviewer):
    return approve(submit(item, editor), reviewer)
