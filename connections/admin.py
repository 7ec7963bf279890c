from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from connections.models import BlockedSender, ContactRequest, Report, ReportKind
from hubsi.curation import WaitingWork, register_waiting_work


@admin.register(ContactRequest)
class ContactRequestAdmin(admin.ModelAdmin):
    """Curators see requests for abuse handling; they do not answer them."""

    list_display = ["__str__", "status", "created_at", "answered_at", "reported_at"]
    list_filter = ["status", "created_at", ("reported_at", admin.EmptyFieldListFilter)]
    search_fields = ["sender__email", "innovation__name", "supporter__name", "message"]
    list_select_related = ["sender", "innovation", "supporter"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "sender",
        "innovation",
        "supporter",
        "message",
        "status",
        "reply",
        "created_at",
        "answered_at",
        "answered_by",
        "reported_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "reason", "created_at", "handled", "page_link"]
    list_filter = ["handled", "kind", "reason", "created_at"]
    search_fields = ["title", "slug", "details"]
    list_select_related = ["reporter", "contact_request"]
    readonly_fields = [
        "kind",
        "slug",
        "title",
        "url",
        "contact_request",
        "reason",
        "details",
        "reporter",
        "created_at",
    ]
    fields = [*readonly_fields, "handled", "curator_note"]
    actions = ["mark_handled"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("page"))
    def page_link(self, obj):
        from django.utils.html import format_html

        return format_html('<a href="{}">{}</a>', obj.url, _("open")) if obj.url else "—"

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        queryset.update(handled=True)


@admin.register(BlockedSender)
class BlockedSenderAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]


# On the curators' queue (the admin's index): what waits for them here.
register_waiting_work(
    WaitingWork(
        key="open-reports",
        label=_("Open reports"),
        permission="connections.view_report",
        count=lambda: Report.objects.filter(handled=False).count(),
        url=lambda: reverse("admin:connections_report_changelist") + "?handled__exact=0",
    )
)
register_waiting_work(
    WaitingWork(
        key="flagged-contact-requests",
        # A flagged request stays here until its report is handled; the reports list shows it.
        label=_("Contact requests reported as abuse, not handled yet"),
        permission="connections.view_report",
        count=lambda: ContactRequest.objects.filter(reports__handled=False).distinct().count(),
        url=lambda: (
            reverse("admin:connections_report_changelist")
            + f"?handled__exact=0&kind__exact={ReportKind.CONTACT_REQUEST}"
        ),
    )
)
