"""The blocks of a content page's body: a restricted set, each rendered by a template in
``content/templates/content/blocks/`` (no block writes raw HTML of its own)."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text: paragraphs with bold, italic, lists and links only (no headings inside a
# paragraph, no embeds, no raw HTML, no images: those have blocks of their own).
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        label = "小标题"
        icon = "title"
        template = "content/blocks/heading.html"
        form_classname = "title"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="图片")
    alt = blocks.CharBlock(
        label="替代文字",
        max_length=150,
        help_text="必填：读屏软件朗读的图片内容，例如“告知承诺制办理流程图”。",
    )
    caption = blocks.CharBlock(label="图片说明", required=False, max_length=150)

    class Meta:
        label = "图片"
        icon = "image"
        template = "content/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(
        label="链接文字", required=False, max_length=150, help_text="留空时使用文件的标题。"
    )

    class Meta:
        label = "文件下载"
        icon = "doc-full"
        template = "content/blocks/document.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="问题", max_length=200)
    answer = blocks.RichTextBlock(label="回答", features=RICH_TEXT_FEATURES)

    class Meta:
        label = "问答"
        icon = "help"
        template = "content/blocks/question_answer.html"


def body_blocks():
    return [
        (
            "paragraph",
            blocks.RichTextBlock(label="段落", features=RICH_TEXT_FEATURES, icon="pilcrow"),
        ),
        ("heading", HeadingBlock()),
        ("image", ImageBlock()),
        ("document", DocumentBlock()),
        ("qa", QuestionAnswerBlock()),
    ]
