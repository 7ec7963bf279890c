"""The figures page of the admin (for the Curators group), and its CSV for ESF+ reporting."""

import csv
import io

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext

from front.figures import ACTIVITY, MONTH_END, figures, last_months, reconstructed_months

MONTHS = 12
CURATORS = "Curators"


def _check(request) -> None:
    user = request.user
    if not (user.is_superuser or user.groups.filter(name=CURATORS).exists()):
        raise PermissionDenied


def figures_view(request):
    _check(request)
    months = last_months(MONTHS)
    rows = [
        {"row": row, "values": [row.per_month[month] for month in months]}
        for row in figures(months)
    ]
    context = {
        **admin.site.each_context(request),
        "title": gettext("Figures"),
        "months": months,
        "current_month": months[-1],
        "reconstructed": reconstructed_months(months),
        "tables": [
            (
                gettext("Activity per month"),
                ACTIVITY,
                [r for r in rows if r["row"].group == ACTIVITY],
            ),
            (
                gettext("Published content at the end of each month"),
                MONTH_END,
                [r for r in rows if r["row"].group == MONTH_END],
            ),
        ],
        "generated_at": timezone.localtime(),
    }
    return TemplateResponse(request, "admin/front/figures.html", context)


def figures_csv(request):
    """The same figures as the page: UTF-8 with BOM and `;`, so Excel in Flanders opens it.
    The first column holds the figure's name, the others the months and the total; a review
    time without decisions in a month is an empty cell."""
    _check(request)
    months = last_months(MONTHS)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [gettext("Figure"), *(month.strftime("%Y-%m") for month in months), gettext("Total")]
    )
    for row in figures(months):
        values = [*(row.per_month[month] for month in months), row.total]
        writer.writerow(
            [
                str(row.label),
                *("" if v is None else formats.number_format(v, use_l10n=True) for v in values),
            ]
        )
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="hubsi-figures-{stamp}.csv"'
    return response
