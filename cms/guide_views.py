"""Public pages of service guides and of the letter form of an item. Published content only."""

import mimetypes
import re

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from catalog.guides.selectors import guide_materials, published_guide, published_guides
from catalog.letters import letter_template_for
from catalog.letters.docx import render_docx
from catalog.letters.pdf import UnprintableText, render_pdf
from catalog.letters.selectors import current_letter_wording
from catalog.selectors import departments_by_kind, published_item
from publishing.selectors import letter_form_follows

from .selectors import withdrawn_guide
from .views import item_gone

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def guide_list(request):
    guides = list(published_guides().order_by("department__sort_order", "department_id", "name"))
    by_department: dict = {}
    for guide in guides:
        by_department.setdefault(guide.department, []).append(guide)
    return render(
        request,
        "public/guides.html",
        {"by_department": list(by_department.items()), "department_groups": departments_by_kind()},
    )


def guide_detail(request, pk):
    guide = published_guide(pk)
    if guide is None:
        withdrawn = withdrawn_guide(pk)
        if withdrawn is None:
            raise Http404("该办事指南不存在或未发布")
        return render(request, "errors/410.html", {"withdrawn": withdrawn}, status=410)
    return render(
        request,
        "public/guide_detail.html",
        {
            "guide": guide,
            "materials": guide_materials(guide),
            "steps": list(guide.steps.all()),
            "department": guide.department,
        },
    )


def guide_flow_chart(request, pk):
    """The flow chart of a *published* guide (drafts' images are never served here)."""
    guide = published_guide(pk)
    if guide is None or not guide.flow_chart_id:
        raise Http404("该办事指南没有流程图")
    image = guide.flow_chart
    content_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
    return FileResponse(image.file.open("rb"), content_type=content_type)


def _letter_template(item):
    """The form as it is handed out today: the current version of the wording."""
    return letter_template_for(
        item, follows=letter_form_follows(item), wording=current_letter_wording()
    )


def _filename(template, extension: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "", template.filename_stem) + extension


def letter_form(request, pk):
    item = published_item(pk)
    if item is None:
        return item_gone(request, pk)
    template = _letter_template(item)
    return render(
        request,
        "public/letter_form.html",
        {"item": item, "department": item.department, "letter": template},
    )


def letter_form_docx(request, pk):
    item = published_item(pk)
    if item is None:
        return item_gone(request, pk)
    template = _letter_template(item)
    disposition = content_disposition_header(True, _filename(template, ".docx"))
    return HttpResponse(
        render_docx(template),
        content_type=DOCX_TYPE,
        headers={"Content-Disposition": disposition},
    )


def letter_form_pdf(request, pk):
    item = published_item(pk)
    if item is None:
        return item_gone(request, pk)
    template = _letter_template(item)
    try:
        pdf = render_pdf(template)
    except UnprintableText as refused:  # never print another character or a box
        context = {"item": item, "department": item.department, "problems": refused.problems}
        return render(request, "public/letter_pdf_unavailable.html", context, status=422)
    # 下载 PDF 版 saves the file; 在线查看 PDF (?inline=1) opens it in the browser.
    as_attachment = request.GET.get("inline") != "1"
    disposition = content_disposition_header(as_attachment, _filename(template, ".pdf"))
    return HttpResponse(
        pdf, content_type="application/pdf", headers={"Content-Disposition": disposition}
    )
