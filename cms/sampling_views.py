"""Public page of random inspection (双随机、一公开): the aggregate figures of every run (counts
only: no letter, applicant or inspector)."""

from django.shortcuts import render

from commitments.sampling.selectors import public_figures


def sampling_results(request):
    return render(
        request,
        "public/sampling.html",
        {"rows": public_figures(), "page_title": "双随机抽查结果"},
    )
