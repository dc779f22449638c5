"""Reminders of milestones: what each unit still owes that is due soon or overdue (read only;
``manage.py supervision_reminders`` prints them, for a daily run)."""

import datetime
from dataclasses import dataclass

from catalog.models import Department

from . import states
from .enums import MilestoneState
from .models import Plan

OPEN_STATES = (MilestoneState.NOT_SUBMITTED, MilestoneState.RETURNED, MilestoneState.OVERDUE)


@dataclass(frozen=True)
class Reminder:
    department: Department
    milestone_name: str
    due_on: datetime.date
    state: MilestoneState
    overdue: bool

    @property
    def text(self) -> str:
        if self.overdue:
            days = f"已逾期（截止 {self.due_on:%Y-%m-%d}）"
        else:
            days = f"将于 {self.due_on:%Y-%m-%d} 截止"
        return (
            f"{self.department.name}：“{self.milestone_name}”{days}，当前状态：{self.state.label}"
        )


def reminders(today: datetime.date, days_ahead: int = 7) -> list[Reminder]:
    """Open milestones of every unit due within ``days_ahead`` days or already overdue, in the
    plans whose milestones reach ``today`` or later (past plans are the record, not a to-do)."""
    horizon = today + datetime.timedelta(days=days_ahead)
    found = []
    departments = Department.objects.order_by("sort_order", "pk")
    for plan in Plan.objects.filter(year__gte=today.year - 1).order_by("year"):
        matrix = states.matrix(plan, departments, today=today)
        for department, cells in matrix.rows:
            for cell in cells:
                if cell.state not in OPEN_STATES or cell.milestone.due_on > horizon:
                    continue
                overdue = cell.milestone.due_on < today
                found.append(
                    Reminder(
                        department, cell.milestone.name, cell.milestone.due_on, cell.state, overdue
                    )
                )
    return found
