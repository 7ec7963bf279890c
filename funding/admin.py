from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from funding import csv_io
from funding.models import FundingOpportunity, today
from hubsi import vocabulary
from hubsi.admin import NOTHING_EMBARRASSING, PublishableAdmin, StatusFilter


class TimingFilter(admin.SimpleListFilter):
    """Open, upcoming, closed or rolling follows from the dates, as on the public pages."""

    title = _("timing")
    parameter_name = "timing"

    def lookups(self, request, model_admin):
        return [
            ("open", _("Open now or rolling")),
            ("upcoming", _("Upcoming")),
            ("closed", _("Closed")),
            ("rolling", _("Rolling (no deadline)")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "open":
                return queryset.open_now()
            case "upcoming":
                return queryset.upcoming()
            case "closed":
                return queryset.filter(deadline__lt=today())
            case "rolling":
                return queryset.filter(deadline__isnull=True)
        return queryset


class CsvImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 with a semicolon between cells, as Excel saves “CSV UTF-8”."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > csv_io.MAX_FILE_SIZE:
            raise forms.ValidationError(gettext("The file is larger than 5 MB."))
        return upload


@admin.register(FundingOpportunity)
class FundingOpportunityAdmin(PublishableAdmin):
    change_list_template = "admin/hubsi/funding_change_list.html"
    list_display = [
        "name",
        "funder_name",
        "instrument",
        "deadline",
        "status",
        "featured",
        "updated_at",
        "public_link",
    ]
    list_filter = [StatusFilter, TimingFilter, "featured", "instrument"]
    search_fields = ["name", "slug", "funder_name"]
    autocomplete_fields = ["funder", "challenges", "themes"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [*PublishableAdmin.actions, "export_csv"]
    review_checklist = [
        _("Is it relevant for social innovators in Flanders or Brussels?"),
        _("Are the funder, instrument, amounts and dates right, as on the official page?"),
        _("Do the eligible roles, stages and regions follow the official conditions?"),
        NOTHING_EMBARRASSING,
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "funder_name", "funder", "instrument", "description"]}),
        (_("Amounts and dates"), {"fields": ["amount_min", "amount_max", "opens_on", "deadline"]}),
        (
            _("Who and what"),
            {"fields": ["eligible_roles", "stages", "challenges", "themes", "regions", "url"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "featured",
                    "curator_note",
                    "created_at",
                    "updated_at",
                    "published_at",
                ]
            },
        ),
    ]

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="{}_{}_import".format(*info),
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="{}_{}_export".format(*info),
            ),
            *super().get_urls(),
        ]

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "has_import_permission": self.has_import_permission(request),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context=extra_context)

    def _csv_response(self, queryset) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"funding-opportunities-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        csv_io.write_csv(queryset, response)
        return response

    @admin.action(description=_("Export selected as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return self._csv_response(queryset)

    def export_view(self, request):
        """Everything the list shows with its current filters and search, on all pages."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            queryset = self.get_changelist_instance(request).queryset
        except IncorrectLookupParameters:
            queryset = self.get_queryset(request)
        return self._csv_response(queryset)

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        errors = []
        form = CsvImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = csv_io.import_csv(form.cleaned_data["file"].read(), by=request.user)
            except csv_io.CsvImportError as error:
                errors = error.errors
            else:
                self.message_user(request, self._import_summary(result), messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
                )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Import funding opportunities"),
            "opts": self.opts,
            "form": form,
            "errors": errors,
            "header": csv_io.DELIMITER.join(csv_io.COLUMNS),
            "vocabularies": [
                ("instrument", vocabulary.Instrument.choices),
                ("eligible_roles", vocabulary.HelixRole.choices),
                ("stages", vocabulary.Stage.choices),
                ("regions", vocabulary.Region.choices),
            ],
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/hubsi/funding_import.html", context)

    @staticmethod
    def _import_summary(result: csv_io.ImportResult) -> str:
        created, updated = len(result.created), len(result.updated)
        parts = [
            ngettext("%(count)d created", "%(count)d created", created) % {"count": created},
            ngettext("%(count)d updated", "%(count)d updated", updated) % {"count": updated},
            ngettext("%(count)d unchanged", "%(count)d unchanged", len(result.unchanged))
            % {"count": len(result.unchanged)},
        ]
        return gettext("Imported funding opportunities: %(summary)s.") % {
            "summary": ", ".join(parts)
        }
