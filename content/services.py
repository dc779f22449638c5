"""Writing content pages: the same Wagtail machinery (revisions, log entries, the workflow) as
the page editor in the admin, so demo data and tests are indistinguishable from hand edits.

Who may do what (ADR 019):

- write (create, edit, submit): the justice bureau's reviewers — Wagtail page permissions
  ``add`` and ``change`` on the content tree, given to the group 司法局审核员 by
  ``content_tree_ensure``; nobody has ``publish``: a page goes live only when the workflow
  approves it;
- approve or send back: a reviewer who neither submitted nor wrote the revision
  (``ContentReviewTask``);
- take a live page off the site (撤下, with a reason kept in the page's history): a reviewer,
  through ``content_page_unpublish`` (Wagtail's own unpublish needs ``publish``, which nobody
  has); the page and its revisions stay and can be submitted again;
- upload the images and documents a page shows: reviewers, on the root collection
  (``WRITER_COLLECTION_PERMISSIONS``);
- everyone else: nothing (other roles see no 页面 menu).
"""

from functools import cache

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from catalog.workflow import workflow_submit
from permissions.enums import GLOBAL_GROUP_NAMES, Role
from sitesettings.selectors import site_info

from .blocks import RICH_TEXT_FEATURES
from .enums import INDEX_SLUGS, ContentKind
from .models import CONTENT_PAGE_MODELS, ContentIndexPage, ContentPage, ContentReviewTask

WORKFLOW_NAME = "内容页面审核"
WRITER_PAGE_PERMISSIONS = ("add_page", "change_page")
# The images and documents of content pages (Wagtail permissions them per collection).
WRITER_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)
UNPUBLISH_ACTION = "content.unpublish"
INTRODUCTIONS = {
    ContentKind.POLICY: "对证明事项告知承诺制有关政策文件的解读。",
    ContentKind.FAQ: "群众和企业办事时经常问到的问题及回答。",
    ContentKind.NEWS: "推行证明事项告知承诺制的工作情况。",
    ContentKind.NOTICE: "与证明事项告知承诺制有关的通知和公告。",
}
MODEL_OF_KIND = {model.kind: model for model in CONTENT_PAGE_MODELS}


def content_root() -> Page | None:
    """The page the content indexes hang from: the default site's root page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def _site_ensure() -> Page:
    """The default site and its root page, as Wagtail's first migration makes them, when a
    ``flush`` (the browser tests) removed them."""
    root = content_root()
    if root is not None:
        return root
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    tree_root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="根页面", slug="root", live=True)
    )
    home = tree_root.add_child(instance=Page(title="政务公开", slug="home", live=True))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


def default_site_name_sync() -> None:
    """The default Wagtail site is named as the site settings name the site (网站信息:
    简称 + 网站名称, e.g. 鄂旗证明事项告知承诺制), never by its host name ("localhost"): the
    admin shows the name on its dashboard and in the page explorer's site filter. Run after
    every ``migrate`` and whenever 网站信息 is saved."""
    name = site_info().full_title or settings.WAGTAIL_SITE_NAME
    Site.objects.filter(is_default_site=True).exclude(site_name=name).update(site_name=name)


@transaction.atomic
def content_tree_ensure() -> Workflow:
    """Create (once) the four index pages, the workflow 内容页面审核 on the content tree and
    the reviewers' page permissions. Run after every ``migrate`` (and ``flush``)."""
    root = _site_ensure()
    default_site_name_sync()
    for kind in ContentKind:
        if not ContentIndexPage.objects.filter(kind=kind).exists():
            root.add_child(
                instance=ContentIndexPage(
                    title=kind.label,
                    slug=INDEX_SLUGS[kind],
                    kind=kind,
                    introduction=INTRODUCTIONS[kind],
                    live=True,
                )
            )
            root.refresh_from_db()
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task, _ = ContentReviewTask.objects.get_or_create(name="司法局审核（内容页面）")
    WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    writers, _ = Group.objects.get_or_create(name=GLOBAL_GROUP_NAMES[Role.REVIEWER])
    for codename in WRITER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=writers,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    collection = Collection.get_first_root_node()
    for app_label, codename in WRITER_COLLECTION_PERMISSIONS if collection else ():
        GroupCollectionPermission.objects.get_or_create(
            group=writers,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    return workflow


def _index(kind) -> ContentIndexPage:
    index = ContentIndexPage.objects.filter(kind=kind).first()
    if index is None:
        raise ValidationError("内容栏目尚未建立，请先运行 migrate。")
    return index


def _check(user, page, action: str) -> None:
    perms = page.permissions_for_user(user)
    allowed = perms.can_add_subpage() if action == "add" else perms.can_edit()
    if not allowed:
        raise PermissionDenied("您没有编辑政务公开内容的权限。")


@cache
def _converter() -> ContentstateConverter:
    return ContentstateConverter(features=RICH_TEXT_FEATURES)


def _clean_rich_text(html) -> str:
    """What the admin's rich-text editor would store: only the allowed features, no scripts,
    no event attributes, no javascript: links (Wagtail's own HTML → editor → HTML round trip)."""
    source = getattr(html, "source", html) or ""
    converter = _converter()
    return converter.to_database_format(converter.from_database_format(source))


def _clean_body(body):
    """``body`` as a list of (block type, value) with its rich text cleaned."""
    if not isinstance(body, list | tuple):
        return body  # a StreamValue read back from a revision: already clean
    cleaned = []
    for block_type, value in body:
        if block_type == "paragraph":
            value = _clean_rich_text(value)
        elif block_type == "qa":
            value = {**value, "answer": _clean_rich_text(value.get("answer"))}
        cleaned.append((block_type, value))
    return cleaned


def _clean_page(page) -> None:
    try:
        page.full_clean()
    except ValidationError as error:
        raise ValidationError(error.message_dict) from error


@transaction.atomic
def content_page_create(*, user, kind, title: str, body, summary: str = "", slug: str = ""):
    """A new draft page of ``kind`` (not live), with its first revision."""
    index = _index(kind)
    _check(user, index, "add")
    page = MODEL_OF_KIND[ContentKind(kind)](
        title=title, summary=summary, body=_clean_body(body), live=False, owner=user
    )
    if slug:
        page.slug = slug
    page = index.add_child(instance=page)
    _clean_page(page)
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def content_page_update(*, user, page: ContentPage, **values):
    """A new draft revision of ``page`` with ``values`` changed (the live version stays)."""
    page = page.specific
    _check(user, page, "change")
    draft = page.get_latest_revision_as_object()
    for name, value in values.items():
        setattr(draft, name, _clean_body(value) if name == "body" else value)
    _clean_page(draft)
    draft.save_revision(user=user, log_action=True)
    return draft


@transaction.atomic
def content_page_submit(*, user, page: ContentPage) -> None:
    """Send the latest revision into review (again, after it was sent back)."""
    page = page.specific
    _check(user, page, "change")
    workflow_submit(page, user, already_in_review="该页面已在审核中。")


@transaction.atomic
def content_page_review(*, user, page: ContentPage, action: str, comment: str = "") -> None:
    """Approve (publishes the reviewed revision) or send back, as ``user``."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        raise ValidationError("该页面当前不在审核中。")
    task_state.task.specific.on_action(task_state.specific, user, action, comment=comment)


def may_unpublish(user, page) -> bool:
    """Whether ``user`` may take ``page`` off the site: a live content page they may edit."""
    page = page.specific
    return (
        isinstance(page, ContentPage) and page.live and page.permissions_for_user(user).can_edit()
    )


@transaction.atomic
def content_page_unpublish(*, user, page, reason: str) -> None:
    """Take a live content page off the public site (撤下), as a reviewer, with a reason that
    the page's history keeps. Its revisions stay; it goes live again only through review."""
    page = page.specific
    if not isinstance(page, ContentPage):
        raise PermissionDenied("只能撤下政务公开内容页面。")
    _check(user, page, "change")
    if not page.live:
        raise ValidationError("该页面未发布，无需撤下。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写撤下理由（将记入页面历史）。"})
    if len(reason) > 500:
        raise ValidationError({"reason": "撤下理由不能超过500字。"})
    # Wagtail's action checks its own ``publish`` permission: ours was checked above.
    UnpublishPageAction(page, user=user, log_action=False).execute(skip_permission_checks=True)
    log(instance=page, action=UNPUBLISH_ACTION, user=user, data={"reason": reason})
