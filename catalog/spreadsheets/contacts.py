"""What each row of a 附件2 liaison table means: a department, new or with changed contacts.

Departments are matched by name as ``DepartmentDirectory`` reads it (with or without the banner
prefix 旗). Only administrators (``catalog.add_department`` / ``change_department``) may write;
contacts are checked (11-digit mobiles, office numbers with area code) and written through
``services.department_contacts_save``, which keeps the history and a log entry.
"""

import re
from dataclasses import dataclass

from catalog.enums import DepartmentKind
from catalog.models import Department
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .cleaning import clean_line, text_key
from .report import Change, RowReport
from .resources import ROW_NUMBER, DepartmentResource
from .sessions import DepartmentDirectory, RowState, Session

CONTACT_FIELDS = (
    "leader_name",
    "leader_office_phone",
    "leader_mobile",
    "liaison_name",
    "liaison_office_phone",
    "liaison_mobile",
)
MOBILE = re.compile(r"^1\d{10}$")
OFFICE_PHONE = re.compile(r"^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$")
TOWNSHIP_SUFFIXES = ("苏木人民政府", "镇人民政府", "乡人民政府")
# 附件1's 垂直管理单位 (国家安全局, 国家税务总局××税务局, 旗气象局, 旗邮政局, 旗烟草专卖局) and
# 消防救援队伍, told by their names
VERTICAL_UNIT_WORDS = ("气象局", "邮政", "烟草专卖")
FIRE_BRIGADE_WORDS = ("消防救援",)


@dataclass
class DepartmentRow:
    name: str = ""
    leader_name: str = ""
    leader_office_phone: str = ""
    leader_mobile: str = ""
    liaison_name: str = ""
    liaison_office_phone: str = ""
    liaison_mobile: str = ""


class DepartmentImportSession(Session):
    resource_class = DepartmentResource

    def __init__(self, *, user):
        super().__init__(user=user)
        self.directory = DepartmentDirectory()
        self.seen: dict[int | str, int] = {}
        self.changed: dict[int, list[str]] = {}

    def prepare(self, dataset) -> None:
        pass

    def start_row(self, row) -> tuple[DepartmentRow, bool]:
        name = clean_line(row[self.resource.fields["name"].column_name])
        department = self.directory.get(name)
        state = RowState(
            report=RowReport(number=int(row[ROW_NUMBER]), department=name, name=name),
            department=department,
        )
        if department is not None:
            state.report.item_id = department.pk
            state.report.department = state.report.name = department.name
        self.states[state.report.number] = state
        return DepartmentRow(), department is None

    def check_row(self, instance: DepartmentRow, row, failed: set[str]):
        state = self.state(row)
        new = state.department is None
        if self.user is not None:
            perm = "catalog.add_department" if new else "catalog.change_department"
            if not self.user.has_perm(perm):
                action = "新增单位" if new else "修改单位的联络信息"
                yield ("name", f"您没有{action}的权限（需要系统管理员）。")
        if "name" not in failed:
            key = state.department.pk if state.department else text_key(instance.name)
            first = self.seen.setdefault(key, state.report.number)
            if first != state.report.number:
                yield ("name", f"与第{first}行是同一个单位，每个单位只能填写一行。")
        for name in CONTACT_FIELDS:
            value = getattr(instance, name, "")
            if name in failed or not value:
                continue
            if name.endswith("mobile") and not MOBILE.match(value):
                yield (name, f"“{value}”不是11位手机号码。")
            elif name.endswith("office_phone") and not OFFICE_PHONE.match(value):
                yield (name, f"“{value}”不是有效的办公号码，座机请写区号，如 010-12345678。")

    def is_unchanged(self, instance: DepartmentRow, row) -> bool:
        state = self.state(row)
        if state.department is None:
            kind = reader.label(Vocabulary.DEPARTMENT_KIND, self._kind(instance.name))
            state.report.notes = [
                f"新增单位，单位类别按名称定为“{kind}”，如有误请在“实施机关”中修改。"
            ]
            return False
        before = Department.objects.get(pk=state.department.pk)
        fields = [
            n for n in CONTACT_FIELDS if clean_line(getattr(before, n)) != getattr(instance, n)
        ]
        self.changed[state.report.number] = fields
        state.report.changes = [
            Change(self.resource.fields[n].column_name, getattr(before, n), getattr(instance, n))
            for n in fields
        ]
        return not fields

    @staticmethod
    def _kind(name: str) -> DepartmentKind:
        if name.endswith(TOWNSHIP_SUFFIXES):
            return DepartmentKind.TOWNSHIP
        if any(word in name for word in FIRE_BRIGADE_WORDS):
            return DepartmentKind.FIRE_BRIGADE
        if name.startswith("国家") or any(word in name for word in VERTICAL_UNIT_WORDS):
            return DepartmentKind.VERTICAL_UNIT
        return DepartmentKind.BANNER_DEPARTMENT

    def write_row(self, instance: DepartmentRow, row) -> None:
        from .services import department_contacts_save

        state = self.state(row)
        values = {n: getattr(instance, n) for n in CONTACT_FIELDS}
        department = department_contacts_save(
            user=self.user,
            department=state.department,
            name=instance.name,
            kind=self._kind(instance.name),
            contacts=values
            if state.department is None
            else {n: values[n] for n in self.changed[state.report.number]},
        )
        state.report.item_id = department.pk
