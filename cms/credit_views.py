"""Public page of the credit register (信用信息公示): legal persons' 较重/严重 records marked
依法公示, during their publicity period (ADR 018). No natural person, no identity number."""

from django.shortcuts import render

from credit.selectors import public_records


def credit_publicity(request):
    return render(
        request,
        "public/credit.html",
        {"rows": public_records(), "page_title": "告知承诺失信信息公示"},
    )
