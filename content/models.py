"""Content pages on Wagtail's page tree (ADR 019): 政策解读, 常见问题, 工作动态, 通知公告.

The tree under the default site's root page: one ``ContentIndexPage`` per kind (created by
``services.content_tree_ensure``, never by hand), and below each index the pages of that kind.
Pages are served under ``/info/`` (``cms/urls.py``). Every change goes through the workflow
内容审核 (``ContentReviewTask``: a justice-bureau reviewer approves, never the author or the
submitter), whose approval publishes exactly the reviewed revision.
"""

from django.db import models
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from catalog.text import CleanTextMixin
from publishing.models.review import BannerWideReviewTask

from .blocks import body_blocks
from .enums import ContentKind


class ContentIndexPage(Page):
    """The list of one kind of content (/info/policy/ …)."""

    kind = models.CharField("栏目", max_length=20, choices=ContentKind.choices, unique=True)
    introduction = models.TextField("栏目介绍", blank=True)

    content_panels = [FieldPanel("title"), FieldPanel("introduction")]
    promote_panels = []
    settings_panels = []

    # created by content_tree_ensure only (one per kind)
    is_creatable = False
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.PolicyExplanationPage",
        "content.FaqPage",
        "content.NewsPage",
        "content.NoticePage",
    ]
    template = "content/index_page.html"

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = "栏目"

    def get_context(self, request, *args, **kwargs):
        from .selectors import live_pages

        context = super().get_context(request, *args, **kwargs)
        context["pages"] = live_pages(kind=self.kind, parent=self)
        return context


class ContentPage(CleanTextMixin, Page):
    """What the four kinds share: a summary, a date shown to readers and a StreamField body."""

    summary = models.TextField(
        "摘要", max_length=300, blank=True, help_text="显示在列表、首页和订阅源中，不超过300字。"
    )
    body = StreamField(body_blocks(), verbose_name="正文", blank=False)
    # the body as plain text, kept on every save: the public search looks in it
    search_text = models.TextField("检索文字", blank=True, editable=False)

    content_panels = [FieldPanel("title"), FieldPanel("summary"), FieldPanel("body")]
    promote_panels = [FieldPanel("slug")]
    settings_panels = []
    search_fields = [*Page.search_fields, index.SearchField("search_text")]
    parent_page_types = ["content.ContentIndexPage"]
    subpage_types = []
    template = "content/content_page.html"
    kind: ContentKind

    class Meta:
        verbose_name = "内容页面"
        verbose_name_plural = "内容页面"

    @classmethod
    def can_create_at(cls, parent):
        parent = parent.specific
        return (
            super().can_create_at(parent)
            and isinstance(parent, ContentIndexPage)
            and getattr(cls, "kind", None) == parent.kind
        )

    def body_text(self) -> str:
        parts = []
        for block in self.body:
            value = block.value
            if block.block_type == "paragraph":
                parts.append(strip_tags(value.source))
            elif block.block_type == "heading":
                parts.append(str(value))
            elif block.block_type == "qa":
                parts.append(value["question"])
                parts.append(strip_tags(value["answer"].source))
            elif block.block_type in ("image", "document"):
                parts.append(value.get("caption") or value.get("title") or "")
        return "\n".join(p for p in parts if p)

    def full_clean(self, *args, **kwargs):
        self.search_text = self.body_text()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.search_text = self.body_text()
        return super().save(*args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        return "content/content_page.html"  # one template for the four kinds

    def kind_label(self) -> str:
        return ContentKind(self.kind).label


class PolicyExplanationPage(ContentPage):
    kind = ContentKind.POLICY

    class Meta:
        verbose_name = "政策解读"
        verbose_name_plural = "政策解读"


class FaqPage(ContentPage):
    kind = ContentKind.FAQ

    class Meta:
        verbose_name = "常见问题"
        verbose_name_plural = "常见问题"


class NewsPage(ContentPage):
    kind = ContentKind.NEWS

    class Meta:
        verbose_name = "工作动态"
        verbose_name_plural = "工作动态"


class NoticePage(ContentPage):
    kind = ContentKind.NOTICE

    class Meta:
        verbose_name = "通知公告"
        verbose_name_plural = "通知公告"


CONTENT_PAGE_MODELS = (PolicyExplanationPage, FaqPage, NewsPage, NoticePage)


class ContentReviewTask(BannerWideReviewTask):
    """The justice bureau approves content pages; approving publishes the reviewed revision.
    Nobody acts on what they submitted or wrote (``BannerWideReviewTask``)."""

    class Meta:
        verbose_name = "司法局审核（内容页面）"
        verbose_name_plural = "司法局审核（内容页面）"

    @classmethod
    def get_description(cls):
        return (
            "司法局审核员审核政策解读、常见问题、工作动态和通知公告，审核通过即发布；"
            "不能审核本人提交或撰写的内容。"
        )
