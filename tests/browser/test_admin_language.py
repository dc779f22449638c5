"""Every role walks its admin pages in a real browser and meets no English.

Each role logs in, visits every page of its menus and the pages linked from them (one page per
URL shape), the edit, review, history and withdraw pages of items in every state, and opens
what a user opens: the action menus, the status, preview and checks panels, the keyboard
shortcuts dialog ("?"), a form after a validation error. On each page the test reads the text
of the whole document (hidden parts and <template> contents included, since a click shows
them), the accessible names (aria-label, title, alt, placeholder, button values, tooltips) and
the tab title, in every frame. The run fails listing each English string with its page.

Screenshots of the opened panels go to artifacts/browser/.
"""

import ast
import datetime
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

from catalog.services import item_review, item_update
from commitments.letters.services import letter_register
from commitments.workdays.services import holiday_year_save
from complaints.enums import ComplaintKind
from complaints.services import complaint_submit
from credit.enums import Grade
from credit.objections import objection_decide, objection_file
from permissions.enums import Role
from publishing.services import catalog_revision_publish, item_withdraw
from search.models import Synonym
from tests.credit.helpers import TODAY as CREDIT_TODAY
from tests.credit.helpers import make_record
from tests.factories import item_fields, make_department, make_item, make_user, submit
from tests.guides.helpers import make_guide, submit_guide
from tests.letters.helpers import person
from vocabularies.models import Term

from .conftest import CHROMIUM, CHROMIUM_ARGS

TIMEOUT_MS = 15_000
VIEWPORT = {"width": 1280, "height": 900}
MAX_PAGES_PER_ROLE = 60

# Latin words allowed on an admin page, each with the reason. Everything else is English.
ALLOWED_WORDS = {
    "PDF": "file format named on the letter and export links",
    "Excel": "spreadsheet program the import page names",
    "CSV": "file format",
    "XLSX": "file format",
    "XLS": "file format",
    "DOCX": "file format",
    "Word": "word processor the letter download names",
    "UTF": "text encoding of CSV files (UTF-8)",
    "GBK": "text encoding of CSV files",
    "RSS": "feed format of the public letter list",
    "MB": "unit of the upload size limits",
    "JavaScript": "the browser feature the no-script notice asks to switch on",
    "AVIF": "image format the flow-chart upload accepts",
    "GIF": "image format",
    "JPG": "image format",
    "JPEG": "image format",
    "PNG": "image format",
    "TS": "prefix of the complaints' tracking numbers (投诉, TS2026-000123)",
    "WEBP": "image format",
    "ICP": "the website record number (ICP备案号) every Chinese site shows under that name",
}
# Whole strings allowed although English, each with the reason. Keep this short.
ALLOWED_STRINGS = {
    "Save Selected": "apply button of the vendored date picker, never displayed: Wagtail leaves "
    "its showApplyButton option off",
}
# Key caps of the keyboard-shortcuts dialog read as printed on Chinese keyboards too.
KEY_CAPS = {"Ctrl", "Cmd", "Shift", "Alt", "Option", "Esc", "Enter", "Tab"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")
NOT_WORDS = [
    re.compile(r"https?://\S+"),  # URLs
    re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"(?<![\w/])/[\w./?=&%-]*"),  # paths
    re.compile(r"[\w-]*\.(pdf|docx?|xlsx|xls|csv)\b", re.I),  # file names and extensions
    re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),  # identifiers to type (online_service)
    re.compile(r"</?[a-z][^>]*>"),  # markup inside <noscript>, which is raw text
]

# Read every text node (also of <template> contents and of hidden parts: a click shows them)
# and every accessible name or tooltip of the document.
COLLECT_JS = """() => {
  const found = [];
  const where = (el) => {
    if (!el || !el.tagName) return "";
    let s = el.tagName.toLowerCase();
    if (el.id) return s + "#" + el.id;
    if (typeof el.className === "string" && el.className.trim())
      s += "." + el.className.trim().split(/\\s+/).slice(0, 2).join(".");
    return s;
  };
  const add = (kind, text, el) => {
    text = (text || "").replace(/\\s+/g, " ").trim();
    const kbd = !!(el && el.closest && el.closest("kbd"));
    if (text) found.push({kind, text, kbd, where: where(el)});
  };
  const attrs = ["aria-label", "aria-description", "aria-roledescription", "aria-valuetext",
                 "title", "alt", "placeholder", "data-w-tooltip-content-value",
                 "data-w-progress-active-value", "data-w-clipboard-success-value"];
  const scan = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (el && el.closest("script, style, iframe")) continue;  // an iframe's own text: never shown
      add("text", node.textContent, el);
    }
    for (const el of root.querySelectorAll("*")) {
      for (const name of attrs) if (el.hasAttribute(name)) add(name, el.getAttribute(name), el);
      if (el.matches("input[type=submit], input[type=button], input[type=reset]"))
        add("value", el.value, el);
      if (el.tagName === "TEMPLATE") scan(el.content);
    }
  };
  scan(document.documentElement);
  add("tab title", document.title, document.head);
  return found;
}"""


def english_words(text: str, data_strings=()) -> list[str]:
    """The Latin words of ``text`` that are English (not an allowed name, URL, address, datum)."""
    if text in ALLOWED_STRINGS:
        return []
    for pattern in NOT_WORDS:
        text = pattern.sub(" ", text)
    for value in data_strings:
        text = text.replace(value, " ")
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_WORDS]


@dataclass
class Walk:
    """What one role met on its pages: English strings by page."""

    role: str
    base_url: str
    data_strings: tuple = ()
    # whole texts that are stored codes (词表's 代码 column: what records store, typed by the
    # justice bureau when it adds a term, shown as such); only a text equal to a code is data
    data_codes: frozenset = frozenset()
    slug: str = "role"  # for file names
    preview_statuses: list = field(default_factory=list)  # of the page's preview checks
    findings: dict = field(default_factory=dict)  # (page, kind, where, text) -> None
    visited: list = field(default_factory=list)

    def read(self, page, label):
        """Collect the English of ``page`` (all its frames), recorded under ``label``."""
        for frame in page.frames:
            if frame.is_detached() or not frame.url.startswith(self.base_url):
                continue
            for found in frame.evaluate(COLLECT_JS):
                if found["kind"] == "text" and found["text"] in self.data_codes:
                    continue
                words = english_words(found["text"], self.data_strings)
                if found["kbd"]:
                    words = [w for w in words if w not in KEY_CAPS]
                if words:
                    key = (label, found["kind"], found["where"], found["text"][:200])
                    self.findings[key] = None

    def report(self) -> list[str]:
        """One line per English string, with the pages it is on."""
        pages = {}
        for label, kind, where, text in self.findings:
            pages.setdefault((kind, where, text), []).append(label)
        return [
            f"[{self.role}] {kind} <{where}>: {text!r} — on {', '.join(labels[:4])}"
            + (f" and {len(labels) - 4} more" if len(labels) > 4 else "")
            for (kind, where, text), labels in pages.items()
        ]


def _pattern(path: str) -> str:
    """One page per URL shape: /admin/snippets/…/edit/12/ and …/edit/13/ are the same page."""
    return re.sub(r"\d+", "#", path)


# Links the crawl does not follow: downloads, state changes on GET, the public site, logout.
SKIPPED_LINK = re.compile(
    r"/logout/|/jsi18n/|/export|[?&]export=|\.(pdf|docx|xlsx|xls|csv)$|/lock/|/unlock/"
    r"|/workflow/action/|/collect_action_data/|/confirm_cancellation/|/preview/|/dismissibles/"
    r"|/editing-sessions/|/sprite/|/letter/|/admin/bulk/|/usage/"
)

MENU_URLS_JS = """() => {
  const props = JSON.parse(document.getElementById("wagtail-sidebar-props").textContent);
  const urls = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      if (typeof node.url === "string") urls.push(node.url);
      // the sidebar's search box: its results page, with a query
      if (node._type === "wagtail.sidebar.SearchModule") urls.push(node._args[0] + "?q=证明");
      Object.values(node).forEach(visit);
    }
  };
  visit(props);
  return urls;
}"""

ADMIN_LINKS_JS = """() => Array.from(document.querySelectorAll("main a[href], header a[href]"))
  .map((a) => a.getAttribute("href"))"""


def _goto(page, walk, path, label=None):
    walk.preview_statuses.clear()
    response = page.goto(walk.base_url + path, wait_until="load")
    walk.visited.append(path)
    status = response.status if response else 0
    assert status < 500, f"[{walk.role}] {path} answered {status}"
    walk.read(page, label or path)
    return status


def _admin_links(page) -> list[str]:
    links = []
    for href in page.evaluate(ADMIN_LINKS_JS):
        parts = urlsplit(href)
        if parts.netloc or not parts.path.startswith("/admin/") or parts.query:
            continue
        if SKIPPED_LINK.search(parts.path):
            continue
        links.append(parts.path)
    return links


def crawl(page, walk, start_paths):
    """Visit ``start_paths`` and the admin pages they link to, one page per URL shape."""
    done, shapes = set(walk.visited), {_pattern(p) for p in walk.visited}
    queue = [(path, 0, True) for path in start_paths]
    while queue and len(walk.visited) < MAX_PAGES_PER_ROLE:
        path, depth, explicit = queue.pop(0)
        if path in done or (not explicit and _pattern(path) in shapes):
            continue
        done.add(path)
        shapes.add(_pattern(path))
        status = _goto(page, walk, path)
        if status >= 300 or depth >= 1:
            continue
        for link in _admin_links(page):
            if link not in done and _pattern(link) not in shapes:
                queue.append((link, depth + 1, False))


def log_in(browser, walk, username):
    context = browser.new_context(locale="zh-CN", viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on(
        "response",
        lambda r: walk.preview_statuses.append(r.status) if _is_preview_check(r) else None,
    )
    _goto(page, walk, "/admin/login/", "登录页")
    page.fill("#id_username", username)
    page.fill("#id_password", "wrong password")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    walk.read(page, "登录页（密码错误）")
    page.fill("#id_username", username)
    page.fill("#id_password", settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert urlsplit(page.url).path == "/admin/", f"{username} could not log in"
    walk.read(page, "/admin/")
    walk.visited.append("/admin/")
    return page


def menu_paths(page) -> list[str]:
    paths = []
    for url in page.evaluate(MENU_URLS_JS):
        parts = urlsplit(url)
        if parts.netloc:  # a link to another site in a menu is English guidance: report it
            paths.append(url)
        elif parts.path.startswith("/admin/"):
            path = f"{parts.path}?{parts.query}" if parts.query else parts.path
            if path not in paths:
                paths.append(path)
    return paths


# --- what a user opens ------------------------------------------------------------------------


def _is_preview_check(response):
    return "/preview/" in response.url and response.request.method == "POST"


def _wait_for_preview(page, walk):
    """Until the preview shows the rendered item (a sandboxed frame, read by Playwright) or says
    the form has errors; a preview that Wagtail was refused stays empty and is not waited for."""
    shown = page.frame_locator("[data-side-panel=preview] iframe:not(.w-preview__proxy)")
    errors = page.locator(".w-preview--has-errors")
    for _ in range(TIMEOUT_MS // 100):
        refused = any(status != 200 for status in walk.preview_statuses)
        if refused or errors.count() or shown.locator("h1").count():
            return
        page.wait_for_timeout(100)  # lets Playwright deliver the responses and frame events
    raise AssertionError("the preview panel showed neither the item nor the form's errors")


def open_everything_on_edit_page(page, walk, label, screenshot=None):
    """Action menu, header menu, keyboard shortcuts, status, preview and checks panels."""
    footer_toggle = page.locator("footer .w-dropdown__toggle")
    if footer_toggle.count():
        footer_toggle.first.click()
        walk.read(page, f"{label} 操作菜单")
        page.keyboard.press("Escape")
    header_more = page.locator("#w-slim-header-buttons .w-dropdown__toggle")
    if header_more.count():
        header_more.first.click()
        walk.read(page, f"{label} 页头菜单")
        page.keyboard.press("Escape")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press("?")
    dialog = page.locator("#keyboard-shortcuts-dialog")
    dialog.wait_for(state="visible")
    walk.read(page, f"{label} 快捷键对话框")
    if screenshot:
        screenshot(page, f"language-{walk.slug}-shortcuts")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    for panel in ("status", "preview", "checks"):
        toggle = page.locator(f"[data-side-panel-toggle={panel}]")
        if not toggle.count():
            continue
        toggle.click()
        page.locator(f"[data-side-panel={panel}]").wait_for(state="visible")
        if panel == "preview":
            _wait_for_preview(page, walk)
        if panel == "checks":
            page.locator("[data-side-panel=checks] [data-content-checker-count]").wait_for(
                state="attached"
            )
        walk.read(page, f"{label} 侧栏 {panel}")
        if screenshot:
            screenshot(page, f"language-{walk.slug}-panel-{panel}")


def submit_with_error(page, walk, label, field_selector):
    """Empty a required field and save: the form comes back with its errors."""
    page.locator(field_selector).fill("")
    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    walk.read(page, f"{label}（校验错误）")


# --- the data and the roles' pages ------------------------------------------------------------


def build_world():
    """One department with a leader, items in every state, a guide, a letter, a revision."""
    department = make_department("公安局")
    names = {
        Role.EDITOR: ("lang_editor", "张伟"),
        Role.LEADER: ("lang_leader", "王芳"),
        Role.REVIEWER: ("lang_reviewer", "李娜"),
        Role.SUPERVISOR: ("lang_supervisor", "刘洋"),
        Role.ADMINISTRATOR: ("lang_admin", "陈静"),
    }
    users = {}
    for role, (username, display) in names.items():
        make_user(username, role=role, departments=[department])
        get_user_model().objects.filter(username=username).update(
            first_name=display, email=f"{username}@example.org"
        )
        users[role] = get_user_model().objects.get(username=username)
    editor, leader, reviewer = users[Role.EDITOR], users[Role.LEADER], users[Role.REVIEWER]

    def decide(item, user, action="approve", comment=""):
        item_review(user=user, item=item, action=action, comment=comment)
        item.refresh_from_db()
        return item

    def published(name):
        item = submit(make_item(editor, department, name=name), editor)
        return decide(decide(item, leader, comment="同意报送。"), reviewer)

    items = {
        "draft": make_item(editor, department, name="居住证明（草稿）"),
        "at_leader": submit(
            make_item(editor, department, name="亲属关系证明（待领导审批）"), editor
        ),
        "at_reviewer": decide(
            submit(make_item(editor, department, name="户籍证明（待司法局审核）"), editor), leader
        ),
        "published": published("无犯罪记录证明"),
        "withdrawn": published("就业证明（已撤回）"),
    }
    sent_back = decide(
        submit(make_item(editor, department, name="出生证明（已退回）"), editor), leader
    )
    items["sent_back"] = decide(sent_back, reviewer, "reject", "请补充设定依据的条文内容。")
    resubmitted = decide(
        submit(make_item(editor, department, name="死亡证明（退回后重新提交）"), editor), leader
    )
    decide(resubmitted, reviewer, "reject", "请写明开具单位。")
    items["resubmitted"] = submit(resubmitted, editor)
    resubmission = items["resubmitted"].current_workflow_state.pk
    pending = published("居住地住址证明（有待审修改）")
    item_update(
        user=editor,
        item=pending,
        fields=item_fields(name=pending.name, purpose="办理户口迁移"),
        legal_bases=None,
    )
    items["pending"] = submit(pending, editor)
    catalog_revision_publish(user=reviewer, note="首次发布。")
    item_withdraw(item=items["withdrawn"], user=reviewer, reason="上位法已废止该证明。")
    for item in items.values():
        item.refresh_from_db()

    guides = {
        "draft": make_guide(editor, department, name="居住证申领（草稿）"),
        "in_review": submit_guide(
            make_guide(editor, department, item=items["published"], name="户口迁移"), editor
        ),
    }
    today = datetime.date.today()
    letter = letter_register(
        user=editor,
        item=items["published"],
        fields=person(received_on=today, signed_on=today),
        disclose=False,
    )
    complaint, _code = complaint_submit(
        fields={
            "kind": ComplaintKind.FALSE_COMMITMENT,
            "department": department,
            "item": items["published"],
            "letter_number": f"（{letter.year}年）第{letter.number}号",
            "description": "该申请人承诺的无犯罪记录与实际不符。",
            "contact_phone": "13800001111",
        }
    )
    Synonym.objects.create(term="户口", synonym="户籍", note="常见说法")
    credit_record = corrected_credit_record(editor, department)
    holiday_year_save(
        user=users[Role.ADMINISTRATOR],
        year=2031,
        notice="国务院办公厅关于2031年部分节假日安排的通知",
        holidays=[(datetime.date(2031, 1, 1), "元旦")],
        makeup_workdays=[],
    )
    return {
        "department": department,
        "users": users,
        "items": items,
        "guides": guides,
        "letter": letter,
        "complaint": complaint,
        "credit_record": credit_record,
        "resubmission": resubmission,
        "data_strings": tuple(u for u, _ in names.values()),
    }


def corrected_credit_record(editor, department):
    """A credit record whose objection was decided 更正: its page shows the objection, the
    history and the repair form."""
    record = make_record(editor, department, grade=Grade.GRAVE)
    objection = objection_file(
        user=editor,
        record=record,
        filed_with="department",
        received_on=datetime.date(2026, 11, 16),
        statement="认定程度过重。",
        files=[SimpleUploadedFile("说明.pdf", b"%PDF-1.4 y")],
        today=CREDIT_TODAY,
    )
    objection_decide(
        user=editor,
        objection=objection,
        decision="corrected",
        reasons="更正为一般。",
        decided_on=datetime.date(2026, 11, 19),
        notified_on=datetime.date(2026, 11, 20),
        notified_how="当面送达",
        corrected_grade=Grade.ORDINARY,
        today=CREDIT_TODAY,
    )
    return record


def item_url(view, item):
    return f"/admin/snippets/catalog/certificateitem/{view}/{item.pk}/"


def guide_url(view, guide):
    return f"/admin/snippets/catalog/serviceguide/{view}/{guide.pk}/"


def role_pages(role, world):
    """Pages of a role's path that its menus do not link directly."""
    items, guides = world["items"], world["guides"]
    pending = items["pending"]
    history = [
        item_url("history", pending),
        f"{item_url('history', pending)}revisions/compare/earliest...latest/",
        f"{item_url('history', pending)}revisions/{pending.latest_revision_id}/view/",
        item_url("history", items["resubmitted"]),
        item_url("workflow_history", items["resubmitted"]),
        f"{item_url('workflow_history', items['resubmitted'])}detail/{world['resubmission']}/",
    ]
    editing = ("draft", "at_leader", "sent_back", "published", "pending", "withdrawn")
    complaint_pages = [
        f"/admin/complaints/{world['complaint'].pk}/",
        "/admin/complaints/statistics/",
        "/admin/complaints/?queue=overdue",
    ]
    credit_detail = f"/admin/credit/{world['credit_record'].pk}/"
    pages = {
        Role.EDITOR: [
            *(item_url("edit", items[state]) for state in editing),
            credit_detail,
            "/admin/credit/new/",
            "/admin/credit/stricter/",
            guide_url("edit", guides["draft"]),
            f"/admin/letters/{world['letter'].pk}/",
            f"/admin/verification/{world['letter'].verification.pk}/",
            *complaint_pages,
            *history,
        ],
        Role.LEADER: [
            item_url("edit", items["at_leader"]),
            f"/admin/review/{items['at_leader'].pk}/",
            *complaint_pages,
            *history,
        ],
        Role.REVIEWER: [
            credit_detail,
            "/admin/credit/periods/",
            "/admin/credit/rules/",
            item_url("edit", items["at_reviewer"]),
            f"/admin/review/{items['at_reviewer'].pk}/",
            f"/admin/review/{pending.pk}/",
            f"/admin/review/guide/{guides['in_review'].pk}/",
            item_url("unpublish", items["published"]),
            item_url("edit", items["withdrawn"]),
            *complaint_pages,
            *history,
        ],
        Role.SUPERVISOR: [
            item_url("inspect", items["published"]),
            item_url("edit", pending),
            *complaint_pages,
            *history,
        ],
        Role.ADMINISTRATOR: [
            f"/admin/users/edit/{world['users'][Role.EDITOR].pk}/",
            "/admin/users/new/",
            f"/admin/snippets/catalog/department/edit/{world['department'].pk}/",
            "/admin/workdays/2031/",
        ],
    }
    return pages[role]


# Page shapes each walk must have reached, so that a walk which silently lost its way fails.
REQUIRED_SHAPES = {
    Role.EDITOR: [
        "/admin/snippets/catalog/certificateitem/add/",
        "/revisions/compare/",
        "/admin/cases/open/",
        "/admin/verification/#/",
        "/admin/sampling/new/",
        "/admin/credit/#/",
        "/admin/credit/new/",
    ],
    Role.LEADER: ["/admin/review/#/", "/revisions/compare/"],
    Role.REVIEWER: [
        "/admin/review/#/",
        "/unpublish/#/",
        "/admin/catalog-revisions/",
        "/admin/assistance/",
        "/admin/credit/#/",
        "/admin/credit/periods/",
    ],
    Role.SUPERVISOR: ["/inspect/#/", "/revisions/compare/"],
    Role.ADMINISTRATOR: ["/admin/users/edit/#/", "/admin/users/new/", "/admin/workdays/"],
}


# The page where each role opens the panels and dialogs, and the form it saves with an error.
OPENED_PAGES = {
    Role.EDITOR: ("sent_back", "#id_name"),
    Role.LEADER: ("at_leader", None),
    Role.REVIEWER: ("at_reviewer", None),
    Role.SUPERVISOR: ("pending", None),
    Role.ADMINISTRATOR: (None, None),
}


def walk_role(browser, base_url, role, world, screenshot=None) -> Walk:
    user = world["users"][role]
    walk = Walk(
        role=Role(role).label,
        base_url=base_url,
        data_strings=world["data_strings"],
        data_codes=frozenset(Term.objects.values_list("code", flat=True)),
        slug=Role(role).value,
    )
    page = log_in(browser, walk, user.username)
    paths = menu_paths(page)
    external = [p for p in paths if not p.startswith("/admin/")]
    for url in external:
        walk.findings[("侧栏菜单", "外部链接", "a", url)] = None
    crawl(page, walk, [p for p in paths if p.startswith("/admin/")] + role_pages(role, world))
    _goto(page, walk, "/admin/account/")

    state, error_field = OPENED_PAGES[role]
    if state:
        label = f"编辑页（{state}）"
        _goto(page, walk, item_url("edit", world["items"][state]), label)
        open_everything_on_edit_page(page, walk, label, screenshot)
        if error_field:
            page.reload()
            submit_with_error(page, walk, label, error_field)
            _goto(page, walk, "/admin/snippets/catalog/certificateitem/add/", "新增页")
            with page.expect_navigation():
                page.locator("footer button.action-save").first.click()
            walk.read(page, "新增页（校验错误）")
            open_everything_on_edit_page(page, walk, "新增页（校验错误）")
    page.context.close()
    return walk


ROLES = [Role.EDITOR, Role.LEADER, Role.REVIEWER, Role.SUPERVISOR, Role.ADMINISTRATOR]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for every role of the module (contexts are per role)."""
    if not os.path.exists(CHROMIUM):
        reason = f"{CHROMIUM} not found: `make browser-deps`"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as mp:
        # The test writes to the database between browser steps, in Playwright's event loop.
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield launched
            finally:
                launched.close()


def test_english_words_finds_english_but_not_names_codes_or_data():
    assert english_words("Sort by '证明名称' in ascending order.") == [
        "Sort",
        "by",
        "in",
        "ascending",
        "order",
    ]
    assert english_words("导出 Excel、CSV 或 PDF，共 7 条") == []
    assert english_words("联系 lang_editor@example.org，见 https://a.example/x 或 /admin/") == []
    assert english_words("用户 lang_editor", data_strings=("lang_editor",)) == []
    assert english_words("登录 - Wagtail") == ["Wagtail"]
    assert english_words("Word（.doc、.docx），ICP备案号，例如 online_service。") == []
    assert english_words("Is commenting action") == ["Is", "commenting", "action"]


LOCALE_DIR = Path(settings.BASE_DIR) / "cms" / "locale" / "zh_Hans" / "LC_MESSAGES"
WAGTAIL_JS_CATALOG = (
    Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def read_po(path) -> dict:
    """msgid -> msgstr (msgstr[0] of plural entries) of a .po file, without the header."""
    entries, entry, field_name = {}, {}, None
    for line in [*Path(path).read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.get("msgid"):
                entries[entry["msgid"]] = entry.get("msgstr", entry.get("msgstr[0]", ""))
            entry, field_name = {}, None
        elif line.startswith('"') and field_name:
            entry[field_name] += ast.literal_eval(line)
        elif not line.startswith("#"):
            field_name, _, value = line.partition(" ")
            entry[field_name] = ast.literal_eval(value)
    return entries


def served_js_catalog(client) -> dict:
    body = client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\n  \});", body, re.S).group(1))
    return {k: v[0] if isinstance(v, list) else v for k, v in catalog.items()}


def test_project_catalog_is_compiled_and_takes_precedence():
    """Each translation of cms/locale is what Django serves (a stale .mo or a lost LOCALE_PATHS
    fails here), including those that replace Wagtail's own zh_Hans wording."""
    entries = read_po(LOCALE_DIR / "django.po")
    assert len(entries) > 400
    with translation.override("zh-hans"):
        served = {msgid: gettext(msgid) for msgid in entries}
    assert served == entries
    assert entries["Log out"] == "退出登录"  # Wagtail's zh_Hans says 注销 (closing an account)


def test_admin_javascript_strings_are_all_chinese(client):
    """Every string Wagtail's admin JavaScript can show, e.g. the autosave notices that a
    browser walk meets only by chance, comes out of /admin/jsi18n/ in Chinese."""
    catalog = served_js_catalog(client)
    assert read_po(LOCALE_DIR / "djangojs.po").items() <= catalog.items()
    english = [m for m in read_po(WAGTAIL_JS_CATALOG) if not CJK.search(catalog.get(m, ""))]
    # Strings without words to translate (a lone placeholder) are the only exceptions.
    assert [m for m in english if LATIN_WORD.search(re.sub(r"%\(\w+\)s", "", m))] == []


@pytest.mark.browser
# serialized_rollback: the records that Wagtail's and this project's migrations create (root
# page and collection, groups) are there, as on a real installation, whatever ran before.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_role_walks_its_admin_pages_without_meeting_english(live_server, browser, screenshot, role):
    world = build_world()
    walk = walk_role(browser, live_server.url, role, world, screenshot)
    shapes = " ".join(_pattern(path) for path in walk.visited)
    missing = [shape for shape in REQUIRED_SHAPES[role] if shape not in shapes]
    assert not missing, f"the walk did not reach {missing}: {walk.visited}"
    report = walk.report()
    assert not report, (
        f"{len(report)} English strings on {Role(role).label}'s pages:\n" + "\n".join(report)
    )
