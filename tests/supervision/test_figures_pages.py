"""The figures in the admin (charts with the same numbers as tables, scoped, exported) and on
the public page 工作进展 (no inline script, no personal data); ECharts is served from the site."""

import io
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from commitments.letters.services import letter_register

from ..letters.helpers import TODAY, disclosed_item, person
from .helpers import seed_complaints

ROOT = Path(settings.BASE_DIR)
VENDORED = ROOT / "supervision/static/supervision/vendor/echarts/echarts.common.min.js"


def seed(editor_a, dept_a, editor_b, dept_b, reviewer):
    item = disclosed_item(editor_a, dept_a, reviewer, name="甲局证明")
    disclosed_item(editor_b, dept_b, reviewer, name="乙局证明")
    letter_register(user=editor_a, item=item, fields=person(), disclose=True, today=TODAY)
    seed_complaints(editor_a, dept_a, editor_b, dept_b)


def chart_data(html: str) -> dict:
    soup = BeautifulSoup(html, "html.parser")
    return json.loads(soup.select_one("script#sv-chart-data").string)


def unit_table(html: str) -> dict[str, dict[str, str]]:
    """Every group's 各单位合计 table merged: {unit: {figure label: value}}."""
    soup = BeautifulSoup(html, "html.parser")
    rows: dict[str, dict[str, str]] = {}
    for table in soup.select("table.sv-units"):
        labels = [th.get_text(strip=True) for th in table.select("thead th")][1:]
        for row in table.select("tbody tr"):
            if row.th:
                values = [td.get_text(strip=True) for td in row.select("td")]
                rows.setdefault(row.th.get_text(strip=True), {}).update(
                    zip(labels, values, strict=True)
                )
    return rows


def test_admin_figures_show_the_same_numbers_in_chart_and_table(
    client, supervisor, editor_a, dept_a, editor_b, dept_b, reviewer
):
    seed(editor_a, dept_a, editor_b, dept_b, reviewer)
    client.force_login(supervisor)
    html = client.get(reverse("supervision_figures")).content.decode()
    data = chart_data(html)
    rows = unit_table(html)
    assert data["units"] == list(rows)
    for series in data["perUnit"]:
        assert [int(rows[u][series["name"]]) for u in data["units"]] == series["data"]
    soup = BeautifulSoup(html, "html.parser")
    # one trend chart and one per-unit chart per group, each group with its own tables
    for group in data["groups"]:
        assert soup.select_one(f"[data-sv-chart='trend'][data-sv-group='{group}']")
        assert soup.select_one(f"#sv-{group} table.sv-units")
    assert {"catalog", "verification", "complaints", "plan"} <= set(data["groups"])
    items = next(s for s in data["perUnit"] if s["name"] == "新公布证明事项")
    # the supervisor's own unit (政务服务局) has nothing yet
    assert dict(zip(data["units"], items["data"], strict=True)) == {
        "甲局": 1,
        "乙局": 1,
        "政务服务局": 0,
    }
    received = next(s for s in data["perUnit"] if s["name"] == "受理投诉举报")
    on_time = next(s for s in data["perUnit"] if s["name"] == "按期答复投诉举报")
    received = dict(zip(data["units"], received["data"], strict=True))
    on_time = dict(zip(data["units"], on_time["data"], strict=True))
    assert (received["甲局"], received["乙局"], on_time["甲局"], on_time["乙局"]) == (3, 1, 1, 1)
    assert "vendor/echarts/echarts.common.min.js" in html


def test_a_units_editor_sees_only_their_units_row(
    client, editor_a, dept_a, editor_b, dept_b, reviewer
):
    seed(editor_a, dept_a, editor_b, dept_b, reviewer)
    client.force_login(editor_a)
    html = client.get(reverse("supervision_figures")).content.decode()
    assert list(unit_table(html)) == ["甲局"]


def test_administrator_cannot_open_the_figures(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("supervision_figures"))
    assert response.status_code in (302, 403)
    assert client.get(reverse("supervision_figures_export")).status_code in (302, 403)


def test_export_has_the_banner_per_month_and_every_unit(
    client, supervisor, editor_a, dept_a, editor_b, dept_b, reviewer
):
    seed(editor_a, dept_a, editor_b, dept_b, reviewer)
    client.force_login(supervisor)
    response = client.get(reverse("supervision_figures_export"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["全旗按月", "各单位合计", "各单位按月", "统计项目"]
    units = workbook["各单位合计"]
    header = [c.value for c in units[2]]
    column = header.index("新公布证明事项")
    values = {row[0]: row[column] for row in units.iter_rows(min_row=3, values_only=True)}
    assert values == {"甲局": 1, "乙局": 1, "政务服务局": 0}
    concluded = header.index("办结投诉举报")
    closed = {row[0]: row[concluded] for row in units.iter_rows(min_row=3, values_only=True)}
    assert closed == {"甲局": 2, "乙局": 1, "政务服务局": 0}
    banner = workbook["全旗按月"]
    last = [c.value for c in list(banner.iter_rows())[-1]]
    assert last[0] == "合计" and last[header.index("登记承诺书（当面递交）") - 1] == 1


def test_public_progress_page_has_no_inline_script_and_no_personal_data(
    client, editor_a, dept_a, editor_b, dept_b, reviewer
):
    seed(editor_a, dept_a, editor_b, dept_b, reviewer)
    response = client.get(reverse("public:progress"))
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/json", script
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "张三丰" not in html and person()["person_id_number"] not in html
    assert soup.h1.get_text() == "工作进展"
    data = chart_data(html)
    items = next(s for s in data["perUnit"] if s["name"] == "新公布证明事项")
    assert sum(items["data"]) == 2
    assert soup.select_one("nav[aria-label=主导航] a[href='/progress/']") is not None


def test_vendored_echarts_is_the_version_pinned_in_package_lock():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/echarts"]["version"]
    assert json.loads((ROOT / "package.json").read_text())["devDependencies"]["echarts"] == pinned
    head = VENDORED.read_text(encoding="utf-8")
    found = set(re.findall(r'version\s*=\s*"(\d+\.\d+\.\d+)"', head))
    assert pinned in found
    licences = VENDORED.parent
    assert "Apache License" in (licences / "LICENSE").read_text()
    assert (licences / "NOTICE").exists() and (licences / "LICENSE-zrender").exists()
