"""Matches computed ahead: what the innovation page and the dashboard read instead of ranking
per view (front/matching.py ranks; the refresh keeps this table in step, docs/matching.md)."""

import operator
from functools import reduce

from django.db import models

from funding.models import FundingOpportunity
from innovations.models import Innovation
from learning.models import LearningOffer
from supporters.models import ExperimentationSpace, Supporter


class Section(models.TextChoices):
    """The match sections of an innovation page (internal names, never shown)."""

    SUPPORTERS = "supporters"
    FUNDING = "funding"
    SPACES = "spaces"
    INNOVATIONS = "innovations"
    PARTNERS = "partners"
    LEARNING = "learning"


# The column that holds the suggested object, per section.
TARGET_FIELD = {
    Section.SUPPORTERS: "supporter",
    Section.FUNDING: "funding",
    Section.SPACES: "space",
    Section.INNOVATIONS: "other",
    Section.PARTNERS: "supporter",
    Section.LEARNING: "offer",
}


def _exactly_one_target() -> models.Q:
    columns = sorted(set(TARGET_FIELD.values()))
    return reduce(
        operator.or_,
        (
            models.Q(**{f"{column}__isnull": column != chosen for column in columns})
            for chosen in columns
        ),
    )


class StoredMatch(models.Model):
    """One suggestion for one innovation, in one section, at its rank.

    The explanations are not stored as text: `flags` holds the ranking's annotated flags of
    the row, and the sentences are built from them in the reader's language. What a match
    suggests is filtered at read time again (published, not closed), so a change shows even
    before the refresh has run. `found_at` is when the suggestion first appeared for this
    innovation: the dashboard's "new since your last visit"."""

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="stored_matches"
    )
    section = models.CharField(max_length=12, choices=Section.choices)
    rank = models.PositiveSmallIntegerField()
    score = models.IntegerField()
    flags = models.JSONField(default=dict)
    supporter = models.ForeignKey(
        Supporter, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    space = models.ForeignKey(
        ExperimentationSpace, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    funding = models.ForeignKey(
        FundingOpportunity, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    offer = models.ForeignKey(
        LearningOffer, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    other = models.ForeignKey(
        Innovation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    found_at = models.DateTimeField()

    class Meta:
        ordering = ["innovation", "section", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["innovation", "section", "rank"], name="stored_match_unique_rank"
            ),
            models.CheckConstraint(condition=_exactly_one_target(), name="stored_match_one_target"),
        ]
        indexes = [models.Index(fields=["found_at"], name="stored_match_found_at")]

    def __str__(self) -> str:
        return f"{self.innovation_id} {self.section} #{self.rank}"

    @property
    def target(self):
        """The suggested object (select_related it when reading many)."""
        return getattr(self, TARGET_FIELD[self.section])


class MatchRefresh(models.Model):
    """When an innovation's stored matches were last computed, and for which of its own values.

    Its presence tells "refreshed, and nothing matched" apart from "never refreshed" (the page
    then ranks live once and stores the result); `profile` is a digest of the innovation's
    values the ranking used (challenges, themes, stage, roles, regions, needs), so the page
    ranks live when the innovation changed and its refresh has not run yet."""

    innovation = models.OneToOneField(
        Innovation, on_delete=models.CASCADE, primary_key=True, related_name="match_refresh"
    )
    profile = models.CharField(max_length=32)
    refreshed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.innovation_id} {self.refreshed_at:%Y-%m-%d %H:%M}"
