"""sitemap.xml: every public page, in Dutch and English."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import path, reverse

from funding.models import FundingOpportunity
from innovations.models import Challenge, Innovation
from learning.models import LearningOffer, Practice
from supporters.models import ExperimentationSpace, Supporter


class BilingualSitemap(Sitemap):
    """Every URL in Dutch and English, with alternates for search engines."""

    i18n = True
    alternates = True
    x_default = True
    limit = 5000


class StaticSitemap(BilingualSitemap):
    def items(self):
        return [
            "home",
            "about",
            "accessibility",
            "insights",
            "innovations:innovation-list",
            "innovations:challenge-list",
            "supporters:supporter-list",
            "supporters:space-list",
            "funding:funding-list",
            "learning:offer-list",
            "learning:practice-list",
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(BilingualSitemap):
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class InnovationSitemap(PublishedSitemap):
    model = Innovation


class SupporterSitemap(PublishedSitemap):
    model = Supporter


class SpaceSitemap(PublishedSitemap):
    model = ExperimentationSpace

    def items(self):
        return super().items().select_related(None)


class FundingSitemap(PublishedSitemap):
    model = FundingOpportunity


class LearningSitemap(PublishedSitemap):
    """Past offers keep their page but leave the sitemap, as they leave the lists."""

    model = LearningOffer

    def items(self):
        return super().items().current().select_related(None)


class PracticeSitemap(PublishedSitemap):
    model = Practice  # `published()` is `active()`: public unless marked inactive


class ChallengeSitemap(BilingualSitemap):
    def items(self):
        return Challenge.objects.active().only("slug").order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "challenges": ChallengeSitemap,
    "innovations": InnovationSitemap,
    "supporters": SupporterSitemap,
    "spaces": SpaceSitemap,
    "funding": FundingSitemap,
    "learning": LearningSitemap,
    "practices": PracticeSitemap,
}


urlpatterns = [path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap")]
