"""The credit register for tests: the casework's two departments and roles (own = 甲局,
other = 乙局) and records made through the services."""

import datetime
from importlib import import_module

from django.apps import apps

from credit.enums import Behaviour, Grade, SubjectKind
from credit.models import GradingRule
from credit.services import record_create

from ..letters.helpers import CREDIT_CODE, PERSON_ID

D = datetime.date
TODAY = D(2026, 11, 20)
OTHER_PERSON_ID = "152922198001010015"


def seeded_rules() -> None:
    """The grading rules and periods migration credit 0002 installs. A transactional test that
    ran before (browser tests) may have flushed them; seed them again as the migration does."""
    if not GradingRule.objects.exists():
        import_module("credit.migrations.0002_grading_rules").seed(apps, None)


def rule(behaviour=Behaviour.FALSE_COMMITMENT, grade=Grade.GRAVE) -> GradingRule:
    seeded_rules()
    return GradingRule.objects.filter(behaviour=behaviour, grade=grade).first()


def make_record(user, department, *, today=TODAY, **overrides):
    behaviour = overrides.pop("behaviour", Behaviour.FALSE_COMMITMENT)
    grade = overrides.pop("grade", Grade.GRAVE)
    fields = {
        "subject_kind": SubjectKind.PERSON,
        "subject_name": "张三丰",
        "id_number": PERSON_ID,
        "behaviour": behaviour,
        "rule": rule(behaviour, grade),
        "decided_on": D(2026, 11, 2),
        "document_number": "阿右司信决字〔2026〕1号",
        "measures": "终止办理",
    }
    fields.update(overrides)
    return record_create(user=user, department=department, today=today, **fields)


def organisation_record(user, department, **overrides):
    values = {
        "subject_kind": SubjectKind.ORGANISATION,
        "subject_name": "阿拉善右旗示例律师事务所",
        "id_number": CREDIT_CODE,
        "publicised": True,
        "legal_basis": "《企业信息公示暂行条例》第六条",
    }
    values.update(overrides)
    return make_record(user, department, **values)
