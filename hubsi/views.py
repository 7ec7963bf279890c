import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.defaults import server_error as plain_server_error
from django.views.generic import ListView

from hubsi.middleware import (
    is_database_unavailable,
    log_database_unavailable,
    render_database_unavailable,
)
from hubsi.search import by_relevance, is_ranked

# The order of a ranked search: the empty `sort` value, which the filters ignore (see below).
RELEVANCE = ""


class FilteredListView(ListView):
    """A public list: published items, GET filters with facet counts, sorting, pagination.

    A page number out of range shows the last page; a malformed one the first.
    """

    filterset_class = None
    sort_orders: dict[str, tuple] = {}
    default_sort = ""
    paginate_by = settings.PAGE_SIZE
    # A sort whose order depends on the day (funding by deadline): listed from the facet
    # index's groups for today when the filters have an index, else by `order_by_day()`.
    day_sort: str | None = None

    def order_by_day(self, queryset):
        raise NotImplementedError

    def base_queryset(self):
        return self.model.objects.published().for_listing()

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET, queryset=self.base_queryset(), request=self.request
        )
        # The filtered QuerySet is built only when the facet index cannot list the results:
        # building its subqueries costs more than reading the page from the bitsets.
        bitsets = self.filterset.bitsets
        self.filterset.is_valid()
        chosen = self.filterset.form.cleaned_data.get("sort")
        if not chosen and self.filterset.query:
            # Searched without choosing an order: best matches first (PostgreSQL ranks them).
            if bitsets is not None and bitsets.ranks is not None:
                self.sort = RELEVANCE
                return bitsets.ranked_results(self.base_queryset())
            if bitsets is None and is_ranked(self.filterset.qs):
                self.sort = RELEVANCE
                return by_relevance(self.filterset.qs, *self.sort_orders[self.default_sort])
        self.sort = chosen or self.default_sort
        if self.sort == self.day_sort:
            if bitsets is not None:
                return bitsets.results_by_day(self.base_queryset())
            return self.order_by_day(self.filterset.qs)
        order = self.sort_orders[self.sort]
        if bitsets is not None and tuple(order) == self.filterset.bitset_order:
            return bitsets.results(self.base_queryset())
        return self.filterset.qs.order_by(*order)

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
            chips=self.filterset.chips(),
            ignored=self.filterset.ignored,
            query=self.filterset.query,
            sort=self.sort,
            sort_choices=self.sort_choices(),
            querystring=self.filterset.data.urlencode(),
            filters_querystring=filters.urlencode(),
            back_querystring=back.urlencode(),
            is_filtered=self.filterset.active,
            noindex=self.filterset.active or page.number > 1,
        )
        return context

    def sort_choices(self) -> list[tuple[str, str]]:
        """The orders to choose from; "relevance" while a search is ranked.

        Relevance has the empty value: sent back with the form, it means "no order chosen",
        which keeps ranking a search and falls back to the default order without one.
        """
        choices = list(self.filterset.filters["sort"].extra["choices"])
        if self.sort == RELEVANCE:
            choices.insert(0, (RELEVANCE, _("Relevance")))
        return choices


def back_to_results(request) -> str:
    """The list's query string carried by a detail page, re-encoded so it is only a query."""
    return QueryDict(request.GET.get("back", "")[:2000]).urlencode()


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


def too_many_requests(request, exception=None, *, retry_after: int = 60):
    """The styled 429 page, for any limit: `return too_many_requests(request)` in a view."""
    # Whole minutes (at least one), so the page can say how long to wait.
    wait_minutes = max(1, -(-retry_after // 60))
    response = render(
        request, "429.html", {"noindex": True, "wait_minutes": wait_minutes}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


def server_error(request):
    """handler500: the styled 503 when the database is away, else the plain 500 page.

    Reached for errors outside a view, e.g. another middleware reading the session while the
    database is down (errors inside views: `hubsi.middleware.DatabaseUnavailableMiddleware`).
    """
    exception = sys.exc_info()[1]
    if is_database_unavailable(exception):
        log_database_unavailable(exception)
        return render_database_unavailable(request)
    return plain_server_error(request)
