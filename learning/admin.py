from django import forms
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from hubsi.admin import NOTHING_EMBARRASSING, PublishableAdmin, StatusFilter
from hubsi.models import VocabularyTerm
from learning.models import LearningOffer, Practice, PracticeApplication

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


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    change_form_template = "admin/learning/practice/change_form.html"
    list_display = ["name_nl", "name_en", "is_active", "claims_to_confirm", "updated_at"]
    list_filter = ["is_active", "instruments", "roles"]
    search_fields = ["name_nl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["challenges", "themes"]
    # What a complete practice has: shown above the form.
    checklist = [
        _(
            "Both languages complete: name, summary, what it is, when it fits, how to start, "
            "pitfalls."
        ),
        _("The helix roles it brings together and the funding instruments it uses."),
        _("The themes or challenges and the stages it suits."),
        _("At least one source: a guide, an evaluation or a first-hand account."),
        _(
            "Every innovation claimed by its owners checked before it is confirmed (under "
            "“Practices applied”)."
        ),
    ]
    fieldsets = [
        (None, {"fields": ["name_nl", "name_en", "slug", "is_active"]}),
        (_("Dutch"), {"fields": ["summary_nl", "what_nl", "when_nl", "how_nl", "pitfalls_nl"]}),
        (
            _("English"),
            {"fields": ["summary_en", "what_en", "when_en", "how_en", "pitfalls_en"]},
        ),
        (
            _("Who and what"),
            {"fields": ["roles", "instruments", "stages", "themes", "challenges", "sources"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(to_confirm=Count("applications", filter=Q(applications__confirmed=False)))
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # A vocabulary has at most ten stable terms: checkboxes show them all at once.
        if issubclass(db_field.remote_field.model, VocabularyTerm):
            kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("claims to confirm"), ordering="to_confirm")
    def claims_to_confirm(self, obj) -> int:
        return obj.to_confirm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"completeness_checklist": self.checklist, **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context=extra_context)


@admin.register(PracticeApplication)
class PracticeApplicationAdmin(admin.ModelAdmin):
    """The owners' claims in one queue: confirm them in bulk."""

    list_display = ["innovation", "practice", "confirmed", "claimed_by", "created_at"]
    list_filter = ["confirmed"]
    list_select_related = ["innovation", "practice", "claimed_by"]
    search_fields = ["innovation__name", "practice__name_nl", "practice__name_en"]
    autocomplete_fields = ["innovation", "practice"]
    readonly_fields = ["claimed_by", "created_at"]
    actions = ["confirm"]

    @admin.action(description=_("Confirm the selected claims"))
    def confirm(self, request, queryset):
        claims = list(queryset.filter(confirmed=False))
        count = PracticeApplication.objects.filter(pk__in=[c.pk for c in claims]).update(
            confirmed=True
        )
        if claims:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=claims,
                action_flag=CHANGE,
                change_message=[{"changed": {"fields": ["confirmed"]}}],
            )
        self.message_user(request, _("Confirmed %(count)d claims.") % {"count": count})
