"""The read-only JSON API, version 1 (docs/opendata.md), on Django REST framework.

A list answers exactly what the HTML list shows: the API runs the list view's own
`get_queryset()` (its FilterSet, search and default orders) on the same query string, pages
it with the same page size and, with `facets=1`, adds the list's facet counts. Where the
HTML page forgives (unknown values are ignored, a page out of range shows the last page), the
API answers 400 with a problem detail (RFC 9457), so a client learns of its mistake.
"""

import hashlib
from http import HTTPStatus

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView, exception_handler

from hubsi.filtering import FacetFilter
from hubsi.limits import over_client_limit
from opendata.kinds import BOOLEAN, DATE, DATETIME, INTEGER, TERM, TERMS, URL, OpenKind, represent

PROBLEM_TYPE = "about:blank"
API_PARAMETERS = ("page", "facets")
CACHE_SECONDS = 300


class BadParameter(exceptions.APIException):
    status_code = 400
    default_code = "bad_parameter"


class ClientRateThrottle(BaseThrottle):
    """Requests per client address, counted on the shared cache (hubsi/limits.py)."""

    def allow_request(self, request, view):
        client = request.META.get("REMOTE_ADDR", "") or "unknown"
        self.retry_after = over_client_limit(client, settings.API_RATE_LIMITS)
        return not self.retry_after

    def wait(self):
        return self.retry_after


def problem_handler(exc, context):
    """Every error as an RFC 9457 problem detail (`application/problem+json`)."""
    response = exception_handler(exc, context)
    if response is None:
        return None  # a real server error: Django's handler500 answers
    data = response.data
    detail = data.get("detail") if isinstance(data, dict) else data
    problem = {
        "type": PROBLEM_TYPE,
        "title": _problem_title(response.status_code),
        "status": response.status_code,
        "detail": str(detail),
    }
    if isinstance(data, dict) and "errors" in data:
        problem["errors"] = data["errors"]
    response.data = problem
    response.content_type = "application/problem+json"
    return response


def _problem_title(status: int) -> str:
    return HTTPStatus(status).phrase


class OpenDataAPIView(APIView):
    throttle_classes = [ClientRateThrottle]
    kind: OpenKind

    def finalize_response(self, request, response, *args, **kwargs):
        """Cacheable for a few minutes with an ETag of the body; 304 when it is unchanged."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code != 200:
            return response
        response.render()
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return get_conditional_response(request, etag=response["ETag"], response=response)


class ContentList(OpenDataAPIView):
    def get(self, request):
        query = request._request.GET
        allowed = set(self.kind.list_view.filterset_class.base_filters) | set(API_PARAMETERS)
        unknown = sorted(set(query) - allowed)
        if unknown:
            raise BadParameter(
                {
                    "detail": _("Unknown parameter: %(names)s.") % {"names": ", ".join(unknown)},
                    "errors": [{"parameter": name} for name in unknown],
                }
            )
        # The list view's own filtering and order; it reads only its filters' parameters.
        view = self.kind.list_view()
        view.setup(request._request)
        results = view.get_queryset()
        if view.filterset.ignored:
            raise BadParameter(
                {
                    "detail": _("Unknown value of a filter."),
                    "errors": [
                        {"parameter": name, "value": value[:200]}
                        for name, value in view.filterset.ignored
                    ],
                }
            )
        paginator = Paginator(results, view.get_paginate_by(results))
        number = _page_number(query.get("page"), paginator.num_pages)
        page = paginator.page(number)
        items = _read(self.kind, [obj.pk for obj in page.object_list])
        body = {
            "count": paginator.count,
            "next": _page_link(request, number + 1) if page.has_next() else None,
            "previous": _page_link(request, number - 1) if page.has_previous() else None,
            "results": [represent(self.kind, obj) for obj in items],
        }
        if query.get("facets") in ("1", "true"):
            body["facets"] = [
                {
                    "name": group["name"],
                    "options": [
                        {"value": o["value"], "count": o["count"], "selected": o["checked"]}
                        for o in group["options"]
                    ],
                }
                for group in view.filterset.facets()
            ]
        return Response(body)


class ContentDetail(OpenDataAPIView):
    def get(self, request, slug):
        obj = self.kind.queryset().filter(slug=slug).first()
        if obj is None:
            raise exceptions.NotFound(_("Nothing published has this slug."))
        return Response(represent(self.kind, obj))


def _page_number(value: str | None, last: int) -> int:
    if value is None:
        return 1
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise BadParameter(_("The page is a whole number from 1."))
    number = int(value)
    if not 1 <= number <= last:
        raise BadParameter(
            _("There is no page %(number)s; the last is %(last)s.")
            % {"number": number, "last": last}
        )
    return number


def _page_link(request, number: int) -> str:
    query = request._request.GET.copy()
    query["page"] = str(number)
    return f"{settings.SITE_URL}{request._request.path}?{query.urlencode()}"


def _read(kind: OpenKind, pks: list[int]) -> list:
    """The page's items with everything their fields read, in the list's order."""
    found = kind.queryset().in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


# The OpenAPI description ----------------------------------------------------------------

FIELD_TYPES = {
    INTEGER: lambda: serializers.IntegerField(allow_null=True),
    DATE: lambda: serializers.DateField(allow_null=True),
    DATETIME: lambda: serializers.DateTimeField(allow_null=True),
    BOOLEAN: lambda: serializers.BooleanField(),
    URL: lambda: serializers.URLField(allow_blank=True),
}


class TermSerializer(serializers.Serializer):
    """A related item or vocabulary value: its stable slug and its label in both languages."""

    slug = serializers.CharField()
    label_nl = serializers.CharField()
    label_en = serializers.CharField()


def item_serializer(kind: OpenKind):
    fields = {}
    for f in kind.fields:
        if f.type == TERM:
            fields[f.name] = TermSerializer(allow_null=f.nullable, help_text=str(f.meaning))
        elif f.type == TERMS:
            fields[f.name] = TermSerializer(many=True, help_text=str(f.meaning))
        else:
            factory = FIELD_TYPES.get(f.type, serializers.CharField)
            fields[f.name] = factory()
            fields[f.name].help_text = str(f.meaning)
    return inline_serializer(kind.name.title().replace("_", ""), fields=fields)


def list_parameters(kind: OpenKind) -> list[OpenApiParameter]:
    parameters = []
    for name, flt in kind.list_view.filterset_class.base_filters.items():
        choices = flt.extra.get("choices")
        enum = [str(key) for key, _label in choices] if isinstance(choices, list) else None
        many = isinstance(flt, FacetFilter)
        parameters.append(
            OpenApiParameter(
                name,
                OpenApiTypes.STR,
                many=many,
                explode=True if many else None,
                enum=enum,
                description=str(flt.label or name),
            )
        )
    parameters.append(OpenApiParameter("page", OpenApiTypes.INT, description="Page, from 1."))
    parameters.append(
        OpenApiParameter("facets", OpenApiTypes.STR, enum=["1"], description="Add facet counts.")
    )
    return parameters


PROBLEM = inline_serializer(
    "Problem",
    fields={
        "type": serializers.CharField(),
        "title": serializers.CharField(),
        "status": serializers.IntegerField(),
        "detail": serializers.CharField(),
        "errors": serializers.ListField(child=serializers.DictField(), required=False),
    },
)
FACET = inline_serializer(
    "Facet",
    fields={
        "name": serializers.CharField(),
        "options": inline_serializer(
            "FacetOption",
            fields={
                "value": serializers.CharField(),
                "count": serializers.IntegerField(),
                "selected": serializers.BooleanField(),
            },
            many=True,
        ),
    },
)
ERRORS = {400: PROBLEM, 404: PROBLEM, 429: PROBLEM}


def views_for(kind: OpenKind) -> tuple[type, type]:
    item = item_serializer(kind)
    page = inline_serializer(
        f"{item.__class__.__name__}Page",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": item.__class__(many=True),
            "facets": FACET.__class__(many=True, required=False),
        },
    )

    # A function of its own per kind: extend_schema annotates the function it decorates.
    def list_get(self, request):
        return ContentList.get(self, request)

    def detail_get(self, request, slug):
        return ContentDetail.get(self, request, slug)

    list_view = type(
        f"{kind.name.title()}List",
        (ContentList,),
        {
            "kind": kind,
            "get": extend_schema(
                operation_id=f"{kind.name}_list",
                parameters=list_parameters(kind),
                responses={200: page, **ERRORS},
                tags=[kind.name],
            )(list_get),
        },
    )
    detail_view = type(
        f"{kind.name.title()}Detail",
        (ContentDetail,),
        {
            "kind": kind,
            "get": extend_schema(
                operation_id=f"{kind.name}_detail",
                responses={200: item, 404: PROBLEM, 429: PROBLEM},
                tags=[kind.name],
            )(detail_get),
        },
    )
    return list_view, detail_view
