"""The platform's stable vocabulary. Codes never change; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    AWARENESS = "awareness", _("Awareness")
    INSIGHT = "insight", _("Insight")
    PROBLEM_ANALYSIS = "problem_analysis", _("Problem analysis")
    NETWORK_BUILDING = "network_building", _("Network and ecosystem building")
    CO_CREATION = "co_creation", _("Co-creation and production")
    SCALING = "scaling", _("Scaling")


class HelixRole(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge institution")
    BUSINESS = "business", _("Business")
    CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
    CITIZEN = "citizen", _("Citizen or citizens' collective")
    GOVERNMENT = "government", _("Government")
    FINANCIER = "financier", _("Financier")


class SupportType(models.TextChoices):
    COACHING = "coaching", _("Coaching")
    FUNDING = "funding", _("Funding")
    SPACE = "space", _("Experimentation place")
    NETWORK = "network", _("Partners and contacts")
    KNOWLEDGE = "knowledge", _("Research, data and evaluation")
    TRAINING = "training", _("Training and skills")
    LEGAL = "legal", _("Legal and administrative help")
    PROCUREMENT = "procurement", _("Government as customer or partner")
    VISIBILITY = "visibility", _("Visibility")
    SCALING = "scaling", _("Scaling, also internationally")


class Region(models.TextChoices):
    ANTWERP = "antwerp", _("Antwerp")
    LIMBURG = "limburg", _("Limburg")
    EAST_FLANDERS = "east_flanders", _("East Flanders")
    FLEMISH_BRABANT = "flemish_brabant", _("Flemish Brabant")
    WEST_FLANDERS = "west_flanders", _("West Flanders")
    BRUSSELS = "brussels", _("Brussels")
    FLANDERS = "flanders", _("All of Flanders")
    BELGIUM = "belgium", _("Belgium")
    EUROPE = "europe", _("Europe")


class Instrument(models.TextChoices):
    GRANT = "grant", _("Grant")
    LOAN = "loan", _("Loan")
    EQUITY = "equity", _("Equity")
    PRIZE = "prize", _("Prize")
    PROCUREMENT = "procurement", _("Public procurement")
    CROWDFUNDING = "crowdfunding", _("Crowdfunding")
    CITIZEN_BUDGET = "citizen_budget", _("Citizens' budget")
    IN_KIND = "in_kind", _("In kind")


class Competence(models.TextChoices):
    """What a learning offer strengthens: the competences for social innovation."""

    PROBLEM_EXPLORATION = "problem_exploration", _("Understanding the problem")
    SYSTEMS_THINKING = "systems_thinking", _("Systems thinking")
    CO_CREATION = "co_creation", _("Co-creation and participation")
    EXPERIMENTATION = "experimentation", _("Prototyping and testing")
    PARTNERSHIPS = "partnerships", _("Building unusual partnerships")
    IMPACT = "impact", _("Measuring and telling impact")
    BUSINESS_MODEL = "business_model", _("Revenue and financing")
    SCALING = "scaling", _("Scaling, also internationally")
    INTRAPRENEURSHIP = "intrapreneurship", _("Social innovation inside an organisation")
    POLICY = "policy", _("Working with and inside government")
    DIGITAL = "digital", _("Digital skills")
    LEADERSHIP = "leadership", _("Leading change, collaboration and communication")


class LearningFormat(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    WORKSHOP = "workshop", _("Workshop")
    COURSE = "course", _("Course, online or self-paced")
    EVENT = "event", _("Event")
    PEER_LEARNING = "peer_learning", _("Peer learning")
    COACHING_TRACK = "coaching_track", _("Coaching track")


class ContentLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


_PROVINCE_PARENTS = [Region.FLANDERS, Region.BELGIUM, Region.EUROPE]
_WIDER = {
    Region.ANTWERP: _PROVINCE_PARENTS,
    Region.LIMBURG: _PROVINCE_PARENTS,
    Region.EAST_FLANDERS: _PROVINCE_PARENTS,
    Region.FLEMISH_BRABANT: _PROVINCE_PARENTS,
    Region.WEST_FLANDERS: _PROVINCE_PARENTS,
    Region.BRUSSELS: [Region.BELGIUM, Region.EUROPE],
    Region.FLANDERS: [Region.BELGIUM, Region.EUROPE],
    Region.BELGIUM: [Region.EUROPE],
    Region.EUROPE: [],
}


def regions_covering(codes) -> set[str]:
    """The given regions plus every wider area that contains one of them.

    Filtering on Limburg also finds what serves all of Flanders, Belgium or Europe.
    """
    covering = set()
    for code in codes:
        covering.add(str(code))
        covering.update(str(wider) for wider in _WIDER[Region(code)])
    return covering
