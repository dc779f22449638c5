"""The RSS writer of the public feeds: no text reaches the XML with a control character.

Django's XML writer refuses control characters (``UnserializableContentError``): one vertical
tab in a stored purpose or unit name would make the whole feed answer 500. Stored text is
cleaned on the way in (``catalog.text``); the feeds clean every value again on the way out.
"""

from django.utils.feedgenerator import Rss201rev2Feed

from catalog.text import clean_text


def _clean(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


class CleanRss201rev2Feed(Rss201rev2Feed):
    def __init__(self, *args, **kwargs):
        super().__init__(*(_clean(a) for a in args), **{k: _clean(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*(_clean(a) for a in args), **{k: _clean(v) for k, v in kwargs.items()})
