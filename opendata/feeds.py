"""Atom feeds of the public lists, with the lists' filters (Django's syndication framework).

`/innovations/feed/?challenge=…&stage=…` holds the newest published items that the same list
with the same parameters shows, newest first: the list's own FilterSet selects them. Each
entry carries a stable id (a `tag:` URI on the item's primary key, so a new slug is not a new
entry) and, where the content says which language it is written in, that `xml:lang`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from opendata.kinds import OpenKind

FEED_SIZE = 50
# The date in a tag URI names when the authority held the domain; it never changes.
TAG_DATE = "2025"


class LanguageAtomFeed(Atom1Feed):
    """Atom with `xml:lang` on each entry whose content is in a known language."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("content_language"):
            attributes["xml:lang"] = item["content_language"]
        return attributes


class ListFeed(Feed):
    feed_type = LanguageAtomFeed
    kind: OpenKind

    def __init__(self, kind: OpenKind):
        super().__init__()
        self.kind = kind

    def get_object(self, request, *args, **kwargs):
        filterset = self.kind.list_view.filterset_class(
            request.GET,
            queryset=self.kind.current(self.kind.model.objects.published()),
            request=request,
        )
        self.request_path = request.path
        self.querystring = filterset.data.urlencode()
        return filterset

    def title(self, filterset):
        title = _("HUBSI: %(list)s") % {"list": self.kind.label}
        if filterset.active:
            title += " " + _("(filtered)")
        return title

    def subtitle(self, filterset):
        return _("Newly published on HUBSI, the platform for social innovation in Flanders.")

    def link(self, filterset):
        list_path = self.request_path.removesuffix("feed/")
        query = f"?{self.querystring}" if self.querystring else ""
        return f"{settings.SITE_URL}{list_path}{query}"

    def feed_url(self, filterset):
        query = f"?{self.querystring}" if self.querystring else ""
        return f"{settings.SITE_URL}{self.request_path}{query}"

    def feed_guid(self, filterset):
        return self.feed_url(filterset)

    def author_name(self):
        return "HUBSI"

    def feed_copyright(self):
        return "CC BY 4.0"

    def items(self, filterset):
        return filterset.qs.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        # Atom's summary is HTML (type="html"): the plain text is escaped for it.
        return escape(Truncator(self.kind.summary(item)).words(60))

    def item_link(self, item):
        # The page in the feed's interface language (`/en/…` for the English feed).
        return settings.SITE_URL + item.get_absolute_url()

    def item_guid(self, item):
        host = urlsplit(settings.SITE_URL).hostname or "hubsi"
        return f"tag:{host},{TAG_DATE}:{self.kind.name}/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_extra_kwargs(self, item):
        return {"content_language": self.kind.language(item)}
