"""Reads of random inspection: the runs a user may see, and the aggregate figures the public
site publishes (no letter, no applicant, no inspector: counts only)."""

from dataclasses import dataclass

from commitments.models import SamplingRun

from ..cases.rules import scoped
from ..verification.enums import VerificationFinding


def staff_runs(user):
    return scoped(SamplingRun.objects.select_related("department", "run_by", "redoes"), user)


@dataclass(frozen=True)
class RunFigures:
    department_name: str
    period_start: object
    period_end: object
    run_on: object
    population: int
    drawn: int
    checked: int
    findings: dict
    redoes_id: int | None
    pk: int


def run_figures(run) -> RunFigures:
    findings = dict.fromkeys(VerificationFinding.labels, 0)
    checked = 0
    for draw in run.draws.select_related("task"):
        result = draw.task.current_result
        if result is not None:
            checked += 1
            findings[result.get_finding_display()] += 1
    return RunFigures(
        department_name=run.department.name,
        period_start=run.period_start,
        period_end=run.period_end,
        run_on=run.run_at,
        population=len(run.population),
        drawn=run.draws.count(),
        checked=checked,
        findings=findings,
        redoes_id=run.redoes_id,
        pk=run.pk,
    )


def public_figures(limit=100) -> list[RunFigures]:
    runs = SamplingRun.objects.select_related("department").order_by("-run_at", "-pk")[:limit]
    return [run_figures(run) for run in runs]
