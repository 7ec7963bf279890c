from django.db.models import Count, Q
from django.views.generic import DetailView

from funding.filters import FundingFilterSet
from funding.models import FundingOpportunity
from funding.views import order_by_timing
from hubsi import matching
from hubsi.models import Status
from hubsi.views import FilteredListView, back_to_results
from innovations.filters import ChallengeFilterSet, InnovationFilterSet
from innovations.models import Challenge, Innovation
from supporters.filters import SpaceFilterSet, SupporterFilterSet
from supporters.models import ExperimentationSpace, Supporter


class InnovationListView(FilteredListView):
    model = Innovation
    filterset_class = InnovationFilterSet
    default_sort = "recent"
    sort_orders = {"recent": ("-published_at", "-pk"), "name": ("name", "pk")}


class InnovationDetailView(DetailView):
    """The innovation, problem first, then who and what can help it (hubsi.matching)."""

    slug_url_kwarg = "slug"
    matches_per_section = 5

    def get_queryset(self):
        # `for_detail()` prefetches everything matching reads from the innovation itself.
        return Innovation.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_querystring=back_to_results(self.request),
            matches=matching.matches_for_innovation(self.object, limit=self.matches_per_section),
            **kwargs,
        )


class ChallengeListView(FilteredListView):
    model = Challenge
    filterset_class = ChallengeFilterSet
    default_sort = "name"

    @property
    def sort_orders(self):
        return {"name": Challenge.objects.order_by_name().query.order_by}

    def base_queryset(self):
        return (
            Challenge.objects.active()
            .select_related("theme")
            .annotate(
                innovation_count=Count(
                    "innovations", filter=Q(innovations__status=Status.PUBLISHED), distinct=True
                )
            )
        )


class ChallengeHubView(DetailView):
    """A challenge gathers everyone working on one problem: the systemic perspective."""

    template_name = "innovations/challenge_detail.html"
    per_section = 6

    def get_queryset(self):
        return Challenge.objects.active().select_related("theme")

    def get_context_data(self, **kwargs):
        slug = [self.object.slug]
        innovations = (
            Innovation.objects.published()
            .for_listing()
            .filter(InnovationFilterSet.base_filters["challenge"].q_for(slug))
            .order_by("-published_at", "-pk")
        )
        supporters = (
            Supporter.objects.published()
            .for_listing()
            .filter(SupporterFilterSet.base_filters["challenge"].q_for(slug))
            .order_by("name", "pk")
        )
        spaces = (
            ExperimentationSpace.objects.published()
            .for_listing()
            .filter(SpaceFilterSet.base_filters["challenge"].q_for(slug))
            .order_by("name", "pk")
        )
        funding = order_by_timing(
            FundingOpportunity.objects.published()
            .not_closed()
            .for_listing()
            .filter(FundingFilterSet.base_filters["challenge"].q_for(slug))
        )
        sections = [
            ("innovations", innovations),
            ("supporters", supporters),
            ("spaces", spaces),
            ("funding", funding),
        ]
        context = {}
        for name, queryset in sections:
            context[name] = list(queryset[: self.per_section])
            context[f"{name}_count"] = queryset.count()
        return super().get_context_data(**context, **kwargs)
