from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from hubsi.limits import rate_limited
from hubsi.models import Status
from hubsi.signals import extra_detail_context
from hubsi.views import FilteredListView, back_to_results
from innovations.models import Innovation, current_language
from learning import services
from learning.filters import LearningFilterSet, PracticeFilterSet, includes_past
from learning.models import LearningOffer, Practice, PracticeApplication


class LearningListView(FilteredListView):
    """Learning offers, running and upcoming first by start date, then self-paced ones. Past
    offers leave the list (and every count) unless `past=1` asks for them."""

    model = LearningOffer
    filterset_class = LearningFilterSet
    default_sort = "date"
    sort_orders = {"date": (), "recent": ("-published_at", "-pk")}
    day_sort = "date"

    def base_queryset(self):
        offers = super().base_queryset()
        return offers if includes_past(self.request.GET) else offers.current()

    def order_by_day(self, queryset):
        return queryset.by_date()


class LearningDetailView(DetailView):
    """A published offer; a past one keeps its page (links to it keep working)."""

    template_name = "learning/learningoffer_detail.html"

    def get_queryset(self):
        return LearningOffer.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_querystring=back_to_results(self.request),
            **extra_detail_context(self.object, self.request),
            **kwargs,
        )


class PracticeListView(FilteredListView):
    template_name = "learning/practice_list.html"
    model = Practice
    filterset_class = PracticeFilterSet
    default_sort = "name"
    sort_orders = {"name": ("name_nl", "pk")}

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.sort == "name" and current_language() == "en":
            return queryset.order_by("name_en", "pk")
        return queryset


class PracticeDetailView(DetailView):
    """A practice, and the published innovations that apply it (confirmed links only)."""

    template_name = "learning/practice_detail.html"

    def get_queryset(self):
        return Practice.objects.active().for_detail()

    def get_context_data(self, **kwargs):
        applications = (
            PracticeApplication.objects.public()
            .filter(practice=self.object)
            .select_related("innovation")
            .order_by("innovation__name", "innovation__pk")
        )
        return super().get_context_data(
            applied_by=[application.innovation for application in applications],
            back_querystring=back_to_results(self.request),
            **kwargs,
        )


class ClaimForm(forms.Form):
    innovations = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Which of your innovations apply this practice?"),
        help_text=gettext_lazy("A curator confirms it before it is shown on the practice's page."),
        queryset=Innovation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, innovations=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["innovations"].queryset = innovations


@method_decorator([never_cache, login_required, rate_limited()], "dispatch")
class PracticeClaimView(View):
    """An innovation's owners say that it applies a practice (or no longer does)."""

    def dispatch(self, request, *args, slug, **kwargs):
        self.practice = get_object_or_404(Practice.objects.active(), slug=slug)
        self.innovations = (
            Innovation.objects.owned_by(request.user)
            .exclude(status=Status.ARCHIVED)
            .order_by("name", "pk")
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        claimed = PracticeApplication.objects.filter(
            practice=self.practice, innovation__in=self.innovations
        ).values_list("innovation_id", flat=True)
        form = ClaimForm(innovations=self.innovations, initial={"innovations": list(claimed)})
        return self.render(form)

    def post(self, request):
        form = ClaimForm(request.POST, innovations=self.innovations)
        if not form.is_valid():
            return self.render(form)
        added, withdrawn = services.practice_claim(
            practice=self.practice, innovations=form.cleaned_data["innovations"], by=request.user
        )
        if added:
            messages.success(request, _("Thank you. A curator confirms it before it is shown."))
        elif withdrawn:
            messages.success(request, _("Your claim is withdrawn."))
        return redirect(self.practice.get_absolute_url())

    def render(self, form):
        confirmed = set(
            PracticeApplication.objects.filter(
                practice=self.practice, innovation__in=self.innovations, confirmed=True
            ).values_list("innovation_id", flat=True)
        )
        return render(
            self.request,
            "learning/practice_claim.html",
            {
                "practice": self.practice,
                "form": form,
                "has_innovations": self.innovations.exists(),
                "confirmed": confirmed,
                "noindex": True,
            },
        )
