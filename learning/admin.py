from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hubsi.admin import NOTHING_EMBARRASSING, PublishableAdmin, StatusFilter
from learning.models import LearningOffer

PUBLICATION = (
    _("Publication"),
    {"fields": ["status", "featured", "curator_note", "created_at", "updated_at", "published_at"]},
)


@admin.register(LearningOffer)
class LearningOfferAdmin(PublishableAdmin):
    list_display = [
        "name",
        "provider",
        "format",
        "start_date",
        "status",
        "featured",
        "updated_at",
        "public_link",
    ]
    list_select_related = ["provider"]
    list_filter = [StatusFilter, "featured", "format", "online"]
    search_fields = ["name", "slug", "provider__name"]
    autocomplete_fields = ["provider", "space", "challenges", "themes"]
    review_checklist = [
        _("Does it strengthen competences for social innovation?"),
        _("Is it clear what participants learn, for whom, when and at what cost?"),
        _("Does the registration link lead to the provider's own page for this offer?"),
        _("Is its provider a published supporter? Otherwise the offer is not shown."),
        NOTHING_EMBARRASSING,
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "provider", "language", "format", "description"]}),
        (
            _("For whom"),
            {"fields": ["competences", "audiences", "stages", "challenges", "themes"]},
        ),
        (
            _("When and where"),
            {
                "fields": [
                    "start_date",
                    "start_time",
                    "end_date",
                    "end_time",
                    "registration_deadline",
                    "online",
                    "location",
                    "space",
                    "regions",
                ]
            },
        ),
        (_("Price and registration"), {"fields": ["price", "price_note", "registration_url"]}),
        PUBLICATION,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("provider")

    def is_public(self, obj) -> bool:
        # An offer is public only while it and its provider are published.
        return obj.is_published and obj.provider.is_published
