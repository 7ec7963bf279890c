"""iCalendar feeds (RFC 5545, the `icalendar` library): the funding deadlines, filtered like
the funding list (`/funding/deadlines.ics?region=limburg&open=1`).

A deadline is an all-day event on its date: a deadline day is open until its end in
Europe/Brussels (DESIGN.md, TIME_ZONE), which the calendar names as its time zone.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from funding.filters import FundingFilterSet
from funding.models import FundingOpportunity
from hubsi.caching import cache_public_page

MOST_EVENTS = 500


@require_GET
@cache_public_page
def funding_deadlines(request):
    filterset = FundingFilterSet(
        request.GET, queryset=FundingOpportunity.objects.published(), request=request
    )
    items = filterset.qs.filter(deadline__isnull=False).order_by("deadline", "pk")[:MOST_EVENTS]
    host = urlsplit(settings.SITE_URL).hostname or "hubsi"
    calendar = Calendar()
    calendar.add("prodid", "-//Europa WSE//HUBSI funding deadlines//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("HUBSI: funding deadlines"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for funding in items:
        url = settings.SITE_URL + funding.get_absolute_url()
        event = Event()
        event.add("uid", f"funding-{funding.pk}-deadline@{host}")
        event.add("dtstamp", funding.updated_at)
        event.add("dtstart", funding.deadline)
        event.add("dtend", funding.deadline + timedelta(days=1))
        event.add("summary", _("Deadline: %(name)s") % {"name": funding.name})
        event.add(
            "description",
            _("%(funder)s. Open until the end of the day (Brussels time). %(url)s")
            % {"funder": funding.funder_name, "url": url},
        )
        event.add("url", url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hubsi-funding-deadlines.ics"'
    return response
