"""URLs of the search benchmark: the site's own, plus a bare view to compare against."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bare/", bare), *site_urlpatterns]
