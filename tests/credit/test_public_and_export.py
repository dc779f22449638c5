"""The public page lists legal persons' 较重/严重 records marked 依法公示 during their period and
never a natural person or a person's identity number; the export and its push."""

import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from credit.enums import Grade, RecordState
from credit.models import PushLog

from ..cases.helpers import make_world
from ..letters.helpers import CREDIT_CODE, PERSON_ID
from .helpers import D, make_record, organisation_record


@pytest.fixture
def world(db):
    world = make_world()
    editor = world["users"]["editor"]
    world["person"] = make_record(editor, world["own"], subject_name="王五六")
    world["shown"] = organisation_record(editor, world["own"])
    world["ordinary"] = organisation_record(
        editor,
        world["own"],
        subject_name="一般失信公司",
        grade=Grade.ORDINARY,
    )
    world["unmarked"] = organisation_record(
        editor, world["own"], subject_name="未标记公示公司", publicised=False, legal_basis=""
    )
    world["expired"] = organisation_record(
        editor,
        world["own"],
        subject_name="期满公司",
        decided_on=D(2021, 3, 1),
        today=D(2026, 11, 20),
    )
    return world


def test_the_public_page_shows_only_publicised_grave_records_of_legal_persons(client, world):
    page = client.get(reverse("public:credit")).content.decode()
    assert "阿拉善右旗示例律师事务所" in page and CREDIT_CODE in page
    assert "《企业信息公示暂行条例》第六条" in page
    for hidden in ("一般失信公司", "未标记公示公司", "期满公司"):
        assert hidden not in page
    # no personal data: no natural person's name, no resident ID number of anyone
    assert "王五六" not in page and "张三丰" not in page and PERSON_ID not in page


def test_a_repaired_or_revoked_record_leaves_the_public_page(client, world):
    world["shown"].state = RecordState.REPAIRED
    world["shown"].save(update_fields=["state"])
    assert "阿拉善右旗示例律师事务所" not in client.get(reverse("public:credit")).content.decode()


def test_the_export_holds_changed_records_with_the_documented_field_names(world):
    from credit.exports import FIELDS, as_csv, as_json

    data = json.loads(as_json(D(2020, 1, 1)))
    assert set(data["fields"]) == {name for name, _, _ in FIELDS}
    by_name = {r["XDR_MC"]: r for r in data["records"]}
    assert by_name["王五六"]["XDR_ZJHM"] == PERSON_ID and by_name["王五六"]["XDR_SHXYM"] == ""
    assert by_name["阿拉善右旗示例律师事务所"]["XDR_SHXYM"] == CREDIT_CODE
    assert by_name["阿拉善右旗示例律师事务所"]["SXCD"] == "较重"
    rows = list(csv.DictReader(io.StringIO(as_csv(D(2020, 1, 1)).lstrip("\ufeff"))))
    assert len(rows) == 5 and rows[0].keys() == {name for name, _, _ in FIELDS}
    assert json.loads(as_json(D(2099, 1, 1)))["records"] == []


class _Platform(BaseHTTPRequestHandler):
    failures_left = 0
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if _Platform.failures_left:
            _Platform.failures_left -= 1
            self.send_response(503)
        else:
            _Platform.received.append((self.headers["Content-Type"], body))
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def platform():
    server = HTTPServer(("127.0.0.1", 0), _Platform)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Platform.received = []
    yield f"http://127.0.0.1:{server.server_port}/records"
    server.shutdown()
    server.server_close()


def test_the_push_retries_until_the_platform_accepts_and_logs_it(world, platform):
    _Platform.failures_left = 2
    call_command("credit_push", since="2020-01-01", url=platform, retries=3, wait=0)
    ((content_type, body),) = _Platform.received
    assert content_type.startswith("application/json")
    assert len(json.loads(body)["records"]) == 5
    log = PushLog.objects.get()
    assert (log.attempts, log.succeeded, log.records, log.message) == (3, True, 5, "HTTP 200")


def test_a_push_that_always_fails_is_logged_and_reported(world, platform):
    _Platform.failures_left = 5
    with pytest.raises(CommandError, match="推送失败（尝试2次）：HTTP 503"):
        call_command(
            "credit_push", since="2020-01-01", url=platform, retries=2, wait=0, format="csv"
        )
    log = PushLog.objects.get()
    assert (log.attempts, log.succeeded) == (2, False)
