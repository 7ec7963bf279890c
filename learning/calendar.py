"""`/learning/calendar.ics`: the dates of published learning offers that are not past, as an
iCalendar feed (RFC 5545) with the list's filter parameters. Self-paced offers have no dates
and are left out.

Times are local times in the platform's zone (TIME_ZONE, Europe/Brussels), sent with that zone
(and its VTIMEZONE); offers without times are all-day events, their DTEND the day after the
last day, as RFC 5545 counts it.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from learning.filters import LearningFilterSet
from learning.models import LearningOffer

MAX_EVENTS = 500


def event_for(offer: LearningOffer, zone: ZoneInfo, domain: str) -> Event:
    event = Event()
    event.add("uid", f"learning-offer-{offer.pk}@{domain}")
    event.add("dtstamp", offer.updated_at)
    event.add("summary", offer.name)
    last_day = offer.end_date or offer.start_date
    if offer.start_time:
        event.add("dtstart", datetime.datetime.combine(offer.start_date, offer.start_time, zone))
        if offer.end_time:
            event.add("dtend", datetime.datetime.combine(last_day, offer.end_time, zone))
    else:
        event.add("dtstart", offer.start_date)
        event.add("dtend", last_day + datetime.timedelta(days=1))
    event.add("url", settings.SITE_URL + offer.get_absolute_url())
    if offer.online:
        event.add("location", _("Online"))
    elif offer.location:
        event.add("location", offer.location)
    event.add("description", f"{offer.provider.name}\n\n{offer.description}"[:2000])
    return event


@require_GET
def learning_calendar(request):
    offers = LearningOffer.objects.published().current().filter(start_date__isnull=False)
    filterset = LearningFilterSet(request.GET, queryset=offers.select_related("provider"))
    calendar = Calendar()
    calendar.add("prodid", "-//Europa WSE//HUBSI//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("HUBSI learning offers"))
    zone = ZoneInfo(settings.TIME_ZONE)
    domain = urlsplit(settings.SITE_URL).hostname or "hubsi"
    for offer in filterset.qs.by_date()[:MAX_EVENTS]:
        calendar.add_component(event_for(offer, zone, domain))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hubsi-learning.ics"'
    return response
