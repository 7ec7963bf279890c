from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hubsi.admin import PublishableAdmin, StatusFilter
from hubsi.search import update_search_vector
from innovations.models import Challenge, Innovation, Theme


class RenameUpdatesSearch:
    """Content is found by the names of its themes and challenges: re-index it on a rename."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        update_search_vector(obj)


@admin.register(Theme)
class ThemeAdmin(RenameUpdatesSearch, admin.ModelAdmin):
    list_display = ["name_nl", "name_en", "slug", "position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name_nl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}
    ordering = ["position", "name_nl"]


@admin.register(Challenge)
class ChallengeAdmin(RenameUpdatesSearch, admin.ModelAdmin):
    list_display = ["name_nl", "name_en", "slug", "theme", "is_active"]
    list_filter = ["is_active", "theme"]
    list_select_related = ["theme"]
    # Also the search behind every challenge autocomplete in the other admins.
    search_fields = ["name_nl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}
    ordering = ["name_nl"]


@admin.register(Innovation)
class InnovationAdmin(PublishableAdmin):
    list_display = [
        "name",
        "organisation_name",
        "stage",
        "status",
        "featured",
        "updated_at",
        "public_link",
    ]
    list_filter = [StatusFilter, "featured", "stage", "organisation_role", "language"]
    search_fields = ["name", "slug", "organisation_name", "owners__email"]
    autocomplete_fields = ["owners", "challenges"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "owners", "language"]}),
        (_("Organisation"), {"fields": ["organisation_name", "organisation_role"]}),
        (
            # The problem comes first: "love the problem".
            _("Problem and approach"),
            {
                "fields": [
                    "tagline",
                    "problem",
                    "systemic_view",
                    "approach",
                    "target_group",
                    "impact",
                    "stage",
                ]
            },
        ),
        (
            _("Challenges and partnership"),
            {"fields": ["challenges", "regions", "partner_roles", "needs", "wanted_roles"]},
        ),
        (_("Contact"), {"fields": ["website", "logo", "contact_email"]}),
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
