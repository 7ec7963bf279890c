from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import ListView, TemplateView

from funding.models import FundingOpportunity
from hubsi.search import query_words
from innovations.models import Challenge, Innovation, Theme
from supporters.models import ExperimentationSpace, Supporter


class FilteredListView(ListView):
    """A public list: published items, GET filters with facet counts, sorting, pagination.

    A page number out of range shows the last page; a malformed one the first.
    """

    filterset_class = None
    sort_orders: dict[str, tuple] = {}
    default_sort = ""
    paginate_by = settings.PAGE_SIZE

    def base_queryset(self):
        return self.model.objects.published().for_listing()

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET, queryset=self.base_queryset(), request=self.request
        )
        queryset = self.filterset.qs
        self.sort = self.filterset.form.cleaned_data.get("sort") or self.default_sort
        return queryset.order_by(*self.sort_orders[self.sort])

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filterset.data.copy()
        filters.pop("sort", None)
        page = context["page_obj"]
        back = self.filterset.data.copy()
        if page.number > 1:
            back["page"] = page.number
        context.update(
            filterset=self.filterset,
            facets=self.filterset.facets(),
            ignored=self.filterset.ignored,
            query=self.filterset.query,
            sort=self.sort,
            sort_choices=self.filterset.filters["sort"].extra["choices"],
            querystring=self.filterset.data.urlencode(),
            filters_querystring=filters.urlencode(),
            back_querystring=back.urlencode(),
            is_filtered=self.filterset.active,
            noindex=self.filterset.active or page.number > 1,
        )
        return context


def back_to_results(request) -> str:
    """The list's query string carried by a detail page, re-encoded so it is only a query."""
    return QueryDict(request.GET.get("back", "")[:2000]).urlencode()


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
        return super().get_context_data(
            featured=featured, recent=recent, themes=themes, counts=counts, **kwargs
        )


class SearchView(TemplateView):
    """One search over all published content, grouped by kind, each linking to its list."""

    template_name = "search.html"
    per_group = 5

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
            ]
            for label, list_url, queryset in sources:
                groups.append(
                    {
                        "label": label,
                        "list_url": list_url,
                        "count": queryset.count(),
                        "items": list(queryset[: self.per_group]),
                    }
                )
        total = sum(group["count"] for group in groups)
        return super().get_context_data(
            q=q, groups=groups, total=total, querystring=QueryDict(mutable=True), **kwargs
        )


@require_GET
@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /en/admin/",
        "Disallow: /en/accounts/",
        "Disallow: /dashboard/",
        "Disallow: /en/dashboard/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
