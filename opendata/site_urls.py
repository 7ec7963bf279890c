"""Open-data addresses in both interface languages (`/…` and `/en/…`): the feeds of the
lists and the funding deadlines calendar. Included before the apps' own URLs, so `feed` is
never read as an item's slug."""

from django.urls import path

from opendata.calendars import funding_deadlines
from opendata.feeds import ListFeed
from opendata.kinds import KINDS

urlpatterns = [
    path(f"{kind.name}/feed/", ListFeed(kind), name=f"{kind.name}-feed")
    for kind in KINDS.values()
    if kind.summary is not None
]
urlpatterns += [
    path("funding/deadlines.ics", funding_deadlines, name="funding-deadlines"),
]
