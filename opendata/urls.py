"""The machine interfaces that are not under a language prefix: the API and the open-data
files (docs/opendata.md)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import NotFound

from opendata.api import OpenDataAPIView, views_for
from opendata.kinds import KINDS
from opendata.views import open_data_file, open_data_schema


class NotAnEndpoint(OpenDataAPIView):
    """Any other address under /api/: a problem detail, not the HTML 404 page."""

    schema = None

    def get(self, request, rest=""):
        raise NotFound()


urlpatterns = [
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("open-data/<slug:kind>.schema.json", open_data_schema, name="open-data-schema"),
    re_path(
        r"^open-data/(?P<kind>[a-z]+)\.(?P<fmt>csv|json)\Z", open_data_file, name="open-data-file"
    ),
]
for _kind in KINDS.values():
    _list, _detail = views_for(_kind)
    urlpatterns += [
        path(f"api/v1/{_kind.name}/", _list.as_view(), name=f"api-{_kind.name}-list"),
        path(
            f"api/v1/{_kind.name}/<slug:slug>/", _detail.as_view(), name=f"api-{_kind.name}-detail"
        ),
    ]
urlpatterns.append(re_path(r"^api/(?P<rest>[\s\S]*)\Z", NotAnEndpoint.as_view(), name="api-other"))
