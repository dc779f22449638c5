"""Public views around the content pages (the pages themselves are served by Wagtail under
/info/): the overview, the feed, and the images and documents a live page shows.

Uploads are private (``cms/media_views.py``): an image or a document is served here only when
the live version of the page names it in its body, so nothing else in the media library can be
fetched by guessing ids.
"""

from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.feeds import CleanRss201rev2Feed
from sitesettings.selectors import site_info

from .models import ContentPage
from .selectors import FEED_COUNT, home_sections, live_pages

IMAGE_FILTER = "max-1200x1200"


def overview(request):
    return render(request, "content/overview.html", {"sections": home_sections()})


def _live_page_naming(page_id: int, block_type: str, key: str, object_id: int) -> ContentPage:
    page = get_object_or_404(live_pages(), pk=page_id)
    for block in page.body:
        if block.block_type == block_type and block.value[key].pk == object_id:
            return page
    raise Http404("该文件不存在或未公开")


def image(request, page_id: int, image_id: int):
    _live_page_naming(page_id, "image", "image", image_id)
    picture = get_object_or_404(get_image_model(), pk=image_id)
    rendition = picture.get_rendition(IMAGE_FILTER)
    response = FileResponse(rendition.file.open("rb"), content_type=_image_type(rendition))
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _image_type(rendition) -> str:
    name = rendition.file.name.lower()
    for ext, kind in ((".png", "image/png"), (".gif", "image/gif"), (".webp", "image/webp")):
        if name.endswith(ext):
            return kind
    return "image/jpeg"


def document(request, page_id: int, document_id: int):
    _live_page_naming(page_id, "document", "document", document_id)
    doc = get_object_or_404(get_document_model(), pk=document_id)
    response = FileResponse(doc.file.open("rb"), content_type=doc.content_type)
    response["Content-Disposition"] = content_disposition_header(True, doc.filename)
    return response


class ContentFeed(Feed):
    """RSS of the newest policy explanations, FAQs, news and notices (live pages only)."""

    feed_type = CleanRss201rev2Feed
    link = "/info/"
    description = "政策解读、常见问题、工作动态和通知公告"

    def title(self):
        return f"{site_info().government_short_name}证明事项告知承诺制政务公开"

    def items(self):
        return live_pages()[:FEED_COUNT]

    def item_title(self, page):
        return f"[{page.kind_label()}] {page.title}"

    def item_description(self, page):
        return page.summary or page.search_text[:200]

    def item_link(self, page):
        return page.url

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at
