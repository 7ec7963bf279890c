"""Open-data addresses in both interface languages (`/…` and `/en/…`): the feeds of the
lists, the funding deadlines calendar and the open-data page. Included before the apps' own
URLs, so `feed` is never read as an item's slug."""

from django.urls import path

from hubsi.caching import cache_public_page
from opendata.calendars import funding_deadlines
from opendata.feeds import ListFeed
from opendata.kinds import KINDS
from opendata.views import OpenDataView

urlpatterns = [
    path(f"{kind.name}/feed/", ListFeed(kind), name=f"{kind.name}-feed")
    for kind in KINDS.values()
    if kind.summary is not None
]
urlpatterns += [
    path("funding/deadlines.ics", funding_deadlines, name="funding-deadlines"),
    path("open-data/", cache_public_page(OpenDataView.as_view()), name="open-data"),
]
