"""/insights/: the ecosystem at a glance (DESIGN.md, "Insights"). The figures: front/insights.py."""

from django.views.generic import TemplateView

from front import insights


class InsightsView(TemplateView):
    template_name = "front/insights.html"

    def get_context_data(self, **kwargs):
        themes, challenges = insights.selection_choices()
        selection = insights.Selection.from_query(self.request.GET, themes, challenges)
        return super().get_context_data(
            selection=selection,
            themes=themes,
            challenges=challenges,
            regions=insights.Region.choices,
            journey=insights.stage_journey(selection),
            helix=insights.helix(selection),
            needs=insights.needs(selection),
            map=insights.region_map(selection),
            calendar=insights.calendar(selection),
            # Each selection is its own page for visitors, not for search engines.
            noindex=selection.active or bool(selection.ignored),
            **kwargs,
        )
