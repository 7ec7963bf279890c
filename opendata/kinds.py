"""What each kind of published content shares as open data: one declaration per kind.

A kind names its model, the public list view whose filtering and orders the API reuses (one
filtering code path: the list's FilterSet and its default orders), the queryset that reads
what the fields need, and its fields. Each field has a stable name, a type, a meaning and an
example (the open-data page lists them), and reads its value from an item. The API, the
feeds, the downloadable files and their JSON schema are all derived from these declarations.

Adding a kind is one `OpenKind(...)` in `KINDS`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.db.models import TextChoices
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from funding.models import FundingOpportunity
from funding.views import FundingListView
from hubsi import vocabulary
from hubsi.models import Status
from innovations.models import Challenge, Innovation
from innovations.views import ChallengeListView, InnovationListView
from learning.models import LearningOffer, Practice
from learning.views import LearningListView, PracticeListView
from supporters.models import ExperimentationSpace, Supporter
from supporters.views import SpaceListView, SupporterListView

# Field types, as the open-data page names them and as JSON schema types.
TEXT, INTEGER, DATE, DATETIME, BOOLEAN, URL, TERM, TERMS = (
    "text",
    "integer",
    "date",
    "datetime",
    "boolean",
    "url",
    "term",
    "terms",
)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    meaning: str
    example: str
    value: Callable
    nullable: bool = False


@dataclass(frozen=True)
class OpenKind:
    name: str  # the URL segment: /api/v1/<name>/, /open-data/<name>.csv
    label: str
    model: type
    list_view: type
    queryset: Callable  # published items with what the fields read
    fields: list[Field] = field(default_factory=list)
    # The Atom feed of the list (staff data without publication dates has none): an item's
    # summary, and the language its texts are written in when the model says (else None).
    summary: Callable | None = None
    language: Callable = lambda obj: None
    # schema.org JSON-LD of its detail page (opendata/receivers.py), without "@context".
    structured_data: Callable | None = None
    # What the files and the feed hold of `queryset()`: learning leaves past offers out (the
    # API reads `queryset()` itself, as the list and the detail page do with `past=1`).
    current: Callable = lambda queryset: queryset


def listed(kind: OpenKind):
    """The items of the downloadable files."""
    return kind.current(kind.queryset())


# Values -----------------------------------------------------------------------------------


@cache
def vocabulary_labels(choices: type[TextChoices]) -> dict[str, tuple[str, str]]:
    """The Dutch and English label of each code (translations do not change while running)."""
    labels = {}
    for language in ("nl", "en"):
        with translation.override(language):
            for code, label in choices.choices:
                labels.setdefault(code, []).append(str(label))
    return {code: tuple(pair) for code, pair in labels.items()}


def term(choices: type[TextChoices], code: str | None) -> dict | None:
    if not code:
        return None
    label_nl, label_en = vocabulary_labels(choices)[code]
    return {"slug": code, "label_nl": label_nl, "label_en": label_en}


def codes(choices: type[TextChoices], related: str) -> Callable:
    """The vocabulary terms linked through many-to-many `related` (prefetched)."""
    return lambda obj: [term(choices, t.code) for t in getattr(obj, related).all()]


def bilingual(obj) -> dict:
    return {"slug": obj.slug, "label_nl": obj.name_nl, "label_en": obj.name_en or obj.name_nl}


def bilingual_terms(related: str) -> Callable:
    return lambda obj: [bilingual(t) for t in getattr(obj, related).all() if t.is_active]


def named(obj) -> dict | None:
    """Published content related to an item: its name is the same in both languages."""
    if obj is None or obj.status != Status.PUBLISHED:
        return None
    return {"slug": obj.slug, "label_nl": obj.name, "label_en": obj.name}


def absolute_url(obj) -> str:
    with translation.override("nl"):
        return settings.SITE_URL + obj.get_absolute_url()


def page_url(obj) -> str:
    """The page in the current interface language."""
    return settings.SITE_URL + obj.get_absolute_url()


def date_text(value) -> str | None:
    return value.isoformat() if value else None


def attr(name: str) -> Callable:
    return lambda obj: getattr(obj, name)


# Shared fields -----------------------------------------------------------------------------


def slug_field(example: str) -> Field:
    return Field(
        "slug", TEXT, _("Stable identifier, also in the page's address"), example, attr("slug")
    )


def url_field(example: str) -> Field:
    return Field(
        "url", URL, _("The public page (Dutch; English under /en/)"), example, absolute_url
    )


def published_field() -> Field:
    return Field(
        "published_at",
        DATETIME,
        _("When it was first published (ISO 8601, UTC)"),
        "2026-03-01T09:30:00+00:00",
        lambda obj: date_text(obj.published_at),
        nullable=True,
    )


def themes_field(meaning) -> Field:
    return Field("themes", TERMS, meaning, "housing", bilingual_terms("themes"))


def challenges_field(meaning) -> Field:
    return Field(
        "challenges", TERMS, meaning, "energy-poverty-tenants", bilingual_terms("challenges")
    )


def regions_field(meaning) -> Field:
    return Field("regions", TERMS, meaning, "limburg", codes(vocabulary.Region, "regions"))


# The kinds ---------------------------------------------------------------------------------

INNOVATIONS = OpenKind(
    name="innovations",
    label=_("Innovations"),
    model=Innovation,
    list_view=InnovationListView,
    queryset=lambda: Innovation.objects.published().for_detail(),
    summary=lambda obj: obj.tagline or obj.problem,
    language=lambda obj: obj.language,
    structured_data=lambda obj: {
        # A Project is schema.org's Organization for an undertaking; its lead organisation
        # is named as the parent.
        "@type": "Project",
        "name": obj.name,
        "description": obj.tagline or obj.problem,
        "url": page_url(obj),
        "inLanguage": obj.language,
        "parentOrganization": {"@type": "Organization", "name": obj.organisation_name},
        "areaServed": [str(r.label) for r in obj.regions.all()],
        "keywords": [c.name for c in obj.challenges.all()],
        "sameAs": [obj.website] if obj.website else [],
        "license": "https://creativecommons.org/licenses/by/4.0/",
    },
    fields=[
        slug_field("warme-buurt-genk"),
        Field("name", TEXT, _("Name of the innovation"), "Warme Buurt Genk", attr("name")),
        url_field("https://hubsi.be/innovations/warme-buurt-genk/"),
        Field("language", TEXT, _("Language of the texts: nl or en"), "nl", attr("language")),
        Field(
            "organisation_name",
            TEXT,
            _("The lead organisation"),
            "Buurtcollectief Genk",
            attr("organisation_name"),
        ),
        Field(
            "organisation_role",
            TERM,
            _("Helix role of the lead organisation"),
            "citizen",
            lambda obj: term(vocabulary.HelixRole, obj.organisation_role),
        ),
        Field(
            "tagline",
            TEXT,
            _("One sentence about it"),
            "Huurders besparen samen energie.",
            attr("tagline"),
        ),
        Field(
            "problem",
            TEXT,
            _("The societal problem it tackles, and for whom"),
            "Huurders betalen te veel voor energie.",
            attr("problem"),
        ),
        Field(
            "systemic_view",
            TEXT,
            _("Root causes, actors and the system around the problem"),
            "Verhuurders investeren niet.",
            attr("systemic_view"),
        ),
        Field("approach", TEXT, _("The approach"), "Samen isoleren.", attr("approach")),
        Field("target_group", TEXT, _("Who it is for"), "Huurders in Genk.", attr("target_group")),
        Field("impact", TEXT, _("Impact so far"), "120 gezinnen.", attr("impact")),
        Field(
            "stage",
            TERM,
            _("Stage of the innovation"),
            "insight",
            lambda obj: term(vocabulary.Stage, obj.stage),
        ),
        challenges_field(_("Societal challenges it tackles")),
        regions_field(_("Regions where it works")),
        Field(
            "partner_roles",
            TERMS,
            _("Helix roles in the partnership"),
            "government",
            codes(vocabulary.HelixRole, "partner_roles"),
        ),
        Field(
            "needs",
            TERMS,
            _("Support needed"),
            "coaching",
            codes(vocabulary.SupportType, "needs"),
        ),
        Field(
            "wanted_roles",
            TERMS,
            _("Helix roles it wants as partners"),
            "business",
            codes(vocabulary.HelixRole, "wanted_roles"),
        ),
        Field("website", URL, _("Its own website"), "https://example.org/", attr("website")),
        published_field(),
    ],
)

SUPPORTERS = OpenKind(
    name="supporters",
    label=_("Supporters"),
    model=Supporter,
    list_view=SupporterListView,
    queryset=lambda: Supporter.objects.published().for_detail(),
    summary=lambda obj: obj.description,
    structured_data=lambda obj: {
        "@type": "Organization",
        "name": obj.name,
        "description": obj.description,
        "url": page_url(obj),
        "areaServed": [str(r.label) for r in obj.regions.all()],
        "sameAs": [obj.website] if obj.website else [],
    },
    fields=[
        slug_field("energiehuis-limburg"),
        Field("name", TEXT, _("Name of the organisation"), "Energiehuis Limburg", attr("name")),
        url_field("https://hubsi.be/supporters/energiehuis-limburg/"),
        Field(
            "helix_role",
            TERM,
            _("Its helix role"),
            "government",
            lambda obj: term(vocabulary.HelixRole, obj.helix_role),
        ),
        Field("description", TEXT, _("What it does"), "Advies over energie.", attr("description")),
        Field(
            "offers",
            TERMS,
            _("Support offered"),
            "coaching",
            codes(vocabulary.SupportType, "offers"),
        ),
        Field("stages", TERMS, _("Stages served"), "insight", codes(vocabulary.Stage, "stages")),
        challenges_field(_("Challenges of interest")),
        themes_field(_("Themes of interest")),
        regions_field(_("Regions served")),
        Field("website", URL, _("Its own website"), "https://example.org/", attr("website")),
        published_field(),
    ],
)

SPACES = OpenKind(
    name="spaces",
    label=_("Experimentation places"),
    model=ExperimentationSpace,
    list_view=SpaceListView,
    queryset=lambda: ExperimentationSpace.objects.published().for_detail(),
    summary=lambda obj: f"{obj.municipality}: {obj.description}",
    structured_data=lambda obj: {
        "@type": "Place",
        "name": obj.name,
        "description": obj.description,
        "url": page_url(obj),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": obj.municipality,
            "addressRegion": str(vocabulary.Region(obj.region).label),
            "addressCountry": "BE",
        },
        "publicAccess": obj.open_to_citizens,
    },
    fields=[
        slug_field("proefwoning-genk"),
        Field("name", TEXT, _("Name of the place"), "Proefwoning Genk", attr("name")),
        url_field("https://hubsi.be/spaces/proefwoning-genk/"),
        Field(
            "host",
            TERM,
            _("The supporter that hosts it"),
            "energiehuis-limburg",
            lambda obj: named(obj.host),
        ),
        Field(
            "description",
            TEXT,
            _("What the place is"),
            "Een woning om te testen.",
            attr("description"),
        ),
        Field("municipality", TEXT, _("Municipality"), "Genk", attr("municipality")),
        Field(
            "region", TERM, _("Region"), "limburg", lambda obj: term(vocabulary.Region, obj.region)
        ),
        themes_field(_("Themes")),
        challenges_field(_("Challenges")),
        Field("facilities", TEXT, _("Facilities"), "Keuken, vergaderzaal.", attr("facilities")),
        Field("access", TEXT, _("Who may use it and how"), "Op aanvraag.", attr("access")),
        Field("open_to_citizens", BOOLEAN, _("Open to citizens"), "true", attr("open_to_citizens")),
        published_field(),
    ],
)

FUNDING = OpenKind(
    name="funding",
    label=_("Funding opportunities"),
    model=FundingOpportunity,
    list_view=FundingListView,
    queryset=lambda: FundingOpportunity.objects.published().for_detail(),
    summary=lambda obj: obj.description or obj.funder_name,
    structured_data=lambda obj: {
        "@type": "MonetaryGrant",
        "name": obj.name,
        "description": obj.description,
        "url": page_url(obj),
        "funder": {"@type": "Organization", "name": obj.funder_name},
        "amount": {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            **({"minValue": obj.amount_min} if obj.amount_min is not None else {}),
            **({"maxValue": obj.amount_max} if obj.amount_max is not None else {}),
        },
        "sameAs": [obj.url] if obj.url else [],
    },
    fields=[
        slug_field("energiefonds-2026"),
        Field("name", TEXT, _("Name of the call or fund"), "Energiefonds 2026", attr("name")),
        url_field("https://hubsi.be/funding/energiefonds-2026/"),
        Field("funder_name", TEXT, _("The funder"), "Provincie Limburg", attr("funder_name")),
        Field(
            "funder",
            TERM,
            _("The funder's supporter profile, when it has one"),
            "provincie-limburg",
            lambda obj: named(obj.funder),
            nullable=True,
        ),
        Field(
            "description",
            TEXT,
            _("What it funds"),
            "Projecten tegen energiearmoede.",
            attr("description"),
        ),
        Field(
            "instrument",
            TERM,
            _("Funding instrument"),
            "grant",
            lambda obj: term(vocabulary.Instrument, obj.instrument),
        ),
        Field(
            "amount_min",
            INTEGER,
            _("Minimum amount in EUR"),
            "5000",
            attr("amount_min"),
            nullable=True,
        ),
        Field(
            "amount_max",
            INTEGER,
            _("Maximum amount in EUR"),
            "50000",
            attr("amount_max"),
            nullable=True,
        ),
        Field(
            "opens_on",
            DATE,
            _("Opening date (ISO 8601)"),
            "2026-01-15",
            lambda obj: date_text(obj.opens_on),
            nullable=True,
        ),
        Field(
            "deadline",
            DATE,
            _("Deadline (ISO 8601); empty for a rolling call"),
            "2026-06-30",
            lambda obj: date_text(obj.deadline),
            nullable=True,
        ),
        Field(
            "eligible_roles",
            TERMS,
            _("Helix roles that may apply"),
            "civil_society",
            codes(vocabulary.HelixRole, "eligible_roles"),
        ),
        Field("stages", TERMS, _("Stages it funds"), "insight", codes(vocabulary.Stage, "stages")),
        challenges_field(_("Challenges")),
        themes_field(_("Themes")),
        regions_field(_("Regions")),
        Field(
            "official_url",
            URL,
            _("The funder's official page"),
            "https://example.org/call",
            attr("url"),
        ),
        published_field(),
    ],
)

CHALLENGES = OpenKind(
    name="challenges",
    label=_("Challenges"),
    model=Challenge,
    list_view=ChallengeListView,
    queryset=lambda: Challenge.objects.active().select_related("theme"),
    fields=[
        slug_field("energy-poverty-tenants"),
        Field("name_nl", TEXT, _("Name in Dutch"), "Energiearmoede bij huurders", attr("name_nl")),
        Field(
            "name_en", TEXT, _("Name in English"), "Energy poverty among tenants", attr("name_en")
        ),
        url_field("https://hubsi.be/challenges/energy-poverty-tenants/"),
        Field(
            "description_nl",
            TEXT,
            _("Description in Dutch"),
            "Wie huurt, ...",
            attr("description_nl"),
        ),
        Field(
            "description_en",
            TEXT,
            _("Description in English"),
            "Tenants ...",
            attr("description_en"),
        ),
        Field(
            "theme",
            TERM,
            _("The theme it belongs to"),
            "housing",
            lambda obj: bilingual(obj.theme),
        ),
    ],
)


def learning_structured_data(obj) -> dict:
    """An Event with dates; a self-paced offer (no dates) is a Course."""
    event = obj.start_date is not None or obj.end_date is not None
    data = {
        "@type": "Event" if event else "Course",
        "name": obj.name,
        "description": obj.description,
        "url": page_url(obj),
        "inLanguage": obj.language,
        # An Event's organiser, a Course's provider: the same supporter.
        ("organizer" if event else "provider"): {
            "@type": "Organization",
            "name": obj.provider.name,
        },
        "isAccessibleForFree": obj.is_free,
    }
    if event:
        data["startDate"] = date_text(obj.start_date or obj.end_date)
        data["endDate"] = date_text(obj.end_date or obj.start_date)
        data["eventAttendanceMode"] = "https://schema.org/" + (
            "OnlineEventAttendanceMode" if obj.online else "OfflineEventAttendanceMode"
        )
        place = named(obj.space) if obj.space else None
        if obj.online:
            data["location"] = {"@type": "VirtualLocation", "url": page_url(obj)}
        elif place or obj.location:
            data["location"] = {
                "@type": "Place",
                "name": place["label_nl"] if place else obj.location,
            }
    if obj.price:
        data["offers"] = {
            "@type": "Offer",
            "price": str(obj.price),
            "priceCurrency": "EUR",
            **({"url": obj.registration_url} if obj.registration_url else {}),
        }
    return data


LEARNING = OpenKind(
    name="learning",
    label=_("Learning offers"),
    model=LearningOffer,
    list_view=LearningListView,
    queryset=lambda: LearningOffer.objects.published().for_detail(),
    current=lambda queryset: queryset.current(),
    summary=lambda obj: obj.description,
    language=lambda obj: obj.language,
    structured_data=learning_structured_data,
    fields=[
        slug_field("samen-experimenteren-genk"),
        Field("name", TEXT, _("Name of the learning offer"), "Samen experimenteren", attr("name")),
        url_field("https://hubsi.be/learning/samen-experimenteren-genk/"),
        Field("language", TEXT, _("Language of the texts: nl or en"), "nl", attr("language")),
        Field(
            "provider",
            TERM,
            _("The supporter that offers it"),
            "energiehuis-limburg",
            lambda obj: named(obj.provider),
        ),
        Field(
            "description",
            TEXT,
            _("What you learn"),
            "Samen leren experimenteren met bewoners.",
            attr("description"),
        ),
        Field(
            "format",
            TERM,
            _("Format"),
            "workshop",
            lambda obj: term(vocabulary.LearningFormat, obj.format),
        ),
        Field(
            "competences",
            TERMS,
            _("Competences it strengthens"),
            "co_creation",
            codes(vocabulary.Competence, "competences"),
        ),
        Field("stages", TERMS, _("Stages it suits"), "insight", codes(vocabulary.Stage, "stages")),
        challenges_field(_("Challenges")),
        themes_field(_("Themes")),
        regions_field(_("Regions")),
        Field(
            "audiences",
            TERMS,
            _("Who it is for (helix roles)"),
            "government",
            codes(vocabulary.HelixRole, "audiences"),
        ),
        Field(
            "place",
            TERM,
            _("The experimentation place where it happens, when it has one"),
            "proefwoning-genk",
            lambda obj: named(obj.space),
            nullable=True,
        ),
        Field("location", TEXT, _("Where"), "Genk", attr("location")),
        Field("online", BOOLEAN, _("Online"), "false", attr("online")),
        Field(
            "start_date",
            DATE,
            _("Start date (ISO 8601); empty for a self-paced offer"),
            "2026-09-15",
            lambda obj: date_text(obj.start_date),
            nullable=True,
        ),
        Field(
            "end_date",
            DATE,
            _("End date (ISO 8601)"),
            "2026-09-16",
            lambda obj: date_text(obj.end_date),
            nullable=True,
        ),
        Field(
            "registration_deadline",
            DATE,
            _("Registration deadline (ISO 8601)"),
            "2026-09-01",
            lambda obj: date_text(obj.registration_deadline),
            nullable=True,
        ),
        Field(
            "price",
            TEXT,
            _("Price in EUR, with two decimals; empty when it is free"),
            "25.00",
            lambda obj: f"{obj.price:.2f}" if obj.price else None,
            nullable=True,
        ),
        Field("free", BOOLEAN, _("Free"), "true", attr("is_free")),
        Field(
            "price_note",
            TEXT,
            _("Reductions"),
            "Gratis voor burgers.",
            attr("price_note"),
        ),
        Field(
            "registration_url",
            URL,
            _("Where to register"),
            "https://example.org/inschrijven",
            attr("registration_url"),
        ),
        published_field(),
    ],
)


PRACTICE_TEXTS = [
    ("name", _("Name"), "Sociale aankopen", "Social procurement"),
    ("summary", _("Summary"), "De overheid koopt sociaal aan.", "Government buys socially."),
    ("what", _("What it is"), "Een werkwijze ...", "A way of working ..."),
    ("when", _("When it fits"), "Als ...", "When ..."),
    ("how", _("How to start"), "Begin met ...", "Start with ..."),
    ("pitfalls", _("Pitfalls"), "Let op ...", "Watch out for ..."),
]


def practice_text_fields() -> list[Field]:
    fields = []
    for name, label, example_nl, example_en in PRACTICE_TEXTS:
        fields += [
            Field(
                f"{name}_nl",
                TEXT,
                format_lazy("{label} ({language})", label=label, language=_("Dutch")),
                example_nl,
                attr(f"{name}_nl"),
            ),
            Field(
                f"{name}_en",
                TEXT,
                format_lazy("{label} ({language})", label=label, language=_("English")),
                example_en,
                attr(f"{name}_en"),
            ),
        ]
    return fields


PRACTICES = OpenKind(
    name="practices",
    label=_("Practices"),
    model=Practice,
    list_view=PracticeListView,
    queryset=lambda: Practice.objects.active().for_detail(),
    fields=[
        slug_field("social-procurement"),
        *practice_text_fields()[:2],
        url_field("https://hubsi.be/practices/social-procurement/"),
        *practice_text_fields()[2:],
        Field(
            "roles",
            TERMS,
            _("Helix roles it brings together"),
            "government",
            codes(vocabulary.HelixRole, "roles"),
        ),
        Field(
            "instruments",
            TERMS,
            _("Funding instruments"),
            "grant",
            codes(vocabulary.Instrument, "instruments"),
        ),
        Field("stages", TERMS, _("Stages"), "insight", codes(vocabulary.Stage, "stages")),
        challenges_field(_("Challenges")),
        themes_field(_("Themes")),
    ],
)

KINDS: dict[str, OpenKind] = {
    kind.name: kind
    for kind in (INNOVATIONS, CHALLENGES, SUPPORTERS, SPACES, FUNDING, LEARNING, PRACTICES)
}


def represent(kind: OpenKind, obj) -> dict:
    return {f.name: f.value(obj) for f in kind.fields}
