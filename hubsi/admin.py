"""The curators' review queue: one admin base for everything that goes through review.

Lien reviews submissions here every morning. A status changes only through the bulk actions
below, which call `hubsi.services` (the same functions the public views use) one object at a
time: a refused object is reported and skipped, it never blocks the others.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import model_ngettext, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Value, When
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult, get_date_max

from hubsi import services
from hubsi.curation import WaitingWork, next_in_queue, register_waiting_work
from hubsi.kinds import kind_for
from hubsi.models import (
    Actor,
    Revision,
    Status,
    SubmissionConsent,
    VocabularyTerm,
    transition_allowed,
)
from hubsi.search import update_search_vector
from hubsi.tasks import MAX_ATTEMPTS

# The queue shows what waits for a curator first, then what waits for the owners.
REVIEW_ORDER = [
    Status.SUBMITTED,
    Status.CHANGES_REQUESTED,
    Status.DRAFT,
    Status.PUBLISHED,
    Status.ARCHIVED,
]

# Asked of every kind of content: "nothing embarrassing published".
NOTHING_EMBARRASSING = _(
    "Is it free of personal data, advertising and offensive or misleading content?"
)


class StatusFilter(admin.SimpleListFilter):
    """Status with the number of items in each, so the queue's length is visible at a glance."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = dict(
            model_admin.model._default_manager.order_by()
            .values_list("status")
            .annotate(count=Count("pk"))
        )
        return [
            (status.value, f"{status.label} ({counts.get(status, 0)})") for status in REVIEW_ORDER
        ]

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(status=self.value())
        return queryset


def pending_revisions(model, *, submitted: bool | None = None):
    """Revisions (pending changes of published content) of one kind of content."""
    revisions = Revision.objects.filter(content_type=ContentType.objects.get_for_model(model))
    if submitted is not None:
        revisions = revisions.filter(submitted_at__isnull=not submitted)
    return revisions


class PendingChangesFilter(admin.SimpleListFilter):
    """Published content whose owners changed it: the changes wait apart from the public
    version until a curator publishes them."""

    title = _("pending changes")
    parameter_name = "pending"
    # The filter's values (pending changes are not a status of the content).
    SUBMITTED, OPEN = "submitted", "open"

    def lookups(self, request, model_admin):
        # No counts here: the queue's page stays at a fixed, small number of queries, and the
        # list's "changes to review" column shows them.
        return [
            (self.SUBMITTED, _("Waiting for review")),
            (self.OPEN, _("Being edited by the owners")),
        ]

    def queryset(self, request, queryset):
        if self.value() in (self.SUBMITTED, self.OPEN):
            submitted = self.value() == self.SUBMITTED
            revisions = pending_revisions(queryset.model, submitted=submitted)
            return queryset.filter(status=Status.PUBLISHED, pk__in=revisions.values("object_id"))
        return queryset


class RequestChangesForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the owners"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_(
            "Say what should change and why. The owners receive this note by email and see it "
            "with their content."
        ),
    )


class DecisionForm(forms.Form):
    """A decision taken on an item's change form (`PublishableAdmin.decide_view`)."""

    PUBLISH, PUBLISH_OVER_EDITS, REQUEST_CHANGES, ARCHIVE = (
        "publish",
        "publish_over_edits",
        "request_changes",
        "archive",
    )
    decision = forms.ChoiceField(
        choices=[(PUBLISH, ""), (PUBLISH_OVER_EDITS, ""), (REQUEST_CHANGES, ""), (ARCHIVE, "")]
    )
    note = forms.CharField(required=False)


class PublishableAdmin(admin.ModelAdmin):
    """Review queue, checklist and status actions shared by all curated content."""

    change_form_template = "admin/hubsi/change_form.html"
    change_list_template = "admin/hubsi/change_list.html"
    list_display = ["name", "status", "featured", "updated_at", "public_link"]
    list_filter = [StatusFilter, "featured"]
    search_fields = ["name", "slug"]
    # Status, featuring and the curator's note change only through the actions (and are logged).
    readonly_fields = [
        "status",
        "featured",
        "curator_note",
        "created_at",
        "updated_at",
        "published_at",
    ]
    actions = [
        "publish",
        "publish_changes",
        "publish_changes_over_edits",
        "request_changes",
        "archive",
        "restore",
        "feature",
        "unfeature",
    ]
    list_per_page = 50

    class Media:
        # Names the autocomplete fields' search boxes (axe: `label`, `list`).
        js = ["js/admin-autocomplete.js"]
        css = {"all": ["css/admin-curation.css"]}

    review_checklist = [
        _("Is it a social innovation, within the platform's scope?"),
        _("Are the problem and the approach clear?"),
        _("Are results or first evidence described?"),
        _("Can it scale or be transferred to other places?"),
        NOTHING_EMBARRASSING,
    ]

    # Reads ------------------------------------------------------------------------------------

    def get_ordering(self, request):
        queue_position = Case(
            *(When(status=status, then=Value(i)) for i, status in enumerate(REVIEW_ORDER)),
            output_field=IntegerField(),
        )
        return [queue_position.asc(), "-updated_at"]

    def is_public(self, obj) -> bool:
        return obj.is_published

    def get_view_on_site_url(self, obj=None):
        """Only published content has a public page; the admin links to it directly."""
        if obj is None or not self.is_public(obj):
            return None
        return obj.get_absolute_url()

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        url = self.get_view_on_site_url(obj)
        if url is None:
            return self.get_empty_value_display()
        return format_html('<a href="{}">{}</a>', url, gettext("View on site"))

    # Pending changes of published content ------------------------------------------------------

    def get_queryset(self, request):
        submitted = pending_revisions(self.model, submitted=True).filter(object_id=OuterRef("pk"))
        return super().get_queryset(request).annotate(has_changes_to_review=Exists(submitted))

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), PendingChangesFilter]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "changes_to_review"]

    @admin.display(description=_("changes to review"), boolean=True)
    def changes_to_review(self, obj) -> bool:
        return bool(getattr(obj, "has_changes_to_review", False))

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "pending_changes"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and self._revision(obj) is not None:
            fieldsets = [(_("Pending changes"), {"fields": ["pending_changes"]}), *fieldsets]
        return fieldsets

    def _revision(self, obj):
        if not hasattr(obj, "_pending_revision"):
            obj._pending_revision = (
                pending_revisions(type(obj)).filter(object_id=obj.pk).first()
                if obj.status == Status.PUBLISHED
                else None
            )
        return obj._pending_revision

    @admin.display(description=_("What the owners changed"))
    def pending_changes(self, obj):
        """Field by field: the published value and the owners' change."""
        revision = self._revision(obj) if obj is not None and obj.pk else None
        if revision is None:
            return self.get_empty_value_display()
        if revision.is_submitted:
            state = gettext(
                "Submitted for review. Decide at the top of this page: publish the changes, or "
                "request changes with a note to the owners. The published version stays public "
                "until then."
            )
        else:
            state = gettext(
                "The owners are still editing these changes; they are not submitted for review."
            )
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            (
                (
                    change["label"],
                    linebreaksbr(change["old"], autoescape=True),
                    linebreaksbr(change["new"], autoescape=True),
                )
                for change in revision.changes(obj)
            ),
        )
        conflicts = services.revision_conflicts(obj, revision)
        if conflicts:
            state = format_html(
                "{}</p><p><strong>{}</strong>",
                state,
                gettext(
                    "Changed in the published version since the owners proposed their changes: "
                    "%(fields)s. The table shows the published version as it is now; publishing "
                    "these changes replaces it."
                )
                % {"fields": services.field_labels(obj, conflicts)},
            )
        changelist = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_changelist",
            current_app=self.admin_site.name,
        )
        return format_html(
            "<p>{}</p>{}<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>"
            "<p><a href='{}?pending=submitted'>{}</a></p>",
            state,
            format_html("<p>{}: {}</p>", gettext("Note sent to the owners"), revision.curator_note)
            if revision.curator_note
            else "",
            gettext("Field"),
            gettext("Published"),
            gettext("Proposed change"),
            rows,
            changelist,
            gettext("All pending changes waiting for review"),
        )

    # Forms ------------------------------------------------------------------------------------

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            # Django 6's default; "example.org" typed without a scheme becomes https://.
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # A vocabulary has at most ten stable terms: checkboxes show them all at once.
        if issubclass(db_field.remote_field.model, VocabularyTerm):
            kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def changelist_view(self, request, extra_context=None):
        extra_context = {"review_checklist": self.review_checklist, **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"review_checklist": self.review_checklist, **(extra_context or {})}
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is not None and self.has_change_permission(request, obj):
            extra_context.update(self.decision_context(request, obj))
        return super().changeform_view(request, object_id, form_url, extra_context=extra_context)

    # Decisions on the change form ---------------------------------------------------------------

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name=f"{opts.app_label}_{opts.model_name}_decide",
            ),
            *super().get_urls(),
        ]

    def decision_context(self, request, obj) -> dict:
        """What the change form's decision panel needs: whether the item waits for a decision,
        and whether publishing its pending changes would replace later edits."""
        changes = bool(getattr(obj, "has_changes_to_review", False))
        revision = self._revision(obj) if changes else None
        kind = kind_for(obj)
        return {
            # The owners' preview, which curators may read (hubsi/selfservice/views.py).
            "preview_url": kind.url("preview", obj) if kind else "",
            "in_review": obj.status == Status.SUBMITTED or changes,
            "reviewing_changes": changes,
            "changes_conflict": bool(revision and services.revision_conflicts(obj, revision)),
            "can_archive": obj.status != Status.ARCHIVED,
            "decision_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_decide",
                args=[obj.pk],
                current_app=self.admin_site.name,
            ),
        }

    def decide_view(self, request, object_id):
        """Publish, request changes or archive one item from its change form, through the same
        services as the bulk actions; then go on to the oldest item still in the queue."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )
        form = DecisionForm(request.POST)
        if not form.is_valid():
            self.message_user(request, gettext("Choose a decision."), messages.ERROR)
            return HttpResponseRedirect(change_url)
        decision = form.cleaned_data["decision"]
        changes = bool(getattr(obj, "has_changes_to_review", False))
        if decision == DecisionForm.PUBLISH:
            service = services.revision_publish if changes else services.content_publish
            kwargs, done = {}, gettext("Published “%(name)s”.")
        elif decision == DecisionForm.PUBLISH_OVER_EDITS:
            service, kwargs = services.revision_publish, {"overwrite": True}
            done = gettext("Published “%(name)s”.")
        elif decision == DecisionForm.REQUEST_CHANGES:
            service = services.review_request_changes
            kwargs = {"note": form.cleaned_data["note"]}
            done = gettext("Requested changes to “%(name)s”; the owners receive your note.")
        else:
            service, kwargs = services.content_archive, {}
            done = gettext("Archived “%(name)s”.")
        try:
            service(obj=obj, by=request.user, **kwargs)
        except (ValidationError, PermissionDenied) as error:
            reason = (
                " ".join(error.messages)
                if isinstance(error, ValidationError)
                else str(error) or gettext("You may not do this.")
            )
            self.message_user(request, reason, messages.ERROR)
            return HttpResponseRedirect(change_url)
        self.message_user(request, done % {"name": obj}, messages.SUCCESS)
        following = next_in_queue(request.user, after=(type(obj), obj.pk))
        if following is None:
            self.message_user(request, gettext("The queue is empty."), messages.INFO)
            return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))
        return HttpResponseRedirect(following.admin_url)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Many-to-many links (the challenges) are saved here, after save_model: only now is the
        # search text complete. Same transaction as the save (the admin's changeform is atomic).
        update_search_vector(form.instance)

    # Actions ----------------------------------------------------------------------------------

    def _run(self, request, queryset, service, *, done_message, already=None, **kwargs) -> None:
        """Call `service` per object and report what was done and what was skipped, and why."""
        done, skipped = 0, []
        for obj in queryset:
            if already is not None and (reason := already(obj)):
                skipped.append((obj, reason))
                continue
            try:
                service(obj=obj, by=request.user, **kwargs)
            except ValidationError as error:
                skipped.append((obj, " ".join(error.messages)))
            except PermissionDenied as error:
                skipped.append((obj, str(error) or gettext("You may not do this.")))
            else:
                done += 1
        if done:
            self.message_user(
                request,
                done_message % {"count": done, "items": model_ngettext(self.opts, done)},
                messages.SUCCESS,
            )
        if skipped:
            reasons = "; ".join(f"“{obj}”: {reason}" for obj, reason in skipped)
            self.message_user(
                request,
                gettext("Skipped %(count)d %(items)s: %(reasons)s")
                % {
                    "count": len(skipped),
                    "items": model_ngettext(self.opts, len(skipped)),
                    "reasons": reasons,
                },
                messages.WARNING,
            )

    @admin.action(
        description=_("Publish (only items submitted for review)"), permissions=["change"]
    )
    def publish(self, request, queryset):
        self._run(
            request,
            queryset,
            services.content_publish,
            already=lambda obj: (
                getattr(obj, "has_changes_to_review", False)
                and gettext(
                    "it is published; to publish its changes choose “Publish pending changes”"
                )
            ),
            done_message=_("Published %(count)d %(items)s."),
        )

    @admin.action(
        description=_("Publish pending changes (of published items)"), permissions=["change"]
    )
    def publish_changes(self, request, queryset):
        """Apply the owners' submitted changes to the published version."""
        self._run(
            request,
            queryset,
            services.revision_publish,
            done_message=_("Published the changes to %(count)d %(items)s."),
        )

    @admin.action(
        description=_("Publish pending changes, also over later edits"), permissions=["change"]
    )
    def publish_changes_over_edits(self, request, queryset):
        """The curator compared both versions: the owners' changes replace later edits of the
        same fields in the published version."""
        self._run(
            request,
            queryset,
            services.revision_publish,
            overwrite=True,
            done_message=_("Published the changes to %(count)d %(items)s."),
        )

    @admin.action(
        description=_("Request changes, with a note to the owners"), permissions=["change"]
    )
    def request_changes(self, request, queryset):
        """An intermediate page asks for the note, like Django's delete confirmation."""
        form = RequestChangesForm(request.POST if "post" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._run(
                request,
                queryset,
                # Submitted content, or the submitted pending changes of published content.
                services.review_request_changes,
                note=form.cleaned_data["note"],
                done_message=_("Requested changes to %(count)d %(items)s."),
            )
            return None
        objects, refused = [], []
        for obj in queryset:
            allowed = transition_allowed(
                source=obj.status, target=Status.CHANGES_REQUESTED, actor=Actor.CURATOR
            ) or getattr(obj, "has_changes_to_review", False)
            (objects if allowed else refused).append(obj)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Request changes"),
            "opts": self.opts,
            "form": form,
            "objects": objects,
            "refused": refused,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/hubsi/request_changes.html", context)

    @admin.action(description=_("Archive"), permissions=["change"])
    def archive(self, request, queryset):
        self._run(
            request,
            queryset,
            services.content_archive,
            done_message=_("Archived %(count)d %(items)s."),
        )

    @admin.action(description=_("Restore archived items as drafts"), permissions=["change"])
    def restore(self, request, queryset):
        self._run(
            request,
            queryset,
            services.content_restore,
            done_message=_("Restored %(count)d %(items)s as drafts."),
        )

    @admin.action(description=_("Feature (only published items)"), permissions=["change"])
    def feature(self, request, queryset):
        self._run(
            request,
            queryset,
            services.content_feature,
            featured=True,
            already=lambda obj: obj.featured and gettext("already featured"),
            done_message=_("Featured %(count)d %(items)s."),
        )

    @admin.action(description=_("Stop featuring"), permissions=["change"])
    def unfeature(self, request, queryset):
        self._run(
            request,
            queryset,
            services.content_feature,
            featured=False,
            already=lambda obj: not obj.featured and gettext("not featured"),
            done_message=_("Stopped featuring %(count)d %(items)s."),
        )


@admin.register(SubmissionConsent)
class SubmissionConsentAdmin(admin.ModelAdmin):
    """Evidence of what owners accepted at submission (terms, licence). Read only; superusers
    see it (the Curators group has no permission on it)."""

    list_display = ["email", "content_type", "object_id", "pending_changes", "created_at"]
    list_filter = ["content_type", "pending_changes"]
    search_fields = ["email"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """Background tasks (hubsi/tasks.py), read only: what failed, when it runs again. Curators
    see them, so a mail that could not be sent does not go unnoticed (docs/operations.md)."""

    list_display = ["task", "status", "attempt", "enqueued_at", "runs_after", "finished_at"]
    list_filter = ["status", "queue_name"]
    search_fields = ["task_path"]

    @admin.display(description=_("task"), ordering="task_path")
    def task(self, obj) -> str:
        return obj.task_path.rsplit(".", 1)[-1]

    @admin.display(description=_("not before"), ordering="run_after")
    def runs_after(self, obj):
        return "—" if obj.run_after == get_date_max() else obj.run_after

    @admin.display(description=_("attempt"))
    def attempt(self, obj) -> str:
        attempt = (obj.args_kwargs or {}).get("kwargs", {}).get("attempt", 1)
        return f"{attempt} / {MAX_ATTEMPTS}"


register_waiting_work(
    WaitingWork(
        key="failed-tasks",
        label=_("Failed background tasks"),
        permission="django_tasks_database.view_dbtaskresult",
        count=lambda: DBTaskResult.objects.failed().count(),
        url=lambda: (
            reverse("admin:django_tasks_database_dbtaskresult_changelist")
            + f"?status__exact={TaskResultStatus.FAILED}"
        ),
    )
)
