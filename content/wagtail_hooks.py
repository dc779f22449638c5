"""Admin hooks of the content pages: the reviewers' 撤下 page and its buttons, and the history
line of a page taken off the site."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from . import admin_views
from .services import UNPUBLISH_ACTION, may_unpublish


@hooks.register("register_admin_urls")
def unpublish_urls():
    return [
        path("content/<int:page_id>/unpublish/", admin_views.unpublish, name="content_unpublish")
    ]


def _unpublish_button(page, user, priority):
    if may_unpublish(user, page):
        yield Button(
            "撤下",
            reverse("content_unpublish", args=[page.pk]),
            icon_name="download",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def unpublish_header_button(page, user, view_name, next_url=None):
    yield from _unpublish_button(page, user, 61)


@hooks.register("register_page_listing_more_buttons")
def unpublish_listing_button(page, user, next_url=None):
    yield from _unpublish_button(page, user, 41)


@hooks.register("register_log_actions")
def register_unpublish_action(actions):
    @actions.register_action(UNPUBLISH_ACTION)
    class UnpublishFormatter(LogFormatter):
        label = "撤下"

        def format_message(self, log_entry):
            return f"撤下页面，理由：{log_entry.data.get('reason', '')}"
