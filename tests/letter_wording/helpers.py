"""Letter wording for tests: a change of the 附件3 wording, published through review."""

import io
import re
import zipfile

from docx import Document
from pypdf import PdfReader

from catalog.letters.services import (
    letter_wording_review,
    letter_wording_submit,
    letter_wording_update,
)

OLD_INTRO = "证明事项告知承诺失信行为信息纳入全盟公共信用信息目录"
NEW_INTRO = (
    "证明事项告知承诺失信行为信息纳入全市公共信用信息目录，对执意隐瞒真实情况、"
    "提供虚假承诺办理有关事项的，依法作出如下处理："
)


def publish_wording(author, approver, **texts):
    """``author`` edits and submits, ``approver`` approves: the next version."""
    letter_wording_update(user=author, texts=texts or {"false_commitment_intro": NEW_INTRO})
    letter_wording_submit(user=author)
    return letter_wording_review(user=approver, action="approve")


def docx_body(content: bytes) -> str:
    """The text of word/document.xml (the body), tags removed."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("word/document.xml").decode()
    return re.sub(r"<[^>]+>", "", xml)


def docx_paragraphs(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s", "", "".join(page.extract_text() for page in reader.pages))


def squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)
