"""The open-data page and the files it describes."""

import hashlib
import json
from datetime import datetime

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseNotFound, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from opendata import files
from opendata.kinds import KINDS, TERM, TERMS

FILE_CACHE_SECONDS = 600


@require_GET
def open_data_file(request, kind: str, fmt: str):
    """A built file, from disk only (no database): ETag, Last-Modified, a download name."""
    if kind not in KINDS or fmt not in files.FORMATS:
        raise Http404
    path = files.path_of(kind, fmt)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        # Plain text: the styled 404 page would read the database.
        return HttpResponseNotFound(
            "Not built yet: run `manage.py build_open_data`.\n", content_type="text/plain"
        )
    stat = path.stat()
    etag = '"{}"'.format(
        hashlib.sha256(f"{kind}.{fmt}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:32]
    )
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(stat.st_mtime))
    if not_modified is not None:
        handle.close()
        return not_modified
    response = FileResponse(handle, content_type=files.FORMATS[fmt])
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["Content-Disposition"] = f'attachment; filename="hubsi-{kind}.{fmt}"'
    patch_cache_control(response, public=True, max_age=FILE_CACHE_SECONDS)
    return response


@require_GET
def open_data_schema(request, kind: str):
    """The JSON schema of a kind's JSON file, derived from its declared fields."""
    if kind not in KINDS:
        raise Http404
    return JsonResponse(files.json_schema(KINDS[kind]), json_dumps_params={"indent": 1})


def ld_json_script(data) -> str:
    """JSON-LD in a `<script type="application/ld+json">` data block, escaped as Django's
    `json_script` escapes: no `<`, `>` or `&` can end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _both(nl: str, en: str) -> list[dict]:
    return [{"@language": "nl", "@value": nl}, {"@language": "en", "@value": en}]


def dcat_catalogue(manifest: dict | None) -> dict:
    """A DCAT-AP description of the datasets, for Flemish and European portals to harvest."""
    site = settings.SITE_URL
    page = site + "/open-data/"
    publisher = {"@type": "foaf:Agent", "foaf:name": "Europa WSE", "foaf:homepage": site + "/"}
    licence = {"@id": files.LICENCE_URL}
    datasets = []
    for kind in KINDS.values():
        labels = []
        for language in ("nl", "en"):
            with translation.override(language):
                labels.append(str(kind.label))
        dataset = {
            "@id": f"{page}#{kind.name}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"hubsi-{kind.name}",
            "dct:title": _both(f"HUBSI: {labels[0]}", f"HUBSI: {labels[1]}"),
            "dct:description": _both(
                f"Alle gepubliceerde {labels[0].lower()} op HUBSI, het platform voor sociale "
                "innovatie in Vlaanderen.",
                f"All published {labels[1].lower()} on HUBSI, the platform for social "
                "innovation in Flanders.",
            ),
            "dct:publisher": publisher,
            "dct:license": licence,
            "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/country/BEL"},
            "dct:language": [
                {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
                {"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
            ],
            "dcat:landingPage": {"@id": page},
            "dcat:distribution": [
                {
                    "@type": "dcat:Distribution",
                    "dcat:accessURL": {"@id": page},
                    "dcat:downloadURL": {"@id": f"{site}/open-data/{kind.name}.{fmt}"},
                    "dcat:mediaType": {
                        "@id": f"http://www.iana.org/assignments/media-types/{media}"
                    },
                    "dct:format": {
                        "@id": f"http://publications.europa.eu/resource/authority/file-type/{code}"
                    },
                    "dct:license": licence,
                }
                for fmt, media, code in (
                    ("csv", "text/csv", "CSV"),
                    ("json", "application/json", "JSON"),
                )
            ],
        }
        if manifest:
            dataset["dct:modified"] = {"@type": "xsd:dateTime", "@value": manifest["built_at"]}
        datasets.append(dataset)
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": page,
        "@type": "dcat:Catalog",
        "dct:title": _both("HUBSI open data", "HUBSI open data"),
        "dct:description": _both(
            "De gepubliceerde inhoud van HUBSI als open data (CC BY 4.0).",
            "The published content of HUBSI as open data (CC BY 4.0).",
        ),
        "dct:publisher": publisher,
        "dct:license": licence,
        "foaf:homepage": {"@id": site + "/"},
        "dcat:dataset": datasets,
    }


TYPE_LABELS = {
    "text": lambda: _("text"),
    "integer": lambda: _("whole number"),
    "date": lambda: _("date"),
    "datetime": lambda: _("date and time"),
    "boolean": lambda: _("true or false"),
    "url": lambda: _("web address"),
    TERM: lambda: _("slug, with labels in Dutch and English"),
    TERMS: lambda: _("slugs, with labels in Dutch and English"),
}


class OpenDataView(TemplateView):
    template_name = "opendata/open_data.html"

    def get_context_data(self, **kwargs):
        manifest = files.read_manifest()
        kinds = [
            {
                "name": kind.name,
                "label": kind.label,
                "count": (manifest or {}).get("counts", {}).get(kind.name),
                "api": f"/api/v1/{kind.name}/",
                "fields": [
                    {
                        "name": f.name,
                        "type": TYPE_LABELS[f.type](),
                        "meaning": f.meaning,
                        "example": f.example,
                        "labelled": f.type in (TERM, TERMS),
                    }
                    for f in kind.fields
                ],
            }
            for kind in KINDS.values()
        ]
        return super().get_context_data(
            kinds=kinds,
            built_at=manifest and datetime.fromisoformat(manifest["built_at"]),
            dcat=ld_json_script(dcat_catalogue(manifest)),
            licence_url=files.LICENCE_URL,
            schema_url=reverse("api-schema"),
            **kwargs,
        )
