"""The pages that combine several apps: home, search and the challenge hub."""

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from front import insights
from funding.models import FundingOpportunity
from hubsi.search import (
    by_relevance,
    highlighted,
    is_ranked,
    query_words,
    ranked_matches,
    with_highlights,
)
from innovations.models import Challenge, Innovation, Theme
from learning.models import LearningOffer, Practice
from supporters.models import ExperimentationSpace, Supporter


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        innovations = Innovation.objects.published().for_listing()
        featured = list(innovations.filter(featured=True).order_by("-published_at")[:3])
        recent = list(innovations.exclude(featured=True).order_by("-published_at", "-pk")[:6])
        themes = (
            Theme.objects.active()
            .order_by("position", "name_nl")
            .prefetch_related(
                "challenges",
            )
        )
        counts = {
            "innovations": Innovation.objects.published().count(),
            "supporters": Supporter.objects.published().count(),
            "spaces": ExperimentationSpace.objects.published().count(),
            "funding": FundingOpportunity.objects.published().open_now().count(),
        }
        # The next dated offers (past ones never; self-paced ones have no date to announce).
        learning = list(
            LearningOffer.objects.published()
            .current()
            .filter(start_date__isnull=False)
            .for_listing()
            .by_date()[:3]
        )
        return super().get_context_data(
            featured=featured,
            recent=recent,
            themes=themes,
            counts=counts,
            learning=learning,
            **kwargs,
        )


class SearchView(TemplateView):
    """One search over all published content, grouped by kind, each linking to its list."""

    template_name = "search.html"
    per_group = 5

    def best(self, queryset, q: str) -> tuple[int, list]:
        """How many items match, and the best few with highlights.

        Ranked (PostgreSQL): one query reads every match's key and rank, which gives both
        the count and the best few, instead of counting and ranking in two passes over
        the matches (kept on the shared cache per query and catalogue version, shared with
        the lists, `ranked_matches`); only the few shown are read in full, through
        `published()`.
        """
        if not is_ranked(queryset):
            items = list(with_highlights(by_relevance(queryset), q)[: self.per_group])
            return queryset.count(), items
        ranked = ranked_matches(queryset)
        best = [pk for pk, _rank in ranked[: self.per_group]]
        rows = with_highlights(queryset, q).order_by().in_bulk(best) if best else {}
        return len(ranked), [rows[pk] for pk in best if pk in rows]

    def get_context_data(self, **kwargs):
        q = " ".join(query_words(self.request.GET.get("q", "")))
        groups = []
        if q:
            sources = [
                (
                    _("Innovations"),
                    "innovations:innovation-list",
                    Innovation.objects.published().for_listing().search(q),
                ),
                (
                    _("Challenges"),
                    "innovations:challenge-list",
                    Challenge.objects.active().select_related("theme").search(q),
                ),
                (
                    _("Supporters"),
                    "supporters:supporter-list",
                    Supporter.objects.published().search(q),
                ),
                (
                    _("Experimentation places"),
                    "supporters:space-list",
                    ExperimentationSpace.objects.published().for_listing().search(q),
                ),
                (
                    _("Funding"),
                    "funding:funding-list",
                    FundingOpportunity.objects.published().for_listing().search(q),
                ),
                (
                    _("Learning offers"),
                    "learning:offer-list",
                    LearningOffer.objects.published().current().for_listing().search(q),
                ),
                (
                    _("Practices"),
                    "learning:practice-list",
                    Practice.objects.active().search(q),
                ),
            ]
            for label, list_url, queryset in sources:
                count, items = self.best(queryset, q)
                for item in items:
                    item.highlighted = highlighted(item)
                groups.append(
                    {"label": label, "list_url": list_url, "count": count, "items": items}
                )
        total = sum(group["count"] for group in groups)
        return super().get_context_data(
            q=q, groups=groups, total=total, querystring=QueryDict(mutable=True), **kwargs
        )


class ChallengeHubView(DetailView):
    """A challenge gathers everyone working on one problem: the systemic perspective."""

    template_name = "innovations/challenge_detail.html"
    per_section = 6

    def get_queryset(self):
        return Challenge.objects.active().select_related("theme")

    def get_context_data(self, **kwargs):
        slug = self.object.slug
        sections = {
            "innovations": Innovation.objects.published()
            .for_listing()
            .in_challenge(slug)
            .order_by("-published_at", "-pk"),
            "supporters": Supporter.objects.published()
            .for_listing()
            .in_challenge(slug)
            .order_by("name", "pk"),
            "spaces": ExperimentationSpace.objects.published()
            .for_listing()
            .in_challenge(slug)
            .order_by("name", "pk"),
            "funding": FundingOpportunity.objects.published()
            .not_closed()
            .for_listing()
            .in_challenge(slug)
            .by_timing(),
            "learning": LearningOffer.objects.published()
            .current()
            .for_listing()
            .in_challenge(slug)
            .by_date(),
            "practices": Practice.objects.active()
            .for_listing()
            .applied_in_challenge(slug)
            .order_by("name_nl", "pk"),
        }
        # The challenge's own stage journey and helix gaps: the insights page's components.
        selection = insights.Selection(challenge=self.object)
        # The innovations, the largest section, from the innovation list's facet index when it
        # is built: the count is a population count and the first few one query by key, in
        # the list's default order (most recent first), as the list filtered on the challenge.
        bitsets = insights.innovation_bitsets(selection)
        if bitsets is not None:
            sections["innovations"] = bitsets.results(Innovation.objects.published().for_listing())
        context = {}
        for name, queryset in sections.items():
            context[name] = list(queryset[: self.per_section])
            context[f"{name}_count"] = queryset.count()
        context["journey"] = insights.stage_journey(selection)
        context["helix"] = insights.helix(selection)
        context["insights_query"] = selection.query()
        return super().get_context_data(**context, **kwargs)
