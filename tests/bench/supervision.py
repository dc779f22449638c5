"""Speed of supervision: the figures dashboard and the exports with the banner's 46 units.

Run ``python -m tests.bench.supervision`` (``make bench``). It builds a fresh SQLite file
database with the 46 units of 附件1, 410 published items, 100,000 signed letters spread over
24 months, 100,000 verification tasks (one per letter; 85% checked, with results of every
finding, a few corrected), 10,000 complaints, the applicants' choices and 10,000 cases, false
commitments and assistance requests (all written with ``bulk_create``: the figures read only
the rows, not how they were written), and every unit's deliveries for the 2021 plan's
document milestones in every state, then prints one ``name value unit`` line per figure on
stdout. The pages read the figures
through a five-minute cache (``supervision.figures.cached_counts``):
``supervision_dashboard_p50_ms`` is the page as users get it, ``..._uncached_p50_ms`` the same
page counting afresh on every request; the exports always count afresh.

Credit records (another app, contributing through the ``supervision_figures`` hook) are not
seeded.
"""

import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time

LETTERS = 100_000
VERIFICATIONS = 100_000
COMPLAINTS = 10_000
CASES = 10_000
ITEMS_PER_UNIT = 10
MONTHS = 24
WARMUP = 3
REQUESTS = 30
TARGETS = {"supervision_dashboard_p50_ms": 200, "supervision_export_s": 10}


def log(message):
    print(message, file=sys.stderr, flush=True)


def setup_django(tmpdir):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrate: {time.perf_counter() - started:.1f} s")


def build():
    from django.db import transaction
    from django.utils import timezone

    from catalog.models import CertificateItem, Department
    from commitments.models import CommitmentLetter
    from fixtures.demo_data import DEPARTMENTS
    from permissions.enums import Role
    from supervision.models import Plan, Submission, SupervisorUnit
    from tests.factories import make_user

    started = time.perf_counter()
    now = timezone.now()
    with transaction.atomic():
        units = []
        for order, row in enumerate(DEPARTMENTS, start=1):
            values = {k: v for k, v in row.items() if k != "name"}
            unit, _ = Department.objects.update_or_create(
                name=row["name"], defaults={**values, "sort_order": order}
            )
            units.append(unit)
        clerk = make_user("bench_clerk", role=Role.EDITOR, departments=units[:1])
        supervisor = make_user("bench_supervisor", role=Role.SUPERVISOR)
        admin = make_user("bench_admin", role=Role.ADMINISTRATOR)
        justice = next(u for u in units if u.name == "司法局")
        SupervisorUnit.objects.create(user=supervisor, department=justice, assigned_by=admin)
        items = CertificateItem.objects.bulk_create(
            CertificateItem(
                department=unit,
                name=f"基准测试证明{u:02d}-{n:02d}",
                purpose="基准测试",
                live=True,
                first_published_at=now - datetime.timedelta(days=30 * ((u + n) % MONTHS)),
                last_published_at=now,
            )
            for u, unit in enumerate(units)
            for n in range(ITEMS_PER_UNIT)
            if u % 9 != 8  # some units have nothing published yet
        )
    log(f"{len(units)} units, {len(items)} items: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    channels = ["in_person", "in_person", "in_person", "post", "fax", "email"]
    counters = {}
    batch = []
    for n in range(LETTERS):
        item = items[(n * 7919) % len(items)]
        moment = now - datetime.timedelta(minutes=(n * 613) % (MONTHS * 30 * 24 * 60))
        year = moment.year
        counters[(item.department_id, year)] = counters.get((item.department_id, year), 0) + 1
        batch.append(
            CommitmentLetter(
                department_id=item.department_id,
                item=item,
                item_name=item.name,
                item_purpose=item.purpose,
                year=year,
                number=counters[(item.department_id, year)],
                applicant_kind="person",
                person_name="基准",
                channel=channels[n % len(channels)],
                received_on=moment.date(),
                signed_on=moment.date(),
                registered_by=clerk,
                registered_at=moment,
            )
        )
        if len(batch) == 5000:
            CommitmentLetter.objects.bulk_create(batch)
            batch = []
    CommitmentLetter.objects.bulk_create(batch)
    log(f"{LETTERS} letters: {time.perf_counter() - started:.1f} s")

    plan = Plan.objects.get(year=2021)
    statuses = ["confirmed", "confirmed", "submitted", "returned", None]
    Submission.objects.bulk_create(
        Submission(
            milestone=milestone,
            department=unit,
            status=statuses[(u + m) % len(statuses)],
            submitted_by=clerk,
            decided_by=supervisor if statuses[(u + m) % len(statuses)] != "submitted" else None,
            decided_at=now - datetime.timedelta(days=20 * m),
            comment="请补充附件。",
        )
        for u, unit in enumerate(units)
        for m, milestone in enumerate(plan.milestones.filter(deliverable="document"))
        if statuses[(u + m) % len(statuses)]
    )
    assert CommitmentLetter.objects.count() == LETTERS
    casework(units, items, clerk, now)
    return supervisor, plan


def casework(units, items, clerk, now):
    """Verifications, complaints, choices, cases, false commitments and assistance requests."""
    from django.utils import timezone

    from commitments.models import (
        AssistanceRequest,
        Case,
        ChoiceEntry,
        CommitmentLetter,
        FalseCommitment,
        VerificationResult,
        VerificationTask,
    )
    from complaints.models import Complaint

    started = time.perf_counter()
    today = now.date()
    letters = list(
        CommitmentLetter.objects.order_by("pk").values_list("pk", "department_id", "signed_on")
    )[:VERIFICATIONS]
    for start in range(0, len(letters), 5000):
        VerificationTask.objects.bulk_create(
            VerificationTask(
                letter_id=pk,
                department_id=department,
                method="data_sharing",
                due_on=signed + datetime.timedelta(days=7),
                time_limit_days=5,
            )
            for pk, department, signed in letters[start : start + 5000]
        )
    findings = ["true"] * 17 + ["false", "partly_false", "unverifiable"]
    tasks = list(VerificationTask.objects.order_by("pk").values_list("pk", "due_on"))
    batch = []
    for n, (pk, due) in enumerate(tasks):
        if n % 20 in (3, 11, 17):  # 15% never checked: overdue once their date has passed
            continue
        checked = min(due + datetime.timedelta(days=(n % 5) - 2), today)
        batch.append(
            VerificationResult(
                task_id=pk,
                checked_by=clerk,
                checked_on=checked,
                source="政务数据共享平台",
                finding=findings[n % len(findings)],
                reason="基准测试",
                recorded_by=clerk,
            )
        )
        if len(batch) == 5000:
            VerificationResult.objects.bulk_create(batch)
            batch = []
    VerificationResult.objects.bulk_create(batch)
    false_results = VerificationResult.objects.filter(finding="false").select_related("task")
    FalseCommitment.objects.bulk_create(
        FalseCommitment(
            department_id=r.task.department_id,
            letter_id=r.task.letter_id,
            result=r,
            summary="基准测试",
            opened_by=clerk,
        )
        for r in false_results[:2000]
    )
    AssistanceRequest.objects.bulk_create(
        AssistanceRequest(
            task_id=pk,
            requesting_department=units[n % len(units)],
            assisting_department=units[(n + 1) % len(units)],
            question="基准测试",
            sent_on=due - datetime.timedelta(days=5),
            answer_working_days=5,
            due_on=due,
            requested_by=clerk,
        )
        for n, (pk, due) in enumerate(tasks[::50])
    )
    log(f"{len(tasks)} verification tasks with results: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    kinds = ["still_demanded", "outside_catalog", "circular_proof", "not_told_at_once"]
    batch = []
    for n in range(COMPLAINTS):
        unit = units[n % len(units)]
        moment = now - datetime.timedelta(minutes=(n * 7919) % (MONTHS * 30 * 24 * 60))
        closed = n % 4 != 0
        received = timezone.localtime(moment).date()
        batch.append(
            Complaint(
                number=f"TS{moment.year}-{n:06d}",
                year=moment.year,
                sequence=n + 1,
                query_code_hash="x",
                kind=kinds[n % len(kinds)],
                filed_department=unit,
                department=unit,
                description="基准测试",
                received_at=moment,
                received_on=received,
                due_on=received + datetime.timedelta(days=7),
                status="concluded" if closed else "received",
                answered_on=received + datetime.timedelta(days=n % 10) if closed else None,
                closed_at=moment + datetime.timedelta(days=n % 10) if closed else None,
            )
        )
    Complaint.objects.bulk_create(batch, batch_size=2000)
    months = sorted(
        {(now - datetime.timedelta(days=30 * m)).date().replace(day=1) for m in range(MONTHS)}
    )
    ChoiceEntry.objects.bulk_create(
        ChoiceEntry(
            department_id=item.department_id,
            item=item,
            month=month,
            choice=choice,
            count=(i + len(choice)) % 9 + 1,
            recorded_by=clerk,
        )
        for i, item in enumerate(items)
        for month in months[-6:]
        for choice in ("commitment", "certificate")
    )
    Case.objects.bulk_create(
        (
            Case(
                department_id=items[n % len(items)].department_id,
                item=items[n % len(items)],
                item_name="基准",
                channel="post",
                received_on=today - datetime.timedelta(days=n % 700),
                form_due_on=today - datetime.timedelta(days=n % 700 - 3),
                form_given_on=today - datetime.timedelta(days=n % 700 - 1 - n % 5),
                return_working_days=10,
                opened_by=clerk,
            )
            for n in range(CASES)
        ),
        batch_size=2000,
    )
    log(f"{COMPLAINTS} complaints, choices, {CASES} cases: {time.perf_counter() - started:.1f} s")


def timed(client, url, expected: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    response = client.get(url)
    content = response.content
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    if expected:
        assert expected.encode() in content, (url, expected)
    return elapsed, content


def main():
    tmpdir = tempfile.mkdtemp(prefix="bench-supervision-")
    try:
        setup_django(tmpdir)
        supervisor, plan = build()
        from django.test import Client

        from fixtures.demo_data import DEPARTMENTS
        from supervision.figures import Context, all_figures, cache_key
        from supervision.periods import Period

        context = Context(Period.last_months(12))
        for item in all_figures():
            started = time.perf_counter()
            item.compute(context)
            log(f"  figure {item.key}: {(time.perf_counter() - started) * 1000:.0f} ms")
        client = Client()
        client.force_login(supervisor)
        year = Period.last_months(12)
        dashboard = f"/admin/supervision/figures/?start={year.first:%Y-%m}&end={year.last:%Y-%m}"
        overview = f"/admin/supervision/?plan={plan.pk}"
        results = {}
        from django.core.cache import cache

        for name, url, expected in (
            ("supervision_dashboard", dashboard, "各单位合计"),
            ("supervision_overview", overview, DEPARTMENTS[-1]["name"]),
            ("supervision_public_progress", "/progress/", "工作进展"),
        ):
            for _ in range(WARMUP):
                timed(client, url, expected)
            timings = [timed(client, url, expected)[0] * 1000 for _ in range(REQUESTS)]
            results[f"{name}_p50_ms"] = statistics.median(timings)
        # the same page with the figures counted afresh on every request (their entry dropped)
        timings = []
        for _ in range(REQUESTS // 3):
            cache.delete(cache_key(year))
            timings.append(timed(client, dashboard, "各单位合计")[0] * 1000)
        results["supervision_dashboard_uncached_p50_ms"] = statistics.median(timings)
        _, body = timed(client, dashboard, "")
        assert body.count(b'<th scope="row">') >= 46 + 12, "46 units and 12 months expected"
        span = Period.last_months(MONTHS)
        export = (
            f"/admin/supervision/figures/export/?start={span.first:%Y-%m}&end={span.last:%Y-%m}"
        )
        elapsed, _ = timed(client, export, "")
        results["supervision_export_s"] = elapsed
        elapsed, _ = timed(client, f"/admin/supervision/export/?plan={plan.pk}", "")
        results["supervision_overview_export_s"] = elapsed
        for name, value in results.items():
            unit = "s" if name.endswith("_s") else "ms"
            print(f"{name} {value:.3f} {unit}" if unit == "s" else f"{name} {value:.1f} ms")
        for name, target in TARGETS.items():
            log(f"{name}: target <= {target}, measured {results[name]:.2f}")
        log("not seeded: credit records (another app, contributed through the hook)")
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    main()
