from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hubsi.admin import NOTHING_EMBARRASSING, PublishableAdmin, StatusFilter
from supporters.models import ExperimentationSpace, Supporter

PUBLICATION = (
    _("Publication"),
    {"fields": ["status", "featured", "curator_note", "created_at", "updated_at", "published_at"]},
)


@admin.register(Supporter)
class SupporterAdmin(PublishableAdmin):
    list_display = ["name", "helix_role", "status", "featured", "updated_at", "public_link"]
    list_filter = [StatusFilter, "featured", "helix_role"]
    # Also the search behind the host and funder autocompletes.
    search_fields = ["name", "slug", "managers__email"]
    autocomplete_fields = ["managers", "challenges", "themes"]
    review_checklist = [
        _("Does it support social innovation in Flanders or Brussels?"),
        _("Is it clear what it offers, at which stages and where?"),
        _("Is its helix role right?"),
        NOTHING_EMBARRASSING,
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "managers", "helix_role", "description"]}),
        (_("What it offers"), {"fields": ["offers", "stages", "challenges", "themes", "regions"]}),
        (_("Contact"), {"fields": ["website", "logo", "contact_email"]}),
        PUBLICATION,
    ]


@admin.register(ExperimentationSpace)
class ExperimentationSpaceAdmin(PublishableAdmin):
    list_display = [
        "name",
        "host",
        "municipality",
        "region",
        "status",
        "featured",
        "updated_at",
        "public_link",
    ]
    list_select_related = ["host"]
    list_filter = [StatusFilter, "featured", "region", "open_to_citizens"]
    search_fields = ["name", "slug", "municipality", "host__name"]
    autocomplete_fields = ["host", "themes", "challenges"]
    review_checklist = [
        _("Is it a real place where social innovations can be tested?"),
        _("Is it clear who may use it, how and at what cost?"),
        _("Is its host a published supporter? Otherwise the place is not shown."),
        NOTHING_EMBARRASSING,
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "host", "description"]}),
        (_("Where"), {"fields": ["municipality", "region"]}),
        (
            _("Use"),
            {"fields": ["themes", "challenges", "facilities", "access", "open_to_citizens"]},
        ),
        PUBLICATION,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("host")

    def is_public(self, obj) -> bool:
        # A place is public only while it and its host are published.
        return obj.is_published and obj.host.is_published
