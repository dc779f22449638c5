"""Service guides for tests: complete fields, and the POST data of the admin form."""

from catalog.enums import MatterType
from catalog.guides.services import guide_create, guide_submit

COMPLETE = {
    "name": "律师事务所设立分所审核",
    "matter_type": MatterType.LICENSING,
    "legal_basis": "《中华人民共和国律师法》第十九条",
    "conditions": "成立三年以上并具有二十名以上执业律师的合伙律师事务所。",
    "statutory_time_limit_days": 20,
    "promised_time_limit_days": 10,
    "is_free": True,
    "fee_details": "",
    "hall": "阿拉善右旗政务服务中心一楼",
    "window": "司法行政窗口",
    "office_hours": "工作日 8:30—12:00，14:30—18:00",
    "online_url": "",
    "contact_phone": "0483-6021021",
    "complaint_channel": "旗司法局 0483-6021021；12345政务服务便民热线",
}
STEPS = [
    {"title": "受理", "description": "窗口当场审查申请材料是否齐全。"},
    {"title": "决定", "description": "自受理之日起10个工作日内作出决定。"},
]


def guide_fields(**overrides) -> dict:
    return {**COMPLETE, **overrides}


def materials_for(item=None) -> list[dict]:
    rows = [{"name": "律师事务所执业许可证副本复印件", "copies": "1份", "source": "申请人自备"}]
    if item is not None:
        rows.append(
            {
                "name": "拟任分所负责人执业经历证明",
                "copies": "1份",
                "replaced_by_commitment": True,
                "certificate_item": item,
            }
        )
    return rows


def make_guide(editor, department, item=None, materials=None, steps=None, **overrides):
    return guide_create(
        user=editor,
        department=department,
        fields=guide_fields(**overrides),
        materials=materials_for(item) if materials is None else materials,
        steps=STEPS if steps is None else steps,
    )


def submit_guide(guide, editor):
    guide_submit(user=editor, guide=guide)
    guide.refresh_from_db()
    return guide


def form_data(department, guide=None, materials=None, steps=None, **overrides) -> dict:
    """POST data of the guide's admin form, as the browser sends it."""
    fields = guide_fields()
    data = {
        key: ("on" if value is True else "" if value in (False, None) else str(value))
        for key, value in fields.items()
    }
    data["department"] = str(department.pk)
    data["flow_chart"] = ""
    materials = [{"name": "身份证复印件", "copies": "1份"}] if materials is None else materials
    steps = STEPS if steps is None else steps
    for relation, rows in (("materials", materials), ("steps", steps)):
        data[f"{relation}-TOTAL_FORMS"] = str(len(rows))
        data[f"{relation}-INITIAL_FORMS"] = "0"
        data[f"{relation}-MIN_NUM_FORMS"] = "0"
        data[f"{relation}-MAX_NUM_FORMS"] = "1000"
        for i, row in enumerate(rows):
            for key, value in row.items():
                if value is True:
                    value = "on"
                elif hasattr(value, "pk"):
                    value = str(value.pk)
                data[f"{relation}-{i}-{key}"] = value
            data[f"{relation}-{i}-ORDER"] = str(i + 1)
    if guide is not None:
        data["loaded_revision_id"] = str(guide.latest_revision_id)
        data["loaded_revision_created_at"] = guide.latest_revision.created_at.isoformat()
    for key, value in overrides.items():
        data[key] = value
    return data
