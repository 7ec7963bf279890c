"""Fictional Flemish demo content for HUBSI, and synthetic volume for performance work.

`seed_demo` creates a fixed, hand-written set of themes, challenges, innovations, supporters,
experimentation places and funding opportunities (in Dutch, a few innovations in English).
It is idempotent: items are keyed by slug and existing ones are never touched.

`--innovations N` (and `--supporters`, `--spaces`, `--funding`) then top the *published*
content up to N with generated rows: fragments of Dutch text combined with a fixed random seed,
inserted with bulk_create (main rows and many-to-many through rows) so 100,000 innovations take
minutes, not hours.

All names, organisations and addresses are invented; websites and emails use `.example`.
"""

import datetime
import random
import time
from collections.abc import Callable, Iterable, Sequence

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from funding.models import FundingOpportunity, today
from hubsi import vocabulary
from hubsi.models import Region, Status
from hubsi.search import reindex, searchable_models
from innovations.models import Challenge, Innovation, Theme
from supporters.models import ExperimentationSpace, Supporter

# (slug, name_nl, name_en, description_nl, description_en)
THEMES = [
    (
        "armoede-en-inclusie",
        "Armoede en inclusie",
        "Poverty and inclusion",
        (
            "Iedereen moet volwaardig kunnen meedoen: met een inkomen om van te leven, toegang tot "
            "zijn rechten en een plek in de samenleving."
        ),
        (
            "Everyone should be able to take part fully: with an income to live on, access to "
            "their rights and a place in society."
        ),
    ),
    (
        "werk",
        "Werk",
        "Work",
        (
            "Werkbaar en duurzaam werk voor wie vandaag aan de kant staat, en werkplekken die "
            "mensen niet uitputten."
        ),
        (
            "Workable, lasting jobs for people who are left out today, and workplaces that do not "
            "wear people out."
        ),
    ),
    (
        "zorg",
        "Zorg",
        "Care",
        (
            "Zorg en welzijn dicht bij mensen: in de buurt, met aandacht voor mantelzorgers en "
            "voor wie alleen is."
        ),
        (
            "Care and well-being close to people: in the neighbourhood, with attention for "
            "informal carers and for those who are alone."
        ),
    ),
    (
        "wonen",
        "Wonen",
        "Housing",
        "Betaalbare, gezonde en energiezuinige woningen, en een dak boven ieders hoofd.",
        "Affordable, healthy and energy-efficient homes, and a roof over everyone's head.",
    ),
    (
        "klimaat-en-circulariteit",
        "Klimaat en circulariteit",
        "Climate and circularity",
        (
            "Een rechtvaardige klimaattransitie: minder verspilling, hergebruik van spullen en "
            "energie van en voor de buurt."
        ),
        (
            "A just climate transition: less waste, re-use of goods and energy owned by and for "
            "the neighbourhood."
        ),
    ),
    (
        "onderwijs",
        "Onderwijs",
        "Education",
        "Gelijke onderwijskansen en levenslang leren, ook voor wie de school vroeg verliet.",
        (
            "Equal opportunities in education and lifelong learning, also for those who left "
            "school early."
        ),
    ),
    (
        "gezondheid",
        "Gezondheid",
        "Health",
        "Gezondheid en mentaal welzijn voor iedereen, ongeacht wijk, inkomen of achtergrond.",
        (
            "Health and mental well-being for everyone, whatever their neighbourhood, income or "
            "background."
        ),
    ),
    (
        "mobiliteit",
        "Mobiliteit",
        "Mobility",
        "Veilige, betaalbare en duurzame verplaatsingen, ook buiten de steden.",
        "Safe, affordable and sustainable travel, also outside the cities.",
    ),
    (
        "diversiteit",
        "Diversiteit",
        "Diversity",
        "Een samenleving waarin afkomst, beperking, gender of leeftijd geen drempel vormen.",
        "A society in which origin, disability, gender or age are no barrier.",
    ),
    (
        "democratie-en-participatie",
        "Democratie en participatie",
        "Democracy and participation",
        "Inwoners die mee beslissen over hun buurt en gemeente, en een overheid die luistert.",
        (
            "Residents who help decide about their neighbourhood and municipality, and a "
            "government that listens."
        ),
    ),
    (
        "voeding",
        "Voeding",
        "Food",
        "Gezonde, betaalbare en lokale voeding, en minder voedsel dat verloren gaat.",
        "Healthy, affordable and local food, and less food that goes to waste.",
    ),
    (
        "digitale-inclusie",
        "Digitale inclusie",
        "Digital inclusion",
        (
            "Niemand blijft achter in een digitale samenleving: toegang, vaardigheden en diensten "
            "die voor iedereen werken."
        ),
        (
            "Nobody is left behind in a digital society: access, skills and services that work for "
            "everyone."
        ),
    ),
]


# (theme slug, slug, name_nl, name_en, description_nl, description_en)
CHALLENGES = [
    (
        "armoede-en-inclusie",
        "energiearmoede-bij-huurders",
        "Energiearmoede bij huurders",
        "Energy poverty among tenants",
        (
            "Huurders in slecht geïsoleerde woningen betalen een groot deel van hun inkomen aan "
            "energie, zonder zelf te kunnen renoveren."
        ),
        (
            "Tenants in poorly insulated homes spend a large share of their income on energy, "
            "without being able to renovate themselves."
        ),
    ),
    (
        "armoede-en-inclusie",
        "kinderarmoede",
        "Kinderarmoede",
        "Child poverty",
        (
            "Een op de acht kinderen groeit op in een gezin met te weinig inkomen, met gevolgen "
            "voor gezondheid, school en vrije tijd."
        ),
        (
            "One child in eight grows up in a family with too little income, with consequences for "
            "health, school and leisure."
        ),
    ),
    (
        "armoede-en-inclusie",
        "niet-gebruik-van-sociale-rechten",
        "Niet-gebruik van sociale rechten",
        "Non-take-up of social rights",
        (
            "Veel mensen krijgen tegemoetkomingen en tarieven waar ze recht op hebben niet, omdat "
            "ze ze niet kennen of de aanvraag te ingewikkeld is."
        ),
        (
            "Many people miss benefits and reduced rates they are entitled to, because they do not "
            "know them or applying is too complicated."
        ),
    ),
    (
        "armoede-en-inclusie",
        "problematische-schulden",
        "Problematische schulden",
        "Problem debt",
        (
            "Betalingsachterstanden lopen snel op door incassokosten, en hulp komt vaak pas als de "
            "schulden onbeheersbaar zijn."
        ),
        (
            "Arrears grow quickly through collection costs, and help often comes only when the "
            "debt is out of control."
        ),
    ),
    (
        "werk",
        "langdurige-werkloosheid",
        "Langdurige werkloosheid",
        "Long-term unemployment",
        (
            "Wie lang zonder werk is, verliest ritme, netwerk en zelfvertrouwen, terwijl "
            "werkgevers personeel zoeken."
        ),
        (
            "People who are out of work for a long time lose routine, network and confidence, "
            "while employers look for staff."
        ),
    ),
    (
        "werk",
        "uitval-door-burn-out",
        "Uitval door burn-out en werkdruk",
        "Dropout through burnout and work pressure",
        (
            "Steeds meer werknemers vallen langdurig uit door stress en burn-out, en terugkeer "
            "naar het werk mislukt vaak."
        ),
        (
            "More and more employees drop out for long periods through stress and burnout, and "
            "returning to work often fails."
        ),
    ),
    (
        "werk",
        "nieuwkomers-op-de-arbeidsmarkt",
        "Nieuwkomers op de arbeidsmarkt",
        "Newcomers in the labour market",
        (
            "Nieuwkomers werken vaak ver onder hun kunnen door taal, diplomaerkenning en een "
            "ontbrekend netwerk."
        ),
        (
            "Newcomers often work far below their abilities because of language, diploma "
            "recognition and a missing network."
        ),
    ),
    (
        "zorg",
        "eenzaamheid-bij-ouderen",
        "Eenzaamheid bij ouderen",
        "Loneliness among the elderly",
        (
            "Veel ouderen die alleen wonen, spreken dagenlang niemand; eenzaamheid blijft "
            "onzichtbaar tot er een crisis is."
        ),
        (
            "Many older people who live alone speak to nobody for days; loneliness stays invisible "
            "until there is a crisis."
        ),
    ),
    (
        "zorg",
        "overbelaste-mantelzorgers",
        "Overbelaste mantelzorgers",
        "Overburdened informal carers",
        (
            "Mantelzorgers zorgen jarenlang voor een naaste, vaak naast hun werk, en raken "
            "uitgeput zonder dat iemand het merkt."
        ),
        (
            "Informal carers look after someone close for years, often next to their job, and "
            "become exhausted without anyone noticing."
        ),
    ),
    (
        "zorg",
        "zorg-dicht-bij-huis",
        "Zorg dicht bij huis",
        "Care close to home",
        (
            "Zorg is georganiseerd per aanbieder in plaats van per buurt, waardoor kwetsbare "
            "bewoners tussen de mazen van het net vallen."
        ),
        (
            "Care is organised by provider rather than by neighbourhood, so vulnerable residents "
            "slip through the net."
        ),
    ),
    (
        "wonen",
        "tekort-aan-betaalbare-woningen",
        "Tekort aan betaalbare woningen",
        "Shortage of affordable housing",
        (
            "Wachtlijsten voor sociale woningen zijn jaren lang en de private huurmarkt is "
            "onbetaalbaar voor lage en middeninkomens."
        ),
        (
            "Waiting lists for social housing are years long and the private rental market is "
            "unaffordable for low and middle incomes."
        ),
    ),
    (
        "wonen",
        "dakloosheid-bij-jongeren",
        "Dakloosheid bij jongeren",
        "Youth homelessness",
        (
            "Jongeren die de jeugdhulp verlaten of thuis weg moeten, belanden op straat of op de "
            "bank bij vrienden."
        ),
        (
            "Young people who leave youth care or have to leave home end up on the street or on "
            "friends' sofas."
        ),
    ),
    (
        "wonen",
        "renovatie-van-verouderde-woningen",
        "Renovatie van verouderde woningen",
        "Renovating outdated homes",
        (
            "Eigenaars en huurders met een klein budget wonen in oude, koude woningen en vinden de "
            "weg naar renovatie niet."
        ),
        (
            "Owners and tenants on a small budget live in old, cold homes and cannot find their "
            "way to renovation."
        ),
    ),
    (
        "klimaat-en-circulariteit",
        "hittestress-in-dichtbebouwde-wijken",
        "Hittestress in dichtbebouwde wijken",
        "Heat stress in dense neighbourhoods",
        (
            "Versteende wijken warmen in de zomer sterk op; ouderen en jonge kinderen in kleine "
            "woningen lijden er het meest onder."
        ),
        (
            "Paved-over neighbourhoods heat up strongly in summer; older people and young children "
            "in small homes suffer most."
        ),
    ),
    (
        "klimaat-en-circulariteit",
        "circulair-gebruik-van-spullen",
        "Circulair gebruik van spullen",
        "Circular use of goods",
        (
            "Spullen worden weinig gebruikt en snel weggegooid, terwijl delen en herstellen geld "
            "en grondstoffen besparen."
        ),
        (
            "Goods are little used and quickly thrown away, while sharing and repairing save money "
            "and raw materials."
        ),
    ),
    (
        "klimaat-en-circulariteit",
        "lokale-hernieuwbare-energie",
        "Lokale hernieuwbare energie",
        "Local renewable energy",
        (
            "Huurders en mensen zonder eigen dak kunnen niet mee in de energietransitie; "
            "energiegemeenschappen kunnen dat veranderen."
        ),
        (
            "Tenants and people without a roof of their own are left out of the energy transition; "
            "energy communities can change that."
        ),
    ),
    (
        "onderwijs",
        "vroegtijdig-schoolverlaten",
        "Vroegtijdig schoolverlaten",
        "Early school leaving",
        (
            "Jongeren die zonder diploma de school verlaten, vinden moeilijk werk en verliezen het "
            "vertrouwen in instellingen."
        ),
        (
            "Young people who leave school without a diploma struggle to find work and lose trust "
            "in institutions."
        ),
    ),
    (
        "onderwijs",
        "laaggeletterdheid-bij-volwassenen",
        "Laaggeletterdheid bij volwassenen",
        "Low literacy among adults",
        (
            "Een op de zeven volwassenen leest en schrijft moeilijk en raakt achter in een "
            "samenleving vol formulieren en schermen."
        ),
        (
            "One adult in seven struggles with reading and writing and falls behind in a society "
            "full of forms and screens."
        ),
    ),
    (
        "onderwijs",
        "ongelijke-onderwijskansen",
        "Ongelijke onderwijskansen",
        "Unequal opportunities in education",
        (
            "De thuissituatie van een kind bepaalt in Vlaanderen nog sterk hoe ver het op school "
            "geraakt."
        ),
        "In Flanders a child's background still largely decides how far it gets at school.",
    ),
    (
        "gezondheid",
        "mentaal-welzijn-van-jongeren",
        "Mentaal welzijn van jongeren",
        "Mental well-being of young people",
        (
            "Steeds meer jongeren kampen met angst en somberheid, en de wachtlijsten voor hulp "
            "zijn lang."
        ),
        (
            "More and more young people struggle with anxiety and low mood, and waiting lists for "
            "help are long."
        ),
    ),
    (
        "gezondheid",
        "gezondheidskloof-tussen-wijken",
        "Gezondheidskloof tussen wijken",
        "Health gap between neighbourhoods",
        (
            "Tussen wijken van dezelfde stad verschilt de levensverwachting soms jaren, door "
            "wonen, inkomen en toegang tot zorg."
        ),
        (
            "Life expectancy sometimes differs by years between neighbourhoods of one city, "
            "through housing, income and access to care."
        ),
    ),
    (
        "mobiliteit",
        "vervoersarmoede",
        "Vervoersarmoede",
        "Transport poverty",
        (
            "Wie geen auto heeft en slecht bediend wordt door het openbaar vervoer, mist kansen op "
            "werk, zorg en een sociaal leven."
        ),
        (
            "People without a car and with poor public transport miss out on jobs, care and a "
            "social life."
        ),
    ),
    (
        "mobiliteit",
        "onveilige-schoolroutes",
        "Onveilige schoolroutes",
        "Unsafe routes to school",
        (
            "Kinderen kunnen niet zelfstandig naar school fietsen of stappen omdat de route te "
            "gevaarlijk is."
        ),
        "Children cannot cycle or walk to school on their own because the route is too dangerous.",
    ),
    (
        "diversiteit",
        "discriminatie-op-de-huurmarkt",
        "Discriminatie op de huurmarkt",
        "Discrimination in the rental market",
        (
            "Kandidaat-huurders worden geweigerd om hun naam, afkomst of inkomensbron, en kunnen "
            "dat moeilijk bewijzen."
        ),
        (
            "Prospective tenants are turned down because of their name, origin or source of "
            "income, and can hardly prove it."
        ),
    ),
    (
        "diversiteit",
        "discriminatie-op-de-arbeidsmarkt",
        "Ongelijke kansen op werk door afkomst",
        "Unequal job opportunities by origin",
        (
            "Bij gelijke diploma's en ervaring worden kandidaten met een migratieachtergrond "
            "minder vaak uitgenodigd."
        ),
        (
            "With equal diplomas and experience, candidates with a migration background are "
            "invited less often."
        ),
    ),
    (
        "diversiteit",
        "toegankelijkheid-voor-mensen-met-een-beperking",
        "Toegankelijkheid voor mensen met een beperking",
        "Accessibility for people with disabilities",
        (
            "Gebouwen, diensten en evenementen zijn vaak niet toegankelijk, waardoor mensen met "
            "een beperking thuis blijven."
        ),
        (
            "Buildings, services and events are often not accessible, so people with disabilities "
            "stay at home."
        ),
    ),
    (
        "democratie-en-participatie",
        "betrokkenheid-bij-lokaal-beleid",
        "Lage betrokkenheid bij lokaal beleid",
        "Low involvement in local policy",
        (
            "Inspraak bereikt steeds dezelfde mensen; jongeren, nieuwkomers en mensen in armoede "
            "worden zelden gehoord."
        ),
        (
            "Participation reaches the same people every time; young people, newcomers and people "
            "in poverty are rarely heard."
        ),
    ),
    (
        "democratie-en-participatie",
        "polarisatie-en-wantrouwen",
        "Polarisatie en wantrouwen",
        "Polarisation and distrust",
        (
            "Groepen leven naast elkaar zonder elkaar te kennen, en kleine conflicten groeien uit "
            "tot wantrouwen."
        ),
        (
            "Groups live side by side without knowing each other, and small conflicts grow into "
            "distrust."
        ),
    ),
    (
        "voeding",
        "voedselonzekerheid-bij-gezinnen",
        "Voedselonzekerheid bij gezinnen",
        "Food insecurity among families",
        (
            "Steeds meer gezinnen, ook werkende, hebben op het einde van de maand te weinig geld "
            "voor gezond eten."
        ),
        (
            "More and more families, including working ones, lack money for healthy food at the "
            "end of the month."
        ),
    ),
    (
        "voeding",
        "voedselverspilling",
        "Voedselverspilling",
        "Food waste",
        "Bij boeren, veilingen, winkels en gezinnen gaat elke dag eetbaar voedsel verloren.",
        "Edible food is lost every day at farms, auctions, shops and in households.",
    ),
    (
        "voeding",
        "toegang-tot-lokale-gezonde-voeding",
        "Toegang tot lokale, gezonde voeding",
        "Access to local, healthy food",
        (
            "Lokale groenten zijn duur of moeilijk te vinden, terwijl boeren uit de streek te "
            "weinig verdienen."
        ),
        (
            "Local vegetables are expensive or hard to find, while farmers in the region earn too "
            "little."
        ),
    ),
    (
        "digitale-inclusie",
        "digitale-kloof-bij-ouderen",
        "Digitale kloof bij ouderen",
        "Digital divide among older people",
        (
            "Bankieren, afspraken en attesten gaan online; ouderen zonder digitale hulp worden "
            "afhankelijk of vallen uit de boot."
        ),
        (
            "Banking, appointments and certificates move online; older people without digital help "
            "become dependent or left out."
        ),
    ),
    (
        "digitale-inclusie",
        "ontoegankelijke-digitale-overheidsdiensten",
        "Ontoegankelijke digitale overheidsdiensten",
        "Inaccessible digital public services",
        (
            "Online formulieren van de overheid zijn voor veel mensen te ingewikkeld, waardoor ze "
            "rechten mislopen of boetes krijgen."
        ),
        (
            "Online government forms are too complicated for many people, so they miss out on "
            "rights or get fined."
        ),
    ),
]


# Published innovations; `site` gives the fictional website and contact address.
# Every stage, region and helix role occurs; three are featured, four are in English.
INNOVATIONS = [
    {
        "name": "Warm Wonen Genk",
        "org": "Buurtcollectief Warm Wonen Genk",
        "role": "citizen",
        "stage": "co_creation",
        "regions": ["limburg"],
        "challenges": ["energiearmoede-bij-huurders", "renovatie-van-verouderde-woningen"],
        "partners": ["citizen", "civil_society"],
        "needs": ["coaching", "funding", "procurement"],
        "wanted": ["government", "business"],
        "site": "warmwonen",
        "tagline": "Huurders maken samen hun woning warm, zonder dat de huur stijgt.",
        "problem": (
            "Huurders in oude, slecht geïsoleerde woningen in Genk betalen een groot deel van hun "
            "inkomen aan energie. Ze durven hun verhuurder niet aan te spreken en vinden de weg "
            "naar premies niet."
        ),
        "systemic": (
            "Verhuurders investeren niet omdat de huurder de energiefactuur betaalt, en premies "
            "zijn gericht op eigenaars en vragen veel papierwerk. Zo voelt niemand zich "
            "verantwoordelijk."
        ),
        "approach": (
            "Energiebuddy's uit de buurt bezoeken huurders, doen kleine ingrepen zoals tochtstrips "
            "en radiatorfolie, en bemiddelen met verhuurders over renovatie, met een afspraak over "
            "de huurprijs."
        ),
        "target": "Huurders met een laag inkomen in de Genkse cités.",
        "impact": (
            "120 huishoudens bezocht, gemiddeld 18% minder energieverbruik; 14 verhuurders "
            "engageerden zich tot renovatie."
        ),
        "featured": True,
    },
    {
        "name": "Zilverdraad",
        "org": "Zilverdraad vzw",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["antwerp", "flemish_brabant"],
        "challenges": ["eenzaamheid-bij-ouderen", "digitale-kloof-bij-ouderen"],
        "partners": ["civil_society", "government", "citizen"],
        "needs": ["scaling", "funding", "knowledge"],
        "wanted": ["business", "financier"],
        "site": "zilverdraad",
        "tagline": "Een vast telefoongesprek per week dat uitgroeit tot een netwerk in de buurt.",
        "problem": (
            "Veel ouderen die alleen wonen, spreken dagenlang niemand. Eenzaamheid blijft "
            "onzichtbaar tot er een crisis is, en dan is de zorg duur en laat."
        ),
        "systemic": (
            "Diensten werken per sector: de thuiszorg ziet de oudere, de sociale dienst het "
            "dossier, de buurt niets. Niemand heeft de opdracht om verbinding te maken."
        ),
        "approach": (
            "Vrijwilligers bellen wekelijks met een vaste oudere en nodigen na enkele maanden uit "
            "voor activiteiten in het lokaal dienstencentrum. Huisartsen en apothekers verwijzen "
            "door."
        ),
        "target": "Thuiswonende 75-plussers met weinig sociaal contact.",
        "impact": (
            "Actief in 9 gemeenten met 340 vrijwilligers; 71% van de deelnemers voelt zich na een "
            "jaar minder eenzaam (eigen meting bij 410 deelnemers)."
        ),
        "featured": True,
    },
    {
        "name": "Rechtenverkenner",
        "org": "Welzijnsvereniging Denderland",
        "role": "government",
        "stage": "co_creation",
        "regions": ["east_flanders"],
        "challenges": ["niet-gebruik-van-sociale-rechten", "problematische-schulden"],
        "partners": ["government", "civil_society"],
        "needs": ["legal", "knowledge", "scaling"],
        "wanted": ["knowledge", "citizen"],
        "site": "rechtenverkenner",
        "tagline": "Rechten automatisch toekennen in plaats van ze te laten aanvragen.",
        "problem": (
            "Veel gezinnen in de Denderstreek hebben recht op een verhoogde tegemoetkoming, een "
            "schooltoelage of een sociaal tarief, maar vragen die nooit aan. De formulieren zijn "
            "ingewikkeld en de schaamte is groot."
        ),
        "systemic": (
            "Elke dienst controleert zijn eigen voorwaarden met eigen formulieren. Gegevens die de "
            "overheid al heeft, worden niet gedeeld, waardoor de last bij de burger ligt."
        ),
        "approach": (
            "Met toestemming van de burger koppelen we bestaande gegevens om rechten proactief toe "
            "te kennen. Straathoekwerkers en ervaringsdeskundigen testen elke stap mee."
        ),
        "target": "Gezinnen met een laag inkomen die geen beroep doen op hun sociale rechten.",
        "impact": "Proef met 250 gezinnen: 61 kregen minstens één recht dat ze voordien misliepen.",
    },
    {
        "name": "Budgetmaatjes Kortrijk",
        "org": "Budgetmaatjes Kortrijk vzw",
        "role": "civil_society",
        "stage": "network_building",
        "regions": ["west_flanders"],
        "challenges": ["problematische-schulden"],
        "partners": ["civil_society", "citizen"],
        "needs": ["network", "training", "funding"],
        "wanted": ["business", "government"],
        "site": "budgetmaatjes",
        "tagline": "Een vrijwillige budgetmaat voor wie de enveloppen niet meer durft te openen.",
        "problem": (
            "Mensen met beginnende schulden zoeken pas hulp als de deurwaarder aan de deur staat. "
            "Tegen dan zijn de kosten vaak verdubbeld en is de schaamte nog groter."
        ),
        "systemic": (
            "Incassokosten stapelen zich snel op, schuldhulp heeft lange wachtlijsten en start pas "
            "bij zware dossiers. Vroege signalen bij verhuurders, energieleveranciers en "
            "werkgevers worden niet opgevangen."
        ),
        "approach": (
            "Getrainde vrijwilligers helpen wekelijks met de post, betaalplannen en het contact "
            "met schuldeisers. Werkgevers en energieleveranciers verwijzen vroeg door."
        ),
        "target": "Werkende alleenstaanden en gezinnen met een beginnende betalingsachterstand.",
        "impact": (
            "85 trajecten gestart; bij zeven op de tien werd een gerechtelijke procedure vermeden."
        ),
    },
    {
        "name": "Zichtbaar Kind",
        "org": "Kinderrechtenkring Rupelstreek",
        "role": "civil_society",
        "stage": "awareness",
        "regions": ["antwerp"],
        "challenges": ["kinderarmoede", "ongelijke-onderwijskansen"],
        "partners": ["civil_society", "citizen"],
        "needs": ["visibility", "training", "network"],
        "wanted": ["government", "knowledge"],
        "site": "zichtbaarkind",
        "tagline": "Scholen en sportclubs leren kinderarmoede herkennen zonder te stigmatiseren.",
        "problem": (
            "Leerkrachten en trainers merken vaak niet dat een kind in armoede leeft: het zegt "
            "nooit dat er geen geld is voor de schoolreis of de voetbalschoenen. Kinderen haken "
            "stil af."
        ),
        "systemic": (
            "Kosten voor school en vrije tijd worden versnipperd aangerekend, en kortingen vragen "
            "een attest dat ouders niet graag tonen. Verenigingen weten niet waar ze "
            "terechtkunnen."
        ),
        "approach": (
            "Ervaringsdeskundige ouders geven vormingen aan leerkrachten en trainers en maken "
            "samen een eenvoudige afsprakenlijst voor kostenbewuste scholen en clubs."
        ),
        "target": "Kinderen in armoede en de scholen, sportclubs en jeugdbewegingen rond hen.",
        "impact": (
            "Nog in opstart: zes vormingen gepland in het najaar; drie scholen en twee clubs doen "
            "mee."
        ),
    },
    {
        "name": "Fietsatelier Tweede Ronde",
        "org": "Tweede Ronde cv",
        "role": "business",
        "stage": "scaling",
        "regions": ["limburg", "flanders"],
        "challenges": ["langdurige-werkloosheid", "circulair-gebruik-van-spullen"],
        "partners": ["business", "government", "civil_society"],
        "needs": ["scaling", "procurement", "funding"],
        "wanted": ["knowledge", "financier"],
        "site": "tweederonde",
        "tagline": (
            "Langdurig werkzoekenden herstellen afgedankte fietsen en vinden zo de weg naar werk."
        ),
        "problem": (
            "Wie meer dan twee jaar zonder werk is, verliest ritme, zelfvertrouwen en een netwerk. "
            "Klassieke trajecten vragen sollicitatiebrieven en diploma's die er niet zijn."
        ),
        "systemic": (
            "Activering en opleiding zijn gescheiden werelden, werkgevers selecteren op cv en niet "
            "op talent, en vervoer naar de industriezones ontbreekt."
        ),
        "approach": (
            "Deelnemers werken in een echt fietsatelier met een vast uurrooster en een coach. Na "
            "zes maanden lopen ze stage bij een partnerbedrijf; de herstelde fietsen gaan naar "
            "werkzoekenden zonder vervoer."
        ),
        "target": "Langdurig werkzoekenden zonder diploma secundair onderwijs.",
        "impact": (
            "210 deelnemers sinds de start, van wie 58% na een jaar aan het werk is; 1.900 fietsen "
            "hersteld. Een tweede atelier opent in Hasselt."
        ),
    },
    {
        "name": "Terug op Koers",
        "org": "Onderzoeksgroep Werkbaar Werk, Hogeschool Dijleland",
        "role": "knowledge",
        "stage": "problem_analysis",
        "regions": ["flemish_brabant"],
        "challenges": ["uitval-door-burn-out"],
        "partners": ["knowledge", "business"],
        "needs": ["funding", "network"],
        "wanted": ["government", "civil_society"],
        "site": "terugopkoers",
        "tagline": (
            "Werknemers, werkgevers en artsen zoeken samen waarom terugkeer na een burn-out zo "
            "vaak mislukt."
        ),
        "problem": (
            "Het aantal langdurig zieken door burn-out stijgt elk jaar. Wie terugkeert, valt vaak "
            "binnen het jaar opnieuw uit."
        ),
        "systemic": (
            "Bedrijfsartsen, huisartsen en leidinggevenden werken langs elkaar heen, en werkdruk "
            "wordt behandeld als een individueel probleem in plaats van als een kenmerk van de "
            "organisatie."
        ),
        "approach": (
            "In zes bedrijven brengen we met interviews en systeemkaarten in kaart wat terugkeer "
            "helpt of hindert, samen met mensen die zelf uitvielen."
        ),
        "target": "Werknemers die na een burn-out willen terugkeren, en hun teams.",
        "impact": "Systeemkaart en 42 interviews afgerond; het rapport verschijnt in het voorjaar.",
    },
    {
        "name": "Newcomer Job Bridge",
        "org": "Bridge Collective Brussels",
        "role": "civil_society",
        "stage": "co_creation",
        "regions": ["brussels"],
        "challenges": ["nieuwkomers-op-de-arbeidsmarkt", "discriminatie-op-de-arbeidsmarkt"],
        "partners": ["civil_society", "business"],
        "needs": ["network", "procurement", "funding"],
        "wanted": ["government", "knowledge"],
        "site": "jobbridge",
        "tagline": "Newcomers and employers build a first job together, language support included.",
        "problem": (
            "Newcomers in Brussels often wait years for their diplomas to be recognised and end up "
            "in jobs far below their skills. Employers say they cannot find staff, yet rarely hire "
            "people who are still learning Dutch or French."
        ),
        "systemic": (
            "Language courses, diploma recognition and job mediation are run by different "
            "governments and agencies, each with its own waiting list; nobody is responsible for "
            "the whole route."
        ),
        "approach": (
            "We match newcomers with employers for a paid three-month trial job, with a language "
            "coach on the shop floor and a mentor among the colleagues."
        ),
        "target": "Newcomers with a residence permit and professional experience abroad.",
        "impact": "First cohort: 24 trial jobs, 17 of which turned into contracts.",
        "language": "en",
    },
    {
        "name": "Dorpskring Westhoek",
        "org": "Dorpskring Westhoek",
        "role": "citizen",
        "stage": "network_building",
        "regions": ["west_flanders"],
        "challenges": ["overbelaste-mantelzorgers", "zorg-dicht-bij-huis"],
        "partners": ["citizen", "civil_society"],
        "needs": ["network", "legal", "coaching"],
        "wanted": ["government", "business"],
        "site": "dorpskring",
        "tagline": "Buren nemen even over, zodat mantelzorgers op adem kunnen komen.",
        "problem": (
            "Mantelzorgers op het platteland zorgen vaak jarenlang alleen voor een partner of "
            "ouder. Ze hebben nauwelijks tijd voor zichzelf en raken uitgeput."
        ),
        "systemic": (
            "Professionele oppas is duur en moet weken vooraf worden aangevraagd. Buren willen "
            "helpen maar weten niet hoe, en mantelzorgers vragen niet graag hulp."
        ),
        "approach": (
            "Per dorp vormt een kleine groep buren een oppaskring met een vaste coördinator. De "
            "thuiszorgdienst geeft een korte opleiding en regelt de verzekering."
        ),
        "target": "Mantelzorgers van een partner of ouder met dementie in landelijke gemeenten.",
        "impact": "Vier dorpskringen met 38 buren; in gesprek met drie gemeenten over uitbreiding.",
    },
    {
        "name": "Zorgzame Straten",
        "org": "Intergemeentelijke Zorgregio Leie en Schelde",
        "role": "government",
        "stage": "scaling",
        "regions": ["east_flanders"],
        "challenges": ["zorg-dicht-bij-huis", "eenzaamheid-bij-ouderen"],
        "partners": ["government", "civil_society", "citizen"],
        "needs": ["knowledge", "scaling"],
        "wanted": ["business", "financier"],
        "site": "zorgzamestraten",
        "tagline": "Elke straat een aanspreekpunt dat weet wie hulp nodig heeft.",
        "problem": (
            "Kwetsbare bewoners vallen tussen de mazen van het net: ze zijn niet gekend bij "
            "diensten, of pas wanneer het te laat is. Hulpverleners weten niet wat de buurt zelf "
            "al doet."
        ),
        "systemic": (
            "Zorg is georganiseerd per aanbieder en per financieringsbron, niet per buurt. "
            "Informele en professionele zorg kennen elkaar niet."
        ),
        "approach": (
            "Vrijwillige straatambassadeurs kennen hun buren en hebben een rechtstreekse lijn met "
            "een buurtzorgteam van de gemeente, de sociale dienst en de thuiszorg."
        ),
        "target": (
            "Alle bewoners, met aandacht voor alleenwonenden en mensen met een chronische ziekte."
        ),
        "impact": (
            "Actief in 14 gemeenten en 260 straten; in de proefwijken 30% minder dringende opnames "
            "bij alleenwonende ouderen (eerste meting)."
        ),
    },
    {
        "name": "Samenhuis",
        "org": "Coöperatieve vennootschap Samenhuis",
        "role": "citizen",
        "stage": "co_creation",
        "regions": ["antwerp"],
        "challenges": ["tekort-aan-betaalbare-woningen"],
        "partners": ["citizen", "civil_society", "financier"],
        "needs": ["funding", "legal", "procurement"],
        "wanted": ["government", "business"],
        "site": "samenhuis",
        "tagline": (
            "Bewoners worden samen eigenaar van betaalbare woningen die nooit meer op de markt "
            "komen."
        ),
        "problem": (
            "Gezinnen met een gemiddeld of laag inkomen vinden in Antwerpen geen betaalbare woning "
            "meer. De wachtlijst voor een sociale woning is tien jaar lang."
        ),
        "systemic": (
            "Grond wordt steeds duurder, woningen worden een belegging, en tussen de sociale en de "
            "private huurmarkt bestaat geen middenweg."
        ),
        "approach": (
            "Een community land trust koopt grond en houdt die in gemeenschappelijk bezit; "
            "bewoners kopen of huren alleen de woning, met een prijsformule die ze blijvend "
            "betaalbaar houdt."
        ),
        "target": "Gezinnen op de wachtlijst voor een sociale woning en jonge starters.",
        "impact": "Eerste project van 12 woningen in aanbouw; 300 mensen op de interesselijst.",
    },
    {
        "name": "Kot voor Morgen",
        "org": "Jongerenpunt Dak vzw",
        "role": "civil_society",
        "stage": "insight",
        "regions": ["flemish_brabant"],
        "challenges": ["dakloosheid-bij-jongeren"],
        "partners": ["civil_society", "citizen"],
        "needs": ["knowledge", "network", "funding"],
        "wanted": ["government", "business"],
        "site": "kotvoormorgen",
        "tagline": "Jongeren zonder thuis vertellen zelf wat hen had geholpen.",
        "problem": (
            "Jongeren die op hun achttiende uit de jeugdhulp stromen, belanden soms op straat of "
            "slapen bij vrienden op de bank. Ze vallen buiten de statistieken."
        ),
        "systemic": (
            "Jeugdhulp stopt op een leeftijd, niet op het moment dat een jongere zelfstandig is. "
            "De hulp voor volwassenen kent hen niet, en verhuurders vragen een waarborg die ze "
            "niet hebben."
        ),
        "approach": (
            "Met jonge ervaringsdeskundigen voeren we veertig diepte-interviews en maken we per "
            "jongere een tijdlijn van wat misging en wat hielp."
        ),
        "target": "Jongeren tussen 17 en 25 jaar zonder vaste woonplek.",
        "impact": "30 interviews afgenomen; eerste inzichten gedeeld met twee jeugdhulpdiensten.",
    },
    {
        "name": "Samen Renoveren",
        "org": "Samen Renoveren cv",
        "role": "business",
        "stage": "scaling",
        "regions": ["west_flanders"],
        "challenges": ["renovatie-van-verouderde-woningen", "energiearmoede-bij-huurders"],
        "partners": ["business", "government", "financier"],
        "needs": ["scaling", "funding", "procurement"],
        "wanted": ["civil_society", "citizen"],
        "site": "samenrenoveren",
        "tagline": "Eén aannemer, één coach en één prijs voor een hele straat die renoveert.",
        "problem": (
            "Eigenaars met een klein budget wonen in oude, koude huizen en schrikken terug voor "
            "een renovatie: te duur, te ingewikkeld, te veel aannemers."
        ),
        "systemic": (
            "Premies vragen voorfinanciering, aannemers hebben weinig interesse in kleine werven, "
            "en kwetsbare eigenaars vinden de weg niet in het aanbod."
        ),
        "approach": (
            "We bundelen renovaties per straat, zodat aannemers een grote opdracht krijgen en elke "
            "eigenaar een vaste coach, een vaste prijs en voorfinanciering van de premies."
        ),
        "target": "Eigenaar-bewoners met een laag inkomen in woningen van voor 1970.",
        "impact": "180 woningen gerenoveerd in vier gemeenten; gemiddelde energiebesparing 45%.",
    },
    {
        "name": "Koele Koeren Antwerpen-Noord",
        "org": "Bewonersgroep Groen Noord",
        "role": "citizen",
        "stage": "co_creation",
        "regions": ["antwerp"],
        "challenges": ["hittestress-in-dichtbebouwde-wijken"],
        "partners": ["citizen", "government"],
        "needs": ["funding", "knowledge", "space"],
        "wanted": ["business", "knowledge"],
        "site": "koelekoeren",
        "tagline": "Betonnen binnenplaatsen worden groene, koele plekken voor de hele buurt.",
        "problem": (
            "In de dichtbebouwde wijken van Antwerpen-Noord wordt het in de zomer ondraaglijk "
            "warm. Ouderen en jonge kinderen in kleine appartementen lijden er het meest onder."
        ),
        "systemic": (
            "Er is weinig openbaar groen, binnenplaatsen zijn versnipperd eigendom, en plannen "
            "voor vergroening beginnen vaak in de rijkere wijken."
        ),
        "approach": (
            "Bewoners ontharden samen binnenplaatsen en schoolkoeren, met hulp van een "
            "landschapsarchitect en materiaal van de stad. Na de werken blijven de koeren open "
            "voor de buren."
        ),
        "target": "Bewoners van dichtbebouwde wijken zonder tuin.",
        "impact": (
            "Drie koeren onthard (1.400 m²); metingen tonen tot 6 °C lagere "
            "oppervlaktetemperaturen."
        ),
    },
    {
        "name": "Deelkast Gent",
        "org": "Burgercollectief Deelkast",
        "role": "citizen",
        "stage": "scaling",
        "regions": ["east_flanders", "flanders"],
        "challenges": ["circulair-gebruik-van-spullen"],
        "partners": ["citizen", "civil_society"],
        "needs": ["scaling", "network", "visibility"],
        "wanted": ["business", "government"],
        "site": "deelkast",
        "tagline": (
            "Lenen in plaats van kopen: een bibliotheek voor gereedschap en keukentoestellen."
        ),
        "problem": (
            "Huishoudens kopen boormachines, ladders en partytenten die ze een paar keer per jaar "
            "gebruiken. Wie weinig geld heeft, kan die spullen niet kopen en mist kansen om zelf "
            "te herstellen."
        ),
        "systemic": (
            "Producten zijn gemaakt om vervangen te worden, opslagruimte in kleine woningen "
            "ontbreekt, en delen vraagt vertrouwen en organisatie die er niet vanzelf komen."
        ),
        "approach": (
            "Buurten richten een deelkast in met geschonken materiaal. Leden betalen een kleine "
            "bijdrage naar inkomen; vrijwilligers onderhouden en herstellen."
        ),
        "target": (
            "Gezinnen in stadswijken, met een sociaal tarief voor wie een laag inkomen heeft."
        ),
        "impact": "11 deelkasten in Gent en omstreken, 2.300 leden en 9.000 uitleningen per jaar.",
        "featured": True,
    },
    {
        "name": "Zonnedorp",
        "org": "Energiecoöperatie Zonnedorp Kempen",
        "role": "citizen",
        "stage": "network_building",
        "regions": ["limburg"],
        "challenges": ["lokale-hernieuwbare-energie", "energiearmoede-bij-huurders"],
        "partners": ["citizen", "government"],
        "needs": ["funding", "legal", "network"],
        "wanted": ["business", "financier"],
        "site": "zonnedorp",
        "tagline": "Zonnepanelen op het dak van de sporthal, stroom voor de huurders in de straat.",
        "problem": (
            "Huurders en mensen zonder geschikt dak kunnen niet meedoen aan de energietransitie. "
            "Ze betalen mee aan de netkosten, maar genieten niet van goedkope zonnestroom."
        ),
        "systemic": (
            "De regels voor energiedelen zijn nieuw en ingewikkeld, netbeheerders en leveranciers "
            "zijn niet gewend aan kleine gemeenschappen, en investeringen vragen startkapitaal."
        ),
        "approach": (
            "De coöperatie plaatst panelen op gemeentelijke daken en verdeelt de stroom via "
            "energiedelen over leden in de buurt, met voorrang voor huurders."
        ),
        "target": "Huurders en gezinnen met een laag inkomen in drie Kempense dorpen.",
        "impact": (
            "Vergunningen rond en 240 leden geworven; de eerste installatie draait vanaf de lente."
        ),
    },
    {
        "name": "Blijf aan Boord",
        "org": "Jeugdwerking De Sloep",
        "role": "civil_society",
        "stage": "problem_analysis",
        "regions": ["brussels"],
        "challenges": ["vroegtijdig-schoolverlaten"],
        "partners": ["civil_society", "knowledge"],
        "needs": ["coaching", "knowledge", "funding"],
        "wanted": ["government", "business"],
        "site": "blijfaanboord",
        "tagline": "Jongeren die afhaken, vertellen wat de school anders kan doen.",
        "problem": (
            "In sommige Brusselse wijken verlaat een op de vijf jongeren de school zonder diploma. "
            "Ze vinden moeilijk werk en verliezen het vertrouwen in instellingen."
        ),
        "systemic": (
            "Afhaken begint jaren voordien: met spijbelen, een verkeerde studiekeuze en problemen "
            "thuis die de school niet ziet. Jeugdwerk en school wisselen weinig uit."
        ),
        "approach": (
            "Jeugdwerkers en leerkrachten analyseren samen met jongeren tien trajecten van afhaken "
            "en zoeken de momenten waarop een andere reactie het verschil had gemaakt."
        ),
        "target": "Jongeren van 14 tot 18 jaar in het beroeps- en technisch onderwijs.",
        "impact": (
            "Probleemanalyse met twee scholen loopt; een eerste werksessie met ouders is gepland."
        ),
    },
    {
        "name": "Leesmaatjes",
        "org": "Vereniging Open Boek Westkust",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["west_flanders", "flanders"],
        "challenges": ["laaggeletterdheid-bij-volwassenen"],
        "partners": ["civil_society", "business", "citizen"],
        "needs": ["scaling", "funding", "visibility"],
        "wanted": ["government", "financier"],
        "site": "leesmaatjes",
        "tagline": (
            "Wekelijks samen lezen in het café, de bib of op het werk, zonder schoolse sfeer."
        ),
        "problem": (
            "Een op de zeven volwassenen kan moeilijk lezen en schrijven. Ze schamen zich, vullen "
            "geen formulieren in en komen zelden naar klassieke cursussen."
        ),
        "systemic": (
            "Basiseducatie werkt met vaste lesmomenten en inschrijvingen, werkgevers merken "
            "laaggeletterdheid niet op, en digitale diensten maken het probleem groter."
        ),
        "approach": (
            "Vrijwillige leesmaatjes lezen wekelijks met een deelnemer over wat die zelf "
            "belangrijk vindt: brieven, het nieuws, een recept. Werkgevers bieden het aan op de "
            "werkvloer."
        ),
        "target": "Laaggeletterde volwassenen, ook werknemers in productie en schoonmaak.",
        "impact": "520 leesduo's in 12 gemeenten; vier bedrijven organiseren leesuren op het werk.",
    },
    {
        "name": "Ouderkracht op School",
        "org": "Scholengemeenschap De Brug Mechelen",
        "role": "knowledge",
        "stage": "co_creation",
        "regions": ["antwerp"],
        "challenges": ["ongelijke-onderwijskansen"],
        "partners": ["knowledge", "civil_society"],
        "needs": ["coaching", "knowledge", "funding"],
        "wanted": ["government", "citizen"],
        "site": "ouderkracht",
        "tagline": "Ouders die zelf niet in Vlaanderen school liepen, leren hoe de school werkt.",
        "problem": (
            "Kinderen van ouders die het Vlaamse schoolsysteem niet kennen, krijgen vaker een "
            "B-attest en worden sneller naar beroepsrichtingen verwezen, ook als ze meer kunnen."
        ),
        "systemic": (
            "Scholen communiceren via apps en brieven in moeilijk Nederlands, de studiekeuze valt "
            "in gesprekken waar ouders niet bij zijn, en verwachtingen blijven onuitgesproken."
        ),
        "approach": (
            "Brugfiguren uit de gemeenschappen organiseren ouderavonden in de moedertaal en "
            "begeleiden ouders bij oudercontacten en de studiekeuze."
        ),
        "target": "Ouders met een migratieachtergrond en hun kinderen in het basisonderwijs.",
        "impact": (
            "Vier scholen doen mee; 140 ouders bereikt en dubbel zoveel ouders op het oudercontact."
        ),
    },
    {
        "name": "De Praatbank",
        "org": "Jongerencollectief Zeg het Maar",
        "role": "citizen",
        "stage": "awareness",
        "regions": ["east_flanders"],
        "challenges": ["mentaal-welzijn-van-jongeren"],
        "partners": ["citizen"],
        "needs": ["coaching", "training", "visibility"],
        "wanted": ["civil_society", "knowledge", "government"],
        "site": "praatbank",
        "tagline": "Een bank in het park waar jongeren met een getrainde leeftijdsgenoot praten.",
        "problem": (
            "Veel jongeren lopen rond met angst of somberheid en praten er met niemand over. De "
            "drempel naar een psycholoog is hoog en de wachtlijsten zijn lang."
        ),
        "systemic": (
            "Mentale gezondheid is nog een taboe, hulp is georganiseerd rond een diagnose, en "
            "laagdrempelige ontmoeting krijgt weinig structurele middelen."
        ),
        "approach": (
            "Een campagne op scholen en sociale media maakt praten over mentaal welzijn gewoon; "
            "getrainde jongeren zitten op vaste uren op een herkenbare bank."
        ),
        "target": "Jongeren tussen 14 en 24 jaar.",
        "impact": "Campagne gestart in drie scholen; de eerste praatbank staat in Sint-Niklaas.",
    },
    {
        "name": "Gezonde Wijk Oostende",
        "org": "Onderzoekscentrum Eerstelijnszorg Kust",
        "role": "knowledge",
        "stage": "insight",
        "regions": ["west_flanders"],
        "challenges": ["gezondheidskloof-tussen-wijken"],
        "partners": ["knowledge", "civil_society"],
        "needs": ["network", "funding"],
        "wanted": ["citizen", "government"],
        "site": "gezondewijk",
        "tagline": (
            "Bewoners en huisartsen zoeken samen waarom de levensverwachting per wijk zo verschilt."
        ),
        "problem": (
            "Tussen twee Oostendse wijken ligt een verschil in levensverwachting van bijna zeven "
            "jaar. Preventiecampagnes bereiken vooral de wijken die ze het minst nodig hebben."
        ),
        "systemic": (
            "Gezondheid hangt af van wonen, inkomen, voeding en werk, maar wordt beleidsmatig "
            "behandeld als een zaak van de zorg alleen."
        ),
        "approach": (
            "We combineren open data met gesprekken in de wijk en maken samen met bewoners een "
            "gezondheidskaart van hun buurt."
        ),
        "target": "Bewoners van wijken met een lage sociaaleconomische status.",
        "impact": "Data-analyse afgerond; 70 bewoners deden mee aan wandelgesprekken.",
    },
    {
        "name": "Dorpsbus Hageland",
        "org": "Vrijwilligersvereniging Dorpsbus",
        "role": "citizen",
        "stage": "co_creation",
        "regions": ["flemish_brabant"],
        "challenges": ["vervoersarmoede", "eenzaamheid-bij-ouderen"],
        "partners": ["citizen", "government"],
        "needs": ["legal", "funding", "scaling"],
        "wanted": ["business", "civil_society"],
        "site": "dorpsbus",
        "tagline": (
            "Vrijwilligers rijden dorpsbewoners zonder auto naar de dokter, de winkel en het werk."
        ),
        "problem": (
            "In landelijke dorpen rijdt de bus nog maar een paar keer per dag. Wie geen auto "
            "heeft, raakt geïsoleerd en mist afspraken bij de dokter of een sollicitatiegesprek."
        ),
        "systemic": (
            "Openbaar vervoer is georganiseerd rond drukke lijnen, vervoer op maat is versnipperd "
            "over tientallen diensten, en vrijwilligersvervoer botst op verzekerings- en "
            "vergunningsregels."
        ),
        "approach": (
            "Een gemeenschappelijke belcentrale plant ritten met vrijwillige chauffeurs en een "
            "elektrisch busje van de gemeente; elke rit kost een kleine vaste bijdrage."
        ),
        "target": (
            "Ouderen, jongeren en mensen met een laag inkomen zonder auto in landelijke dorpen."
        ),
        "impact": "4.100 ritten vorig jaar in vijf gemeenten, met 45 vrijwillige chauffeurs.",
    },
    {
        "name": "Schoolstraten Samen",
        "org": "Mobiliteitsteam Gemeente Bergheide",
        "role": "government",
        "stage": "network_building",
        "regions": ["limburg"],
        "challenges": ["onveilige-schoolroutes"],
        "partners": ["government", "citizen", "knowledge"],
        "needs": ["network", "knowledge"],
        "wanted": ["civil_society", "business"],
        "site": "schoolstraten",
        "tagline": "Kinderen, ouders en buren tekenen zelf de veilige route naar school.",
        "problem": (
            "Veel ouders brengen hun kinderen met de auto naar school omdat de route te gevaarlijk "
            "is, waardoor het rond de school nog drukker en gevaarlijker wordt."
        ),
        "systemic": (
            "Verkeersbeleid, schoolbeleid en ruimtelijke ordening zijn gescheiden bevoegdheden, en "
            "kinderen wordt zelden gevraagd hoe zij de weg beleven."
        ),
        "approach": (
            "Leerlingen brengen met gps-trackers en tekeningen hun route in kaart; bewoners, "
            "school en gemeente testen tijdelijke schoolstraten en beslissen samen wat blijft."
        ),
        "target": "Basisschoolkinderen en hun ouders.",
        "impact": "Zes scholen in het netwerk; twee tijdelijke schoolstraten getest.",
    },
    {
        "name": "Eerlijk Huren",
        "org": "Vereniging Gelijke Sleutel",
        "role": "civil_society",
        "stage": "problem_analysis",
        "regions": ["east_flanders", "flanders"],
        "challenges": ["discriminatie-op-de-huurmarkt", "tekort-aan-betaalbare-woningen"],
        "partners": ["civil_society", "knowledge"],
        "needs": ["legal", "knowledge", "network"],
        "wanted": ["business", "government"],
        "site": "eerlijkhuren",
        "tagline": "Praktijktesten en een gesprek met verhuurders, in plaats van alleen een boete.",
        "problem": (
            "Wie een vreemd klinkende naam heeft of van een uitkering leeft, wordt vaak niet "
            "uitgenodigd voor een bezichtiging. Huurders kunnen dat moeilijk bewijzen."
        ),
        "systemic": (
            "Krapte op de huurmarkt geeft verhuurders veel keuze, makelaars volgen de wensen van "
            "eigenaars, en controles zijn zeldzaam en weinig zichtbaar."
        ),
        "approach": (
            "We analyseren praktijktesten en meldingen samen met verhuurders en makelaars, en "
            "ontwikkelen een eerlijke selectieprocedure die zij vrijwillig invoeren."
        ),
        "target": "Huurders die discriminatie ervaren, en verhuurders en makelaars.",
        "impact": "Analyse van 400 praktijktesten; 12 makelaars doen mee aan de werksessies.",
    },
    {
        "name": "Drempelvrij Uit",
        "org": "Platform Iedereen Welkom vzw",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["flanders"],
        "challenges": ["toegankelijkheid-voor-mensen-met-een-beperking"],
        "partners": ["civil_society", "citizen", "business"],
        "needs": ["scaling", "visibility", "funding"],
        "wanted": ["government", "financier"],
        "site": "drempelvrij",
        "tagline": (
            "Mensen met een beperking keuren zelf cafés, musea en evenementen op toegankelijkheid."
        ),
        "problem": (
            "Mensen met een beperking weten vooraf zelden of een plek toegankelijk is, en blijven "
            "daarom thuis. Uitbaters weten vaak niet wat er nodig is."
        ),
        "systemic": (
            "Toegankelijkheidsnormen gaan vooral over nieuwbouw, informatie is versnipperd, en "
            "mensen met een beperking worden zelden betrokken bij het ontwerp."
        ),
        "approach": (
            "Getrainde ervaringsdeskundigen doen een gratis doorlichting, geven concreet advies en "
            "publiceren het resultaat in een open databank."
        ),
        "target": (
            "Mensen met een motorische, visuele of auditieve beperking, en uitbaters van publieke "
            "plekken."
        ),
        "impact": (
            "1.150 plekken doorgelicht in heel Vlaanderen; 60 ervaringsdeskundigen werken mee "
            "tegen een vergoeding."
        ),
    },
    {
        "name": "Wijkbudget Zuid",
        "org": "Participatiedienst Stad Zennevallei",
        "role": "government",
        "stage": "co_creation",
        "regions": ["flemish_brabant"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid"],
        "partners": ["government", "citizen"],
        "needs": ["knowledge", "training"],
        "wanted": ["civil_society", "knowledge"],
        "site": "wijkbudget",
        "tagline": "Bewoners beslissen zelf over een deel van het stadsbudget voor hun wijk.",
        "problem": (
            "Inwoners van de wijk Zuid voelen zich niet gehoord: inspraakavonden trekken steeds "
            "dezelfde mensen, en jongeren en nieuwkomers komen nooit."
        ),
        "systemic": (
            "Participatie gebeurt laat in het beleidsproces, op momenten en in een taal die veel "
            "mensen uitsluiten, en er is geen echte beslissingsmacht."
        ),
        "approach": (
            "Een burgerbudget van 150.000 euro: bewoners dienen ideeën in, werken ze uit met "
            "ambtenaren en stemmen op straat, online en op school."
        ),
        "target": "Alle inwoners vanaf 12 jaar, met extra inzet voor wie nooit deelneemt.",
        "impact": "Eerste ronde: 86 ideeën en 2.400 stemmers, van wie een derde jonger dan 25.",
    },
    {
        "name": "Aan Tafel Beringen",
        "org": "Ontmoetingshuis De Schakel",
        "role": "civil_society",
        "stage": "network_building",
        "regions": ["limburg"],
        "challenges": ["polarisatie-en-wantrouwen"],
        "partners": ["civil_society", "citizen"],
        "needs": ["network", "funding", "space"],
        "wanted": ["government", "business"],
        "site": "aantafel",
        "tagline": "Buren die elkaar niet kennen, koken en eten samen aan één lange tafel.",
        "problem": (
            "In sommige wijken leven groepen naast elkaar zonder elkaar te kennen. Kleine "
            "conflicten over lawaai of parkeren groeien uit tot wantrouwen, en sociale media doen "
            "de rest."
        ),
        "systemic": (
            "Ontmoetingsplekken verdwijnen, verenigingen zijn vaak per gemeenschap georganiseerd, "
            "en beleid reageert pas als er incidenten zijn."
        ),
        "approach": (
            "Maandelijkse buurtmaaltijden die telkens door een andere groep bewoners gekookt "
            "worden, met een bemiddelaar die de gesprekken begeleidt."
        ),
        "target": "Bewoners van wijken met spanningen tussen groepen.",
        "impact": (
            "Netwerk van 18 organisaties opgebouwd; negen maaltijden met gemiddeld 70 gasten."
        ),
    },
    {
        "name": "Buurtkruidenier",
        "org": "Sociale Kruidenier De Korf vzw",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["east_flanders", "west_flanders"],
        "challenges": ["voedselonzekerheid-bij-gezinnen", "voedselverspilling"],
        "partners": ["civil_society", "business", "government"],
        "needs": ["scaling", "funding"],
        "wanted": ["financier", "knowledge"],
        "site": "buurtkruidenier",
        "tagline": (
            "Een gewone winkel waar gezinnen met een laag inkomen goedkoper en waardig inkopen."
        ),
        "problem": (
            "Steeds meer werkende gezinnen hebben op het einde van de maand te weinig geld voor "
            "gezond eten. Voedselpakketten zijn stigmatiserend en laten geen keuze."
        ),
        "systemic": (
            "Lonen en uitkeringen houden geen gelijke tred met de voedselprijzen, voedselhulp "
            "steunt op vrijwilligers en giften, en gezond eten is duurder dan bewerkt eten."
        ),
        "approach": (
            "Een winkel met een sociaal tarief voor wie doorverwezen wordt en een gewone prijs "
            "voor anderen, bevoorraad met overschotten van boeren en groothandels."
        ),
        "target": (
            "Gezinnen met een inkomen onder de armoedegrens, doorverwezen door sociale diensten."
        ),
        "impact": "Zes winkels en 3.200 gezinnen per maand; 400 ton voedsel gered van verspilling.",
    },
    {
        "name": "Restjeskeuken Roeselare",
        "org": "Sociale onderneming Tweede Bord",
        "role": "business",
        "stage": "co_creation",
        "regions": ["west_flanders"],
        "challenges": ["voedselverspilling", "langdurige-werkloosheid"],
        "partners": ["business", "civil_society"],
        "needs": ["procurement", "funding", "network"],
        "wanted": ["government", "knowledge"],
        "site": "tweedebord",
        "tagline": (
            "Koks in opleiding maken van voedseloverschotten maaltijden voor scholen en "
            "woonzorgcentra."
        ),
        "problem": (
            "Elke week worden tonnen groenten en brood van veilingen en supermarkten weggegooid, "
            "terwijl scholen en woonzorgcentra moeite hebben om gezonde maaltijden betaalbaar te "
            "houden."
        ),
        "systemic": (
            "Overschotten zijn onvoorspelbaar en snel bederfelijk, regels rond voedselveiligheid "
            "schrikken af, en grootkeukens werken met vaste menu's en lange contracten."
        ),
        "approach": (
            "Een leerkeuken verwerkt overschotten tot soepen en maaltijden; cursisten uit een "
            "koksopleiding voor werkzoekenden koken mee en leren het vak."
        ),
        "target": "Werkzoekenden in een koksopleiding, en scholen en woonzorgcentra in de regio.",
        "impact": "1.200 maaltijden en 5 ton gered voedsel per week; 22 cursisten vonden werk.",
    },
    {
        "name": "Groentepakket voor Iedereen",
        "org": "Burgerinitiatief Haspengouw Eet Lokaal",
        "role": "citizen",
        "stage": "insight",
        "regions": ["limburg"],
        "challenges": ["toegang-tot-lokale-gezonde-voeding", "voedselonzekerheid-bij-gezinnen"],
        "partners": ["citizen", "business"],
        "needs": ["coaching", "knowledge", "funding"],
        "wanted": ["government", "civil_society"],
        "site": "eetlokaal",
        "tagline": "Een groentepakket van boeren uit de streek, met een prijs naar inkomen.",
        "problem": (
            "Lokale groenten zijn vaak duur en alleen te koop op momenten dat werkende ouders geen "
            "tijd hebben. Tegelijk krijgen boeren uit de streek een te lage prijs."
        ),
        "systemic": (
            "De voedselketen draait op volume en lage prijzen; de korte keten bereikt vooral "
            "hogere inkomens en boeren missen de tijd voor logistiek."
        ),
        "approach": (
            "We onderzoeken met 30 gezinnen en vijf boeren welke prijs, levering en inhoud van een "
            "pakket voor beide kanten werken."
        ),
        "target": "Gezinnen met een laag of middeninkomen en kleine boeren in Haspengouw.",
        "impact": (
            "Bevraging bij 30 gezinnen en vijf boeren afgerond; de proefperiode start in het "
            "voorjaar."
        ),
    },
    {
        "name": "Digihulp aan Huis",
        "org": "Vereniging Digitaal Samen",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["antwerp", "limburg"],
        "challenges": ["digitale-kloof-bij-ouderen"],
        "partners": ["civil_society", "knowledge"],
        "needs": ["scaling", "funding", "network"],
        "wanted": ["business", "government"],
        "site": "digihulp",
        "tagline": "Jongeren helpen ouderen thuis met hun smartphone, bank-app en e-mail.",
        "problem": (
            "Ouderen moeten steeds meer online regelen: bankieren, een afspraak bij de dokter, "
            "attesten. Wie niet mee is, wordt afhankelijk van familie of betaalt voor hulp."
        ),
        "systemic": (
            "Diensten worden digitaal zonder alternatief, cursussen gaan te snel of zijn te ver "
            "weg, en hulp bij het eigen toestel is er nauwelijks."
        ),
        "approach": (
            "Studenten en jongeren in opleiding gaan op huisbezoek en helpen met het eigen toestel "
            "van de oudere, in korte sessies over wat die op dat moment nodig heeft."
        ),
        "target": "Thuiswonende 70-plussers zonder digitale hulp in hun omgeving.",
        "impact": (
            "2.600 huisbezoeken in 20 gemeenten; acht op de tien ouderen regelen daarna zelf hun "
            "bankzaken."
        ),
    },
    {
        "name": "Inclusive Civic Tech Lab",
        "org": "Inclusive Design Lab Brussels",
        "role": "knowledge",
        "stage": "co_creation",
        "regions": ["belgium"],
        "challenges": [
            "ontoegankelijke-digitale-overheidsdiensten",
            "laaggeletterdheid-bij-volwassenen",
        ],
        "partners": ["knowledge", "government", "citizen"],
        "needs": ["funding", "procurement", "network"],
        "wanted": ["business", "civil_society"],
        "site": "civictechlab",
        "tagline": (
            "People who struggle with online forms redesign public e-services together with civil "
            "servants."
        ),
        "problem": (
            "Many people cannot complete online government forms on their own: the language is "
            "complex, logins fail and there is nobody to ask. They miss benefits or pay fines they "
            "could have avoided."
        ),
        "systemic": (
            "Digital services are built per agency and tested with experienced users; the cost of "
            "failure is carried by citizens and by the social workers who fill in forms on their "
            "behalf."
        ),
        "approach": (
            "We run monthly test sessions in which people with low digital skills try real "
            "e-services while designers and civil servants watch, then rebuild the worst steps "
            "together."
        ),
        "target": (
            "People with low literacy or digital skills, and the public agencies that serve them."
        ),
        "impact": (
            "Three agencies joined; a redesigned application form halved the drop-out rate in "
            "testing."
        ),
        "language": "en",
    },
    {
        "name": "Open Food Commons Europe",
        "org": "Food Commons Network",
        "role": "civil_society",
        "stage": "network_building",
        "regions": ["europe", "belgium"],
        "challenges": ["voedselverspilling", "voedselonzekerheid-bij-gezinnen"],
        "partners": ["civil_society", "knowledge"],
        "needs": ["network", "scaling", "funding"],
        "wanted": ["financier", "government"],
        "site": "foodcommons",
        "tagline": "Cities across Europe share open tools to redistribute surplus food.",
        "problem": (
            "Every European city reinvents its own way of collecting and redistributing surplus "
            "food, while food banks struggle with logistics and data."
        ),
        "systemic": (
            "Food aid depends on donations and volunteers, supermarkets negotiate one by one with "
            "charities, and nobody shares the data or software that would make redistribution "
            "efficient."
        ),
        "approach": (
            "We connect food redistribution initiatives in eight countries to share open-source "
            "logistics software, contract templates and impact data."
        ),
        "target": "Food banks, social grocery shops and municipalities in Europe.",
        "impact": (
            "A network of 23 organisations in 8 countries; the first shared software module is "
            "live."
        ),
        "language": "en",
    },
    {
        "name": "Waarborg Zonder Drempel",
        "org": "Huurwaarborgfonds De Sleutel",
        "role": "financier",
        "stage": "scaling",
        "regions": ["flanders"],
        "challenges": ["tekort-aan-betaalbare-woningen", "dakloosheid-bij-jongeren"],
        "partners": ["financier", "civil_society", "government"],
        "needs": ["visibility", "scaling", "network"],
        "wanted": ["business", "citizen"],
        "site": "desleutel",
        "tagline": "Een renteloze lening voor de huurwaarborg, zodat niemand een woning misloopt.",
        "problem": (
            "Wie een woning wil huren, moet twee of drie maanden huur als waarborg betalen. Voor "
            "mensen met een laag inkomen is dat onhaalbaar, en een waarborg via de sociale dienst "
            "wordt door verhuurders vaak geweigerd."
        ),
        "systemic": (
            "De nieuwe waarborg moet betaald worden terwijl de vorige nog vastzit, verhuurders "
            "wantrouwen publieke waarborgen, en huurders kennen hun rechten niet."
        ),
        "approach": (
            "Een fonds betaalt de waarborg rechtstreeks, de huurder lost renteloos af in kleine "
            "bedragen, en de verhuurder ziet alleen een gewone bankwaarborg."
        ),
        "target": "Huurders met een laag inkomen, ook jongeren die uit de jeugdhulp komen.",
        "impact": "1.400 waarborgen gefinancierd; 96% wordt volledig terugbetaald.",
    },
    {
        "name": "Tijdbank Zorgzame Buren",
        "org": "Tijdbank Scheldeland",
        "role": "citizen",
        "stage": "insight",
        "regions": ["east_flanders"],
        "challenges": ["eenzaamheid-bij-ouderen"],
        "partners": ["citizen"],
        "needs": ["coaching", "knowledge", "space"],
        "wanted": ["civil_society", "government"],
        "site": "tijdbank",
        "tagline": "Wie de buurt helpt, spaart tijd voor later.",
        "problem": (
            "Ouderen die alleen wonen, vragen niet graag om hulp omdat ze niets terug kunnen "
            "geven. Ze trekken zich terug en vereenzamen."
        ),
        "systemic": (
            "Hulp wordt gezien als eenrichtingsverkeer van hulpverlener naar cliënt; wat ouderen "
            "zelf kunnen bijdragen, wordt hen zelden gevraagd."
        ),
        "approach": (
            "We onderzoeken met bewoners hoe een tijdbank kan werken waarin iedereen uren geeft en "
            "krijgt: een klusje, een verhaal, een boodschap, een les breien."
        ),
        "target": "Ouderen die alleen wonen en buren van alle leeftijden.",
        "impact": (
            "Twee buurtgesprekken met 45 bewoners; een eerste ontwerp van de tijdbank ligt klaar."
        ),
    },
    {
        "name": "Zorgzaam Werk",
        "org": "Netwerk Zorgvriendelijke Werkgevers Kempen",
        "role": "business",
        "stage": "awareness",
        "regions": ["antwerp"],
        "challenges": ["overbelaste-mantelzorgers", "uitval-door-burn-out"],
        "partners": ["business"],
        "needs": ["visibility", "knowledge", "network"],
        "wanted": ["civil_society", "government"],
        "site": "zorgzaamwerk",
        "tagline": "Werkgevers leren hoe ze werknemers met zorgtaken aan boord houden.",
        "problem": (
            "Een op de tien werknemers zorgt naast het werk voor een zieke partner, ouder of kind. "
            "Velen zeggen dat niet op het werk, tot ze uitvallen of ontslag nemen."
        ),
        "systemic": (
            "Werkgevers zien mantelzorg als een privézaak, verlofstelsels zijn ingewikkeld, en "
            "werknemers vrezen voor hun loopbaan als ze erover praten."
        ),
        "approach": (
            "Een campagne en werkgeversontbijten maken mantelzorg bespreekbaar; personeelsdiensten "
            "krijgen een eenvoudige gids met afspraken die werken."
        ),
        "target": "Werkgevers en werkende mantelzorgers in de Kempen.",
        "impact": "Campagne in voorbereiding; 15 werkgevers toonden interesse.",
    },
    {
        "name": "Gezond Binnen",
        "org": "Huurdersbond Zennewijk",
        "role": "civil_society",
        "stage": "problem_analysis",
        "regions": ["brussels"],
        "challenges": ["renovatie-van-verouderde-woningen", "gezondheidskloof-tussen-wijken"],
        "partners": ["civil_society", "knowledge"],
        "needs": ["legal", "knowledge", "network"],
        "wanted": ["government", "business"],
        "site": "gezondbinnen",
        "tagline": (
            "Vocht en schimmel in huurwoningen meten, en samen met huurders de oorzaken aanpakken."
        ),
        "problem": (
            "In oude Brusselse huurwoningen leven veel gezinnen met vocht en schimmel. Kinderen "
            "hebben vaker astma, maar huurders klagen niet uit angst hun woning te verliezen."
        ),
        "systemic": (
            "Woningkwaliteit, gezondheid en huurrecht zijn gescheiden bevoegdheden; een huisarts "
            "ziet de klachten, maar niet de woning."
        ),
        "approach": (
            "Huisartsen verwijzen door naar een woningcheck; met de meetgegevens brengen we samen "
            "met huurders de oorzaken en de verantwoordelijkheden in kaart."
        ),
        "target": "Huurders met kinderen in oude huurwoningen.",
        "impact": "Metingen in 90 woningen; een rapport met vijf beleidsvoorstellen is in de maak.",
    },
    {
        "name": "Vakmanschap Erkend",
        "org": "Installatiebedrijf Warmtewerk",
        "role": "business",
        "stage": "co_creation",
        "regions": ["west_flanders"],
        "challenges": ["nieuwkomers-op-de-arbeidsmarkt"],
        "partners": ["business", "government"],
        "needs": ["network", "knowledge", "procurement"],
        "wanted": ["civil_society", "knowledge"],
        "site": "warmtewerk",
        "tagline": "Nieuwkomers tonen hun vakmanschap op de werf in plaats van met een diploma.",
        "problem": (
            "Ervaren loodgieters, elektriciens en lassers uit het buitenland vinden geen werk in "
            "hun vak omdat hun diploma niet erkend is, terwijl de bouwsector dringend mensen "
            "zoekt."
        ),
        "systemic": (
            "Erkenning van diploma's duurt lang en vraagt documenten die vluchtelingen niet "
            "hebben; vaardigheden die op het werk geleerd zijn, tellen niet."
        ),
        "approach": (
            "Kandidaten tonen hun vaardigheden in een praktijkproef; wie slaagt, krijgt een "
            "contract en volgt vakgerichte taallessen tijdens de werkuren."
        ),
        "target": "Nieuwkomers met ervaring in een technisch beroep.",
        "impact": "31 kandidaten getest, 22 aangeworven bij vijf bedrijven.",
    },
    {
        "name": "Werk op Wielen",
        "org": "Intergemeentelijk Samenwerkingsverband Kempen Samen",
        "role": "government",
        "stage": "network_building",
        "regions": ["limburg", "antwerp"],
        "challenges": ["langdurige-werkloosheid", "vervoersarmoede"],
        "partners": ["government", "business"],
        "needs": ["network", "funding", "knowledge"],
        "wanted": ["civil_society", "citizen"],
        "site": "werkopwielen",
        "tagline": "Werkzoekenden zonder eigen vervoer bereiken samen de industriezones.",
        "problem": (
            "Bedrijven op industrieterreinen vinden geen personeel, terwijl werkzoekenden uit de "
            "omliggende dorpen die bedrijven niet kunnen bereiken zonder auto."
        ),
        "systemic": (
            "Ploegenroosters passen niet bij de dienstregeling van de bus, een rijbewijs is duur, "
            "en werkgevers, vervoersmaatschappij en arbeidsbemiddeling plannen los van elkaar."
        ),
        "approach": (
            "Een netwerk van bedrijven, gemeenten en vervoersaanbieders organiseert gedeelde "
            "pendelbusjes, deelfietsen en een rijbewijsfonds."
        ),
        "target": "Werkzoekenden zonder eigen vervoer, en werkgevers op industrieterreinen.",
        "impact": (
            "Netwerk van 26 bedrijven en 7 gemeenten; de eerste proefrit met een pendelbus is "
            "gepland."
        ),
    },
    {
        "name": "Tweede Leven Laptops",
        "org": "Herstelatelier Digitaal Dijleland",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["flemish_brabant"],
        "challenges": ["circulair-gebruik-van-spullen", "ongelijke-onderwijskansen"],
        "partners": ["civil_society", "business", "knowledge"],
        "needs": ["scaling", "procurement", "visibility"],
        "wanted": ["government", "financier"],
        "site": "tweedelevenlaptops",
        "tagline": "Afgeschreven bedrijfslaptops worden opgeknapt voor leerlingen zonder computer.",
        "problem": (
            "Leerlingen zonder eigen computer maken hun huiswerk op een smartphone of helemaal "
            "niet. Tegelijk belanden duizenden bruikbare bedrijfslaptops bij de schroot."
        ),
        "systemic": (
            "Bedrijven vernietigen toestellen uit angst voor datalekken, scholen rekenen op een "
            "computer thuis, en gezinnen met een laag inkomen kunnen er geen kopen."
        ),
        "approach": (
            "Cursisten in een IT-opleiding wissen de data veilig, herstellen de laptops en geven "
            "ze via scholen aan leerlingen, met een korte opleiding voor de ouders."
        ),
        "target": "Leerlingen in het secundair onderwijs uit gezinnen met een laag inkomen.",
        "impact": "6.800 laptops uitgedeeld; 40 bedrijven leveren toestellen aan.",
    },
    {
        "name": "Hittebuddy's",
        "org": "Dienst Klimaatadaptatie Stad Scheldemonde",
        "role": "government",
        "stage": "awareness",
        "regions": ["east_flanders"],
        "challenges": ["hittestress-in-dichtbebouwde-wijken", "eenzaamheid-bij-ouderen"],
        "partners": ["government", "citizen"],
        "needs": ["visibility", "network"],
        "wanted": ["civil_society", "knowledge"],
        "site": "hittebuddys",
        "tagline": "Buren bellen en bezoeken kwetsbare ouderen tijdens hittegolven.",
        "problem": (
            "Tijdens hittegolven overlijden vooral oudere mensen die alleen wonen. Ze drinken te "
            "weinig en merken de gevaren niet op tijd."
        ),
        "systemic": (
            "Hitteplannen worden van bovenaf uitgerold en bereiken mensen via media die kwetsbare "
            "ouderen weinig gebruiken; buren en verenigingen worden niet betrokken."
        ),
        "approach": (
            "Een campagne zoekt hittebuddy's in elke wijk; de stad zorgt voor een contactlijst, "
            "een korte opleiding en koele ontmoetingsplekken."
        ),
        "target": "Alleenwonende ouderen en buren die een oogje in het zeil willen houden.",
        "impact": "De eerste campagne liep deze zomer: 310 hittebuddy's schreven zich in.",
    },
    {
        "name": "Stem van de Straat",
        "org": "Jongerencollectief Turnhout Beslist",
        "role": "citizen",
        "stage": "insight",
        "regions": ["antwerp"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid"],
        "partners": ["citizen", "civil_society"],
        "needs": ["training", "coaching", "visibility"],
        "wanted": ["government", "knowledge"],
        "site": "stemvandestraat",
        "tagline": (
            "Jongeren bevragen hun leeftijdsgenoten over wat de stad voor hen moet veranderen."
        ),
        "problem": (
            "Jongeren uit kwetsbare buurten voelen dat de politiek niet over hen gaat. Ze gaan "
            "niet naar inspraakavonden en worden dus ook niet gehoord."
        ),
        "systemic": (
            "Participatie vraagt tijd, taal en vertrouwen die deze jongeren niet hebben; "
            "jeugdraden bestaan vooral uit jongeren uit verenigingen."
        ),
        "approach": (
            "Jongeren worden opgeleid tot straatinterviewers, bevragen 500 leeftijdsgenoten en "
            "stellen de resultaten zelf voor aan de gemeenteraad."
        ),
        "target": "Jongeren van 15 tot 25 jaar die niet in verenigingen actief zijn.",
        "impact": "14 straatinterviewers opgeleid; 230 interviews afgenomen.",
    },
    {
        "name": "Fietsvrij",
        "org": "Vereniging Op Eigen Wielen",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["east_flanders", "west_flanders"],
        "challenges": ["vervoersarmoede", "nieuwkomers-op-de-arbeidsmarkt"],
        "partners": ["civil_society", "citizen"],
        "needs": ["scaling", "funding", "space"],
        "wanted": ["government", "business"],
        "site": "fietsvrij",
        "tagline": (
            "Volwassenen, vooral vrouwen met een migratieachtergrond, leren fietsen en winnen zo "
            "aan vrijheid."
        ),
        "problem": (
            "Wie als volwassene niet kan fietsen, is afhankelijk van anderen of van het openbaar "
            "vervoer. Dat beperkt de keuze van werk, opleiding en vrije tijd."
        ),
        "systemic": (
            "Fietsen leren wordt gezien als iets voor kinderen, de infrastructuur is onveilig voor "
            "beginners, en vrouwen hebben door zorgtaken vaak geen tijd."
        ),
        "approach": (
            "Vrijwillige lesgevers geven groepslessen op een afgesloten terrein, met kinderopvang "
            "tijdens de les en een goedkope tweedehandsfiets na afloop."
        ),
        "target": (
            "Volwassenen die niet kunnen fietsen, vooral vrouwen met een migratieachtergrond."
        ),
        "impact": (
            "900 deelnemers leerden fietsen in 16 gemeenten; zeven op de tien fietsen na een jaar "
            "nog."
        ),
    },
    {
        "name": "Buurtauto Elektrisch",
        "org": "Deelmobiliteit Coöperatie Wielwaai",
        "role": "business",
        "stage": "co_creation",
        "regions": ["antwerp", "flemish_brabant"],
        "challenges": ["vervoersarmoede", "lokale-hernieuwbare-energie"],
        "partners": ["business", "government"],
        "needs": ["funding", "procurement", "knowledge"],
        "wanted": ["civil_society", "citizen"],
        "site": "wielwaai",
        "tagline": "Elektrische deelauto's in sociale woonwijken, met een tarief naar inkomen.",
        "problem": (
            "Bewoners van sociale woonwijken hebben zelden een auto, maar soms wel een nodig: voor "
            "een verhuis, een ziekenhuisbezoek of een job met vroege shiften. Een taxi is "
            "onbetaalbaar."
        ),
        "systemic": (
            "Autodelen is vooral uitgebouwd in rijkere stadswijken, vraagt een kredietkaart en een "
            "smartphone, en woonmaatschappijen zien mobiliteit niet als hun opdracht."
        ),
        "approach": (
            "Samen met twee woonmaatschappijen plaatsen we deelauto's in de wijk, met boeking via "
            "een buurtpunt, een sociaal tarief en laadpalen die gevoed worden door zonnepanelen op "
            "de daken."
        ),
        "target": "Bewoners van sociale woonwijken zonder eigen auto.",
        "impact": (
            "Acht deelauto's in drie wijken; 210 actieve gebruikers, van wie 40% met een sociaal "
            "tarief."
        ),
    },
    {
        "name": "Betalen voor Resultaat",
        "org": "Stichting Maatschappelijk Rendement",
        "role": "financier",
        "stage": "problem_analysis",
        "regions": ["flanders"],
        "challenges": ["langdurige-werkloosheid"],
        "partners": ["financier", "knowledge"],
        "needs": ["knowledge", "legal", "network"],
        "wanted": ["government", "civil_society"],
        "site": "maatschappelijkrendement",
        "tagline": (
            "Investeerders financieren preventie vooraf; de overheid betaalt alleen bij bewezen "
            "resultaat."
        ),
        "problem": (
            "Preventieve projecten tegen langdurige werkloosheid leveren pas na jaren besparingen "
            "op, maar moeten hun werking elk jaar opnieuw met projectsubsidies financieren."
        ),
        "systemic": (
            "Begrotingen zijn jaarlijks en per departement, zodat besparingen bij het ene "
            "departement niet terugvloeien naar wie investeerde via het andere."
        ),
        "approach": (
            "We analyseren met drie overheden en vijf uitvoerders welke resultaten meetbaar zijn, "
            "en hoe een resultaatcontract eerlijk opgezet kan worden zonder dat uitvoerders alleen "
            "de makkelijkste deelnemers kiezen."
        ),
        "target": "Overheden, sociale investeerders en organisaties die werkzoekenden begeleiden.",
        "impact": (
            "Haalbaarheidsstudie halverwege; twee overheden willen een proefcontract bespreken."
        ),
    },
    {
        "name": "Opvang op Maat",
        "org": "Kinderdagverblijf De Vlinderboom vzw",
        "role": "civil_society",
        "stage": "co_creation",
        "regions": ["limburg"],
        "challenges": ["kinderarmoede", "langdurige-werkloosheid"],
        "partners": ["civil_society", "government"],
        "needs": ["funding", "procurement", "scaling"],
        "wanted": ["business", "financier"],
        "site": "vlinderboom",
        "tagline": (
            "Occasionele kinderopvang, zodat alleenstaande ouders een opleiding of sollicitatie "
            "kunnen volgen."
        ),
        "problem": (
            "Alleenstaande ouders zonder werk vinden geen opvang voor een sollicitatiegesprek of "
            "opleiding: de kinderopvang heeft wachtlijsten en vraagt een vast contract."
        ),
        "systemic": (
            "Opvangplaatsen gaan naar werkende ouders, wat werkzoekende ouders in een vicieuze "
            "cirkel houdt: geen werk zonder opvang, geen opvang zonder werk."
        ),
        "approach": (
            "Een kinderdagverblijf houdt enkele plaatsen vrij voor occasionele opvang, aan te "
            "vragen via de trajectbegeleider, met een prijs naar inkomen."
        ),
        "target": "Alleenstaande ouders in een traject naar werk of opleiding.",
        "impact": "95 ouders geholpen sinds de start; 41 vonden werk of begonnen een opleiding.",
    },
    {
        "name": "Gezondheidsgidsen",
        "org": "Wijkgezondheidscentrum De Linde",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["antwerp", "brussels"],
        "challenges": ["gezondheidskloof-tussen-wijken"],
        "partners": ["civil_society", "citizen", "government"],
        "needs": ["scaling", "training", "funding"],
        "wanted": ["knowledge", "financier"],
        "site": "gezondheidsgidsen",
        "tagline": "Bewoners uit de wijk worden gezondheidsgids voor hun buren.",
        "problem": (
            "Mensen in kwetsbare wijken gaan laat naar de dokter, missen preventieve onderzoeken "
            "en begrijpen hun behandeling niet altijd."
        ),
        "systemic": (
            "De zorg spreekt een taal en verwacht een zelfredzaamheid die veel patiënten niet "
            "hebben, en preventie bereikt vooral wie al gezond leeft."
        ),
        "approach": (
            "Bewoners met een netwerk in de wijk volgen een opleiding tot gezondheidsgids en "
            "begeleiden hun buren naar preventie, huisarts en apotheker."
        ),
        "target": "Bewoners van wijken met een grote gezondheidsachterstand.",
        "impact": (
            "25 gezondheidsgidsen aan het werk; de deelname aan het borstkankeronderzoek steeg van "
            "31% naar 48%."
        ),
    },
    {
        "name": "Jong en Veerkrachtig aan het Werk",
        "org": "Expertisecentrum Jong Talent, Hogeschool Leiedal",
        "role": "knowledge",
        "stage": "insight",
        "regions": ["east_flanders", "west_flanders"],
        "challenges": ["mentaal-welzijn-van-jongeren", "uitval-door-burn-out"],
        "partners": ["knowledge", "business"],
        "needs": ["network", "visibility"],
        "wanted": ["civil_society", "government"],
        "site": "jongenveerkrachtig",
        "tagline": (
            "Onderzoek naar waarom jonge werknemers zo vaak uitvallen met psychische klachten."
        ),
        "problem": (
            "Jonge werknemers vallen steeds vaker uit met angst, stress of depressie, vaak al in "
            "hun eerste job. Werkgevers weten niet hoe ze hen kunnen ondersteunen."
        ),
        "systemic": (
            "De overgang van school naar werk is abrupt, onzekere contracten geven weinig houvast, "
            "en begeleiding op de werkvloer gaat vooral over technische vaardigheden."
        ),
        "approach": (
            "Met dagboekonderzoek en focusgroepen brengen we samen met jonge werknemers in kaart "
            "welke momenten het zwaarst wegen, en wat collega's en leidinggevenden dan kunnen "
            "doen."
        ),
        "target": "Werknemers jonger dan 30 in hun eerste jaren op de arbeidsmarkt.",
        "impact": "120 jonge werknemers namen deel; de eerste inzichten staan in een open rapport.",
    },
    {
        "name": "Burgerpanel Klimaat Kust",
        "org": "Intercommunale Kustgemeenten Samen",
        "role": "government",
        "stage": "co_creation",
        "regions": ["west_flanders"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid", "lokale-hernieuwbare-energie"],
        "partners": ["government", "knowledge", "citizen"],
        "needs": ["knowledge", "visibility"],
        "wanted": ["civil_society", "business"],
        "site": "burgerpanelkust",
        "tagline": "Dertig uitgelote inwoners schrijven mee aan het klimaatplan van de regio.",
        "problem": (
            "Klimaatplannen worden opgesteld door experten en stuiten daarna op verzet van "
            "inwoners die zich niet gehoord voelen, vooral als maatregelen geld kosten."
        ),
        "systemic": (
            "Beslissingen over klimaat raken aan wonen, mobiliteit en werk, maar inwoners worden "
            "pas bevraagd als de keuzes al gemaakt zijn."
        ),
        "approach": (
            "Een burgerpanel van dertig uitgelote inwoners werkt zes weekends met experten en doet "
            "aanbevelingen waarop de gemeenteraden binnen drie maanden moeten antwoorden."
        ),
        "target": "Inwoners van de kustgemeenten, uitgeloot met aandacht voor diversiteit.",
        "impact": (
            "Eerste panel afgerond: 24 aanbevelingen, waarvan 17 opgenomen in het klimaatplan."
        ),
    },
    {
        "name": "Taalcoach op de Vloer",
        "org": "Logistiek Bedrijf Scheldekaai",
        "role": "business",
        "stage": "scaling",
        "regions": ["antwerp", "flanders"],
        "challenges": ["nieuwkomers-op-de-arbeidsmarkt", "laaggeletterdheid-bij-volwassenen"],
        "partners": ["business", "civil_society"],
        "needs": ["scaling", "visibility", "network"],
        "wanted": ["government", "knowledge"],
        "site": "taalcoach",
        "tagline": "Nederlands leren tijdens de werkuren, met een collega als taalcoach.",
        "problem": (
            "Anderstalige werknemers in de logistiek leren weinig Nederlands omdat ze na hun ploeg "
            "geen tijd of energie hebben voor een avondcursus. Misverstanden leiden tot "
            "ongevallen, en ze blijven hangen in laaggeschoold werk."
        ),
        "systemic": (
            "Taalcursussen liggen buiten de werkuren en buiten de werkplek, en werkgevers zien "
            "taal als de verantwoordelijkheid van de werknemer."
        ),
        "approach": (
            "Collega's worden opgeleid tot taalcoach en oefenen tijdens de werkuren met "
            "werkinstructies en veiligheidsafspraken. Een taalleerkracht komt maandelijks langs."
        ),
        "target": "Anderstalige werknemers in logistiek en productie.",
        "impact": (
            "Uitgerold bij negen bedrijven en 650 werknemers; 35% minder arbeidsongevallen bij de "
            "eerste bedrijven."
        ),
    },
    {
        "name": "Zorgboerderijen Westhoek",
        "org": "Hoeve Den Akker",
        "role": "business",
        "stage": "network_building",
        "regions": ["west_flanders"],
        "challenges": ["zorg-dicht-bij-huis", "eenzaamheid-bij-ouderen"],
        "partners": ["business", "civil_society"],
        "needs": ["network", "legal", "funding"],
        "wanted": ["government", "knowledge"],
        "site": "hoevedenakker",
        "tagline": (
            "Boeren ontvangen mensen met een zorgvraag voor zinvolle dagbesteding op het erf."
        ),
        "problem": (
            "Mensen met dementie, een beperking of een psychische kwetsbaarheid zitten overdag "
            "vaak binnen, zonder zinvolle bezigheid. Dagcentra zitten vol en liggen ver weg."
        ),
        "systemic": (
            "Zorg en landbouw zijn gescheiden sectoren met eigen regels en financiering; boeren "
            "die willen bijdragen, botsen op erkenning en verzekering."
        ),
        "approach": (
            "Een netwerk van twaalf boeren deelt een zorgcoördinator, opleiding en administratie, "
            "en werkt samen met huisartsen en dagcentra."
        ),
        "target": "Mensen met een zorgvraag die dagbesteding zoeken in landelijke gemeenten.",
        "impact": "Twaalf boerderijen in het netwerk; 85 deelnemers per week.",
    },
    {
        "name": "Gezonde Schoolsoep",
        "org": "Vereniging Warme Maaltijd",
        "role": "civil_society",
        "stage": "problem_analysis",
        "regions": ["brussels"],
        "challenges": ["voedselonzekerheid-bij-gezinnen", "kinderarmoede"],
        "partners": ["civil_society", "business"],
        "needs": ["funding", "knowledge", "procurement"],
        "wanted": ["government", "financier"],
        "site": "schoolsoep",
        "tagline": (
            "Een gratis, gezonde soep en boterham voor elke leerling, gemaakt met lokale groenten."
        ),
        "problem": (
            "Veel kinderen komen zonder ontbijt of lunch naar school. Met honger leren ze slecht "
            "en haken ze sneller af."
        ),
        "systemic": (
            "Schoolmaaltijden zijn in België geen basisvoorziening; scholen betalen ze uit eigen "
            "middelen of bieden ze niet aan, en ouders schamen zich om te zeggen dat er geen geld "
            "is."
        ),
        "approach": (
            "Een centrale keuken maakt dagelijks soep met groenten van stadsboerderijen; samen met "
            "scholen en ouders onderzoeken we hoe dit voor alle leerlingen gratis kan."
        ),
        "target": "Leerlingen in het Brusselse basisonderwijs.",
        "impact": "Drie scholen en 900 soepen per dag; een kostenanalyse voor uitbreiding loopt.",
    },
    {
        "name": "Anoniem Solliciteren",
        "org": "HR-netwerk Eerlijke Kans",
        "role": "business",
        "stage": "co_creation",
        "regions": ["flanders"],
        "challenges": ["discriminatie-op-de-arbeidsmarkt", "nieuwkomers-op-de-arbeidsmarkt"],
        "partners": ["business", "knowledge"],
        "needs": ["knowledge", "visibility", "network"],
        "wanted": ["government", "civil_society"],
        "site": "eerlijkekans",
        "tagline": "Werkgevers testen samen een selectie zonder naam, foto of leeftijd.",
        "problem": (
            "Kandidaten met een buitenlands klinkende naam worden veel minder vaak uitgenodigd "
            "voor een sollicitatiegesprek, bij gelijke diploma's en ervaring."
        ),
        "systemic": (
            "Selectie gebeurt onder tijdsdruk op basis van cv's, onbewuste vooroordelen worden "
            "zelden gemeten, en kleine werkgevers hebben geen personeelsdienst."
        ),
        "approach": (
            "Twintig werkgevers testen anonieme cv's en praktijkgerichte selectieproeven, en meten "
            "samen met een onderzoeksgroep het effect op wie uitgenodigd wordt."
        ),
        "target": (
            "Werkzoekenden met een migratieachtergrond, en werkgevers die eerlijker willen "
            "selecteren."
        ),
        "impact": (
            "Na zes maanden kregen 40% meer kandidaten met een migratieachtergrond een uitnodiging."
        ),
    },
    {
        "name": "Loket in Gebarentaal",
        "org": "Dovenvereniging Handen Samen",
        "role": "civil_society",
        "stage": "network_building",
        "regions": ["belgium", "brussels"],
        "challenges": [
            "toegankelijkheid-voor-mensen-met-een-beperking",
            "ontoegankelijke-digitale-overheidsdiensten",
        ],
        "partners": ["civil_society", "citizen"],
        "needs": ["network", "procurement", "funding"],
        "wanted": ["government", "business"],
        "site": "handensamen",
        "tagline": (
            "Doven en slechthorenden regelen overheidszaken via video in Vlaamse Gebarentaal."
        ),
        "problem": (
            "Doven en slechthorenden kunnen gemeentelijke loketten en telefoonlijnen nauwelijks "
            "gebruiken. Een tolk moet dagen vooraf gereserveerd worden."
        ),
        "systemic": (
            "Toegankelijkheid wordt per dienst geregeld, tolkuren zijn beperkt, en digitale "
            "diensten vergeten mensen voor wie geschreven Nederlands een tweede taal is."
        ),
        "approach": (
            "Een netwerk van gemeenten deelt een videoloket met tolken Vlaamse Gebarentaal, "
            "ontworpen samen met dove ervaringsdeskundigen."
        ),
        "target": "Doven en slechthorenden die Vlaamse Gebarentaal gebruiken.",
        "impact": (
            "Zeven gemeenten en twee federale diensten willen aansluiten; een technische test is "
            "gepland."
        ),
    },
    {
        "name": "Energiecafé",
        "org": "Buurthuis De Ketel",
        "role": "civil_society",
        "stage": "awareness",
        "regions": ["brussels"],
        "challenges": ["energiearmoede-bij-huurders", "niet-gebruik-van-sociale-rechten"],
        "partners": ["civil_society", "citizen"],
        "needs": ["visibility", "training", "funding"],
        "wanted": ["government", "business"],
        "site": "energiecafe",
        "tagline": "Elke maand een open energiecafé waar bewoners hun factuur leren lezen.",
        "problem": (
            "Veel bewoners begrijpen hun energiefactuur niet, zitten vast in een duur contract of "
            "weten niet dat ze recht hebben op het sociaal tarief."
        ),
        "systemic": (
            "Energiecontracten zijn ingewikkeld, prijsvergelijkers werken alleen online, en wie "
            "afgesloten dreigt te worden, zoekt pas hulp als het te laat is."
        ),
        "approach": (
            "Een maandelijks energiecafé met koffie, een energiecoach en buren die al geholpen "
            "werden, samen met de sociale dienst en de huurdersbond."
        ),
        "target": "Bewoners van Brusselse wijken met veel oude huurwoningen.",
        "impact": (
            "Vijf energiecafés en 130 bezoekers; 40 gezinnen stapten over naar een goedkoper "
            "contract."
        ),
    },
    {
        "name": "Jonge Mantelzorgers Zichtbaar",
        "org": "Jeugdwelzijnsnetwerk Hageland",
        "role": "civil_society",
        "stage": "awareness",
        "regions": ["flemish_brabant"],
        "challenges": ["overbelaste-mantelzorgers", "mentaal-welzijn-van-jongeren"],
        "partners": ["civil_society"],
        "needs": ["visibility", "network", "funding"],
        "wanted": ["knowledge", "government"],
        "site": "jongemantelzorgers",
        "tagline": "Scholen leren jongeren herkennen die thuis voor een ziek gezinslid zorgen.",
        "problem": (
            "In bijna elke klas zit een jongere die thuis zorgt voor een zieke ouder, broer of "
            "zus. Ze missen lessen, vrije tijd en vrienden, maar vertellen het zelden."
        ),
        "systemic": (
            "Jonge mantelzorgers bestaan niet in de regelgeving; leerlingenbegeleiding, huisartsen "
            "en thuiszorg zien elk een stukje, maar niemand ziet het geheel."
        ),
        "approach": (
            "Een sensibiliseringscampagne met getuigenissen, een lespakket en een herkenningslijst "
            "voor leerlingenbegeleiders en huisartsen."
        ),
        "target": "Jongeren van 10 tot 25 jaar met zorgtaken thuis.",
        "impact": "Het campagnemateriaal is klaar; acht scholen gebruiken het lespakket.",
    },
    {
        "name": "Armoedebarometer per Buurt",
        "org": "Kenniscentrum Data voor Welzijn",
        "role": "knowledge",
        "stage": "insight",
        "regions": ["flanders"],
        "challenges": ["kinderarmoede", "niet-gebruik-van-sociale-rechten"],
        "partners": ["knowledge", "government"],
        "needs": ["network", "funding", "visibility"],
        "wanted": ["civil_society", "citizen"],
        "site": "armoedebarometer",
        "tagline": "Open data per buurt tonen waar armoede zich opstapelt.",
        "problem": (
            "Lokale besturen plannen hun armoedebeleid op basis van gemeentelijke gemiddelden, "
            "terwijl armoede zich concentreert in enkele straten."
        ),
        "systemic": (
            "Gegevens over inkomen, wonen, gezondheid en onderwijs zitten bij verschillende "
            "overheden en worden zelden gecombineerd op het niveau van de buurt."
        ),
        "approach": (
            "We combineren open gegevens per statistische sector en toetsen de kaarten bij "
            "maatschappelijk werkers en bewoners: herkennen zij wat de cijfers tonen?"
        ),
        "target": "Lokale besturen, sociale diensten en middenveldorganisaties.",
        "impact": (
            "Kaarten voor 40 gemeenten gepubliceerd; 12 gemeenten gebruiken ze in hun planning."
        ),
    },
    {
        "name": "Samen onder één Dak",
        "org": "Woonbemiddeling Tussen Generaties vzw",
        "role": "civil_society",
        "stage": "scaling",
        "regions": ["flemish_brabant", "brussels"],
        "challenges": ["tekort-aan-betaalbare-woningen", "eenzaamheid-bij-ouderen"],
        "partners": ["civil_society", "knowledge"],
        "needs": ["scaling", "legal", "visibility"],
        "wanted": ["government", "financier"],
        "site": "samenonderendak",
        "tagline": (
            "Studenten wonen goedkoop bij ouderen, in ruil voor gezelschap en een helpende hand."
        ),
        "problem": (
            "Studenten vinden geen betaalbaar kot, terwijl veel ouderen alleen wonen in een te "
            "groot huis en zich eenzaam voelen."
        ),
        "systemic": (
            "De woningmarkt is georganiseerd per doelgroep, regels over domicilie en inkomen maken "
            "samenwonen riskant voor uitkeringen, en niemand bemiddelt."
        ),
        "approach": (
            "Een bemiddelaar brengt studenten en ouderen samen na een kennismaking, stelt een "
            "duidelijk contract op en volgt het samenwonen op."
        ),
        "target": "Alleenwonende ouderen met een vrije kamer, en studenten.",
        "impact": "180 duo's in vier studentensteden; 90% verlengt na het eerste jaar.",
    },
    {
        "name": "Kledingwerf",
        "org": "Sociale onderneming Draad en Naald",
        "role": "business",
        "stage": "co_creation",
        "regions": ["antwerp", "east_flanders"],
        "challenges": ["circulair-gebruik-van-spullen", "langdurige-werkloosheid"],
        "partners": ["business", "civil_society"],
        "needs": ["procurement", "funding", "scaling"],
        "wanted": ["government", "knowledge"],
        "site": "draadennaald",
        "tagline": (
            "Afgedankte bedrijfskleding wordt in een leerwerkatelier herwerkt tot nieuwe producten."
        ),
        "problem": (
            "Bedrijven verbranden jaarlijks tonnen werkkleding met hun logo. Tegelijk vinden "
            "mensen met een grote afstand tot de arbeidsmarkt moeilijk een leerwerkplek."
        ),
        "systemic": (
            "Textielrecyclage is duur en weinig georganiseerd, kleding met een merk mag niet "
            "zomaar hergebruikt worden, en maatwerkbedrijven missen opdrachten met een goede "
            "marge."
        ),
        "approach": (
            "We halen werkkleding op bij bedrijven, verwijderen de logo's en maken er tassen, "
            "schorten en isolatiemateriaal van, in een atelier met leerwerkplekken."
        ),
        "target": (
            "Mensen met een grote afstand tot de arbeidsmarkt, en bedrijven met textielafval."
        ),
        "impact": "Contracten met 14 bedrijven; 18 ton textiel herwerkt en 26 leerwerkplekken.",
    },
    {
        "name": "Energy Poverty Peer Exchange",
        "org": "Energy Justice Research Network",
        "role": "knowledge",
        "stage": "network_building",
        "regions": ["europe"],
        "challenges": ["energiearmoede-bij-huurders"],
        "partners": ["knowledge", "civil_society"],
        "needs": ["funding", "network", "visibility"],
        "wanted": ["government", "financier"],
        "site": "energypeers",
        "tagline": (
            "Tenant organisations in six countries learn from each other's fixes for cold homes."
        ),
        "problem": (
            "Millions of European tenants live in homes they cannot afford to heat. Local "
            "initiatives find solutions, but rarely hear about what works elsewhere."
        ),
        "systemic": (
            "Energy poverty falls between housing, social and energy policy, and each country "
            "measures it differently, which makes comparison and learning hard."
        ),
        "approach": (
            "Tenant organisations, researchers and cities visit each other's projects, document "
            "them in a shared format and test one idea from abroad at home."
        ),
        "target": "Tenant organisations, municipalities and researchers working on energy poverty.",
        "impact": (
            "Twelve exchange visits so far; four cities are testing an idea from another country."
        ),
        "language": "en",
    },
]


# Not public: the curators' review queue has something to work on in a fresh demo.
UNPUBLISHED_INNOVATIONS = [
    {
        "name": "Moestuin in Elke Wijk",
        "org": "Burgercollectief Groene Vingers Hasselt",
        "role": "citizen",
        "stage": "awareness",
        "regions": ["limburg"],
        "challenges": ["toegang-tot-lokale-gezonde-voeding", "hittestress-in-dichtbebouwde-wijken"],
        "partners": ["citizen"],
        "needs": ["legal", "network", "visibility"],
        "wanted": ["government", "business"],
        "site": "groenevingers",
        "tagline": "Braakliggende gronden worden tijdelijke moestuinen voor wie geen tuin heeft.",
        "problem": (
            "Wie in een appartement woont, heeft geen plek om groenten te kweken. Tegelijk liggen "
            "in de stad tientallen percelen jarenlang braak in afwachting van bouwplannen."
        ),
        "systemic": (
            "Tijdelijk gebruik van grond is juridisch ingewikkeld, eigenaars vrezen dat gebruikers "
            "niet meer vertrekken, en de stad heeft geen overzicht van braakliggende percelen."
        ),
        "approach": (
            "We brengen braakliggende percelen in kaart, organiseren infoavonden en zoeken "
            "eigenaars die een tijdelijke moestuin willen toestaan."
        ),
        "target": "Bewoners van appartementen en sociale woningen zonder tuin.",
        "impact": "48 percelen in kaart gebracht; drie eigenaars zijn in gesprek.",
        "status": "submitted",
    },
    {
        "name": "Sportclub voor Iedereen",
        "org": "Sportclub FC Samen Sterk Lier",
        "role": "civil_society",
        "stage": "insight",
        "regions": ["antwerp"],
        "challenges": ["kinderarmoede", "polarisatie-en-wantrouwen"],
        "partners": ["civil_society"],
        "needs": ["knowledge", "coaching"],
        "wanted": ["government", "citizen"],
        "site": "samensterk",
        "tagline": "Sportclubs ontdekken waarom kinderen uit kwetsbare gezinnen wegblijven.",
        "problem": (
            "Kinderen uit gezinnen met een laag inkomen of een migratieachtergrond zijn sterk "
            "ondervertegenwoordigd in sportclubs. Ze missen beweging, vrienden en een plek om bij "
            "te horen."
        ),
        "systemic": (
            "Lidgeld, uitrusting en vervoer naar wedstrijden kosten veel; clubs draaien op "
            "vrijwilligers en zien diversiteit niet als hun taak."
        ),
        "approach": (
            "We bevragen ouders, trainers en kinderen in drie wijken en zoeken welke drempels de "
            "clubs zelf kunnen wegnemen."
        ),
        "target": "Kinderen van 6 tot 14 jaar en de sportclubs in hun buurt.",
        "impact": "Net gestart.",
        "status": "submitted",
    },
    {
        "name": "Burgerpanel Zorg Noord-Limburg",
        "org": "Welzijnsregio Noord-Limburg",
        "role": "government",
        "stage": "problem_analysis",
        "regions": ["limburg"],
        "challenges": ["zorg-dicht-bij-huis", "betrokkenheid-bij-lokaal-beleid"],
        "partners": ["government", "knowledge"],
        "needs": ["knowledge", "coaching"],
        "wanted": ["citizen", "civil_society"],
        "site": "zorgpanel",
        "tagline": "Inwoners bepalen mee hoe de zorg in hun regio er over tien jaar uitziet.",
        "problem": (
            "De vergrijzing zet de zorg in landelijke gemeenten onder druk. Beslissingen over het "
            "zorgaanbod worden genomen zonder de inwoners die het gebruiken."
        ),
        "systemic": (
            "Zorgaanbieders, gemeenten en de Vlaamse overheid plannen elk apart; inwoners hebben "
            "geen stem in de keuze tussen nabijheid en specialisatie."
        ),
        "approach": (
            "Een burgerpanel van veertig inwoners analyseert samen met zorgverleners de knelpunten "
            "en formuleert voorstellen voor de eerstelijnszone."
        ),
        "target": "Inwoners van Noord-Limburg, met aandacht voor ouderen en mantelzorgers.",
        "impact": "In voorbereiding: de loting van het panel gebeurt volgende maand.",
        "status": "submitted",
    },
    {
        "name": "Buurtapp Helpende Hand",
        "org": "Startup Hulpklik",
        "role": "business",
        "stage": "co_creation",
        "regions": ["antwerp"],
        "challenges": ["eenzaamheid-bij-ouderen"],
        "partners": ["business"],
        "needs": ["funding", "visibility"],
        "wanted": ["civil_society"],
        "site": "hulpklik",
        "tagline": "Een app waarmee buren elkaar hulp aanbieden.",
        "problem": "Onze app laat buren elkaar helpen met boodschappen en klusjes.",
        "status": "changes_requested",
        "note": (
            "Bedankt voor je inzending! Beschrijf eerst het probleem dat je aanpakt en voor wie, "
            "nog voor de app zelf. Vertel ook welke oorzaken je ziet en welke resultaten je al "
            "hebt."
        ),
    },
    {
        "name": "Oppasnetwerk Nachtwerk",
        "org": "Bewonersgroep Nachtuil",
        "role": "citizen",
        "stage": "awareness",
        "regions": ["east_flanders"],
        "challenges": ["kinderarmoede"],
        "partners": ["citizen"],
        "site": "nachtuil",
        "problem": (
            "Ouders die 's nachts of in het weekend werken, vinden geen opvang voor hun kinderen."
        ),
        "status": "draft",
    },
]


# Published supporters: every helix role of the quintuple helix occurs.
SUPPORTERS = [
    {
        "name": "Sociaal Innovatielab Hogeschool Kempenland",
        "role": "knowledge",
        "site": "kempenlab",
        "offers": ["coaching", "knowledge", "training"],
        "stages": ["insight", "problem_analysis", "co_creation"],
        "themes": ["armoede-en-inclusie", "werk", "onderwijs"],
        "regions": ["antwerp", "limburg"],
        "description": (
            "Het lab begeleidt sociale innovatoren van probleemanalyse tot een eerste prototype, "
            "met studenten, onderzoekers en een coachingsprogramma van zes maanden. Elk semester "
            "starten tien nieuwe trajecten."
        ),
    },
    {
        "name": "Onderzoeksgroep Zorg in de Wijk",
        "role": "knowledge",
        "site": "zorgindewijk",
        "offers": ["knowledge", "network"],
        "stages": ["problem_analysis", "co_creation", "scaling"],
        "challenges": [
            "eenzaamheid-bij-ouderen",
            "overbelaste-mantelzorgers",
            "zorg-dicht-bij-huis",
        ],
        "themes": ["zorg"],
        "regions": ["flemish_brabant", "brussels", "flanders"],
        "description": (
            "Een interdisciplinaire onderzoeksgroep die samen met zorgorganisaties en bewoners "
            "nieuwe vormen van buurtgerichte zorg ontwikkelt en evalueert. Wij helpen bij "
            "impactmeting en bij het opzetten van een proefopzet."
        ),
    },
    {
        "name": "Living Lab Ouder Worden West",
        "role": "knowledge",
        "site": "ouderworden",
        "offers": ["space", "knowledge", "coaching"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["eenzaamheid-bij-ouderen", "digitale-kloof-bij-ouderen"],
        "themes": ["zorg"],
        "regions": ["west_flanders"],
        "description": (
            "Een living lab waar ouderen, mantelzorgers en bedrijven samen producten en diensten "
            "testen in echte woningen. Wij bieden testpanels, begeleiding en onze proefwoningen "
            "aan."
        ),
    },
    {
        "name": "Impactmeting Academie",
        "role": "knowledge",
        "site": "impactacademie",
        "offers": ["training", "knowledge"],
        "stages": ["co_creation", "scaling"],
        "regions": ["flanders"],
        "description": (
            "Wij leren sociale innovatoren hun maatschappelijke impact meten en vertellen, met een "
            "opleiding van vijf dagen en een helpdesk voor wie een subsidieaanvraag of rapport "
            "moet schrijven."
        ),
    },
    {
        "name": "Kennisnetwerk Systeeminnovatie",
        "role": "knowledge",
        "site": "systeeminnovatie",
        "offers": ["knowledge", "training", "network"],
        "stages": ["awareness", "insight", "problem_analysis"],
        "themes": ["klimaat-en-circulariteit", "democratie-en-participatie", "armoede-en-inclusie"],
        "regions": ["flanders", "belgium"],
        "description": (
            "Een netwerk van onderzoekers en praktijkmensen dat innovatoren helpt een uitdaging "
            "systemisch te bekijken: wie zijn de actoren, waar liggen de hefbomen, waar zit het "
            "systeem vast? Wij organiseren systeemateliers en leertrajecten."
        ),
    },
    {
        "name": "Bouwbedrijf De Nieuwe Steen",
        "role": "business",
        "site": "nieuwesteen",
        "offers": ["knowledge", "space", "network"],
        "stages": ["co_creation", "scaling"],
        "challenges": [
            "renovatie-van-verouderde-woningen",
            "energiearmoede-bij-huurders",
            "circulair-gebruik-van-spullen",
        ],
        "regions": ["limburg", "antwerp"],
        "description": (
            "Een circulair bouwbedrijf dat renovatieprojecten voor kwetsbare eigenaars en huurders "
            "mee ontwerpt en uitvoert. Wij stellen werfcoaches en materiaal ter beschikking voor "
            "proefprojecten."
        ),
    },
    {
        "name": "Adviesbureau Maatschappelijke Waarde",
        "role": "business",
        "site": "maatschappelijkewaarde",
        "offers": ["coaching", "legal", "procurement"],
        "stages": ["co_creation", "scaling"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Wij helpen sociale innovaties aan een verdienmodel, een passende juridische structuur "
            "en een goede onderhandeling met overheden als klant. De eerste drie adviesgesprekken "
            "zijn gratis voor initiatieven op HUBSI."
        ),
    },
    {
        "name": "Softwarecoöperatie Open Code",
        "role": "business",
        "site": "opencode",
        "offers": ["knowledge", "training"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["ontoegankelijke-digitale-overheidsdiensten", "digitale-kloof-bij-ouderen"],
        "themes": ["digitale-inclusie"],
        "regions": ["brussels", "flanders"],
        "description": (
            "Een coöperatie van ontwikkelaars die open-source software bouwt voor het middenveld "
            "en lokale besturen. Wij bieden pro-bonodagen en hulp bij het ontwerpen van "
            "toegankelijke digitale diensten."
        ),
    },
    {
        "name": "Buurtfonds Supermarkten Versnet",
        "role": "business",
        "site": "versnet",
        "offers": ["funding", "visibility", "network"],
        "stages": ["network_building", "co_creation"],
        "challenges": [
            "voedselonzekerheid-bij-gezinnen",
            "voedselverspilling",
            "toegang-tot-lokale-gezonde-voeding",
        ],
        "themes": ["voeding"],
        "regions": ["east_flanders", "west_flanders"],
        "description": (
            "Het buurtfonds van een keten van buurtsupermarkten steunt lokale initiatieven rond "
            "voeding en armoede met kleine bedragen, voedseloverschotten en zichtbaarheid in de "
            "winkels."
        ),
    },
    {
        "name": "Energieleverancier Zonnekracht",
        "role": "business",
        "site": "zonnekracht",
        "offers": ["knowledge", "funding", "network"],
        "stages": ["network_building", "co_creation", "scaling"],
        "challenges": ["lokale-hernieuwbare-energie", "energiearmoede-bij-huurders"],
        "themes": ["klimaat-en-circulariteit"],
        "regions": ["flanders"],
        "description": (
            "Een coöperatieve energieleverancier die energiegemeenschappen en projecten tegen "
            "energiearmoede ondersteunt met technisch advies, een leningsprogramma voor "
            "zonnepanelen en een sociaal tarief."
        ),
    },
    {
        "name": "Koepel Buurtwerk Meetjesland",
        "role": "civil_society",
        "site": "buurtwerkmeetjesland",
        "offers": ["network", "space"],
        "stages": ["awareness", "insight", "network_building"],
        "themes": ["armoede-en-inclusie", "democratie-en-participatie", "zorg"],
        "regions": ["east_flanders"],
        "description": (
            "De koepel van buurtwerkingen in het Meetjesland verbindt bewoners, vrijwilligers en "
            "lokale diensten. Wij brengen innovatoren in contact met buurten en bieden ruimte in "
            "onze buurthuizen."
        ),
    },
    {
        "name": "Vrijwilligerspunt Westhoek",
        "role": "civil_society",
        "site": "vrijwilligerswesthoek",
        "offers": ["training", "legal", "network"],
        "stages": ["awareness", "network_building", "co_creation"],
        "regions": ["west_flanders"],
        "description": (
            "Wij helpen initiatieven vrijwilligers te vinden, op te leiden en te verzekeren, en "
            "begeleiden burgercollectieven bij hun eerste stappen als vereniging."
        ),
    },
    {
        "name": "Huis van de Participatie",
        "role": "civil_society",
        "site": "huisvandeparticipatie",
        "offers": ["coaching", "training", "knowledge"],
        "stages": ["insight", "problem_analysis", "co_creation"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid", "polarisatie-en-wantrouwen"],
        "themes": ["democratie-en-participatie"],
        "regions": ["antwerp", "flanders"],
        "description": (
            "Een expertisecentrum voor burgerparticipatie dat lokale besturen en inwoners "
            "begeleidt bij burgerpanels, burgerbudgetten en wijkcontracten."
        ),
    },
    {
        "name": "Federatie Zorgzame Buurten",
        "role": "civil_society",
        "site": "zorgzamebuurten",
        "offers": ["network", "scaling", "visibility"],
        "stages": ["network_building", "scaling"],
        "challenges": [
            "zorg-dicht-bij-huis",
            "eenzaamheid-bij-ouderen",
            "overbelaste-mantelzorgers",
        ],
        "themes": ["zorg"],
        "regions": ["flanders"],
        "description": (
            "De federatie verenigt tachtig organisaties die werken aan zorgzame buurten. Wij delen "
            "methodes, organiseren lerende netwerken en helpen beloftevolle praktijken naar andere "
            "gemeenten te brengen."
        ),
    },
    {
        "name": "Platform Iedereen Toegang",
        "role": "civil_society",
        "site": "iedereentoegang",
        "offers": ["knowledge", "network", "training"],
        "stages": ["problem_analysis", "co_creation"],
        "challenges": ["toegankelijkheid-voor-mensen-met-een-beperking"],
        "themes": ["diversiteit"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Een platform van organisaties van mensen met een beperking. Wij testen diensten en "
            "plekken op toegankelijkheid en brengen ervaringsdeskundigen aan voor co-creatie."
        ),
    },
    {
        "name": "Samen Verder Brussel",
        "role": "civil_society",
        "site": "samenverder",
        "offers": ["network", "knowledge"],
        "stages": ["insight", "network_building", "co_creation"],
        "challenges": [
            "nieuwkomers-op-de-arbeidsmarkt",
            "discriminatie-op-de-arbeidsmarkt",
            "discriminatie-op-de-huurmarkt",
        ],
        "themes": ["diversiteit"],
        "regions": ["brussels"],
        "description": (
            "Een vereniging van en voor nieuwkomers die sociale innovatoren in contact brengt met "
            "gemeenschappen, brugfiguren en tolken, en helpt om doelgroepen echt te betrekken."
        ),
    },
    {
        "name": "Burgercollectief Deelkracht Leuven",
        "role": "citizen",
        "site": "deelkracht",
        "offers": ["coaching", "network"],
        "stages": ["awareness", "insight", "network_building"],
        "themes": ["democratie-en-participatie", "klimaat-en-circulariteit"],
        "regions": ["flemish_brabant"],
        "description": (
            "Een collectief van inwoners dat zijn ervaring met burgerinitiatieven deelt: hoe start "
            "je, hoe vind je vrijwilligers en hoe spreek je de gemeente aan? Wij bieden coaching "
            "van burger tot burger."
        ),
    },
    {
        "name": "Bewonersgroep Groene Gevels Kortrijk",
        "role": "citizen",
        "site": "groenegevels",
        "offers": ["space", "knowledge", "visibility"],
        "stages": ["awareness", "co_creation"],
        "challenges": ["hittestress-in-dichtbebouwde-wijken"],
        "themes": ["klimaat-en-circulariteit"],
        "regions": ["west_flanders"],
        "description": (
            "Bewoners die gevels, koeren en straten vergroenen. Wij lenen gereedschap uit, delen "
            "plantplannen en tonen onze straten graag als voorbeeld."
        ),
    },
    {
        "name": "Energiecoöperatie Zonnig Dorp",
        "role": "citizen",
        "site": "zonnigdorp",
        "offers": ["coaching", "legal", "funding"],
        "stages": ["network_building", "co_creation"],
        "challenges": ["lokale-hernieuwbare-energie"],
        "themes": ["klimaat-en-circulariteit"],
        "regions": ["limburg", "antwerp"],
        "description": (
            "Een burgercoöperatie die zelf zonnepanelen en een windturbine uitbaat en nieuwe "
            "energiegemeenschappen op weg helpt met statuten, financieringsmodellen en "
            "ledenwerving."
        ),
    },
    {
        "name": "Repaircafé Netwerk Waasland",
        "role": "citizen",
        "site": "repairwaasland",
        "offers": ["space", "network", "training"],
        "stages": ["awareness", "co_creation"],
        "challenges": ["circulair-gebruik-van-spullen"],
        "themes": ["klimaat-en-circulariteit"],
        "regions": ["east_flanders"],
        "description": (
            "Een netwerk van vrijwilligers dat elke maand repaircafés organiseert. Wij delen onze "
            "ervaring met herstellen, onze ruimte en onze vrijwilligers met circulaire "
            "initiatieven."
        ),
    },
    {
        "name": "Stadsregio Dender, Team Sociale Innovatie",
        "role": "government",
        "site": "stadsregiodender",
        "offers": ["procurement", "space", "network"],
        "stages": ["problem_analysis", "co_creation", "scaling"],
        "themes": ["armoede-en-inclusie", "wonen", "zorg"],
        "regions": ["east_flanders"],
        "description": (
            "Het team sociale innovatie van de stadsregio zoekt partners voor experimenten rond "
            "armoede, wonen en zorg, en kan optreden als eerste klant of als proefomgeving."
        ),
    },
    {
        "name": "Provinciaal Steunpunt Burgerbudgetten",
        "role": "government",
        "site": "burgerbudgetten",
        "offers": ["coaching", "funding", "knowledge"],
        "stages": ["insight", "co_creation"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid"],
        "themes": ["democratie-en-participatie"],
        "regions": ["limburg"],
        "description": (
            "Het steunpunt helpt gemeenten een burgerbudget op te zetten en verbindt hen met "
            "burgercollectieven en organisaties die willen experimenteren."
        ),
    },
    {
        "name": "Innovatieteam Gemeente Bergheide",
        "role": "government",
        "site": "bergheide",
        "offers": ["space", "procurement", "network"],
        "stages": ["insight", "co_creation"],
        "themes": ["mobiliteit", "zorg", "klimaat-en-circulariteit"],
        "regions": ["limburg"],
        "description": (
            "Een kleine gemeente die graag experimenteert: wij stellen leegstaande gebouwen, data "
            "en ambtenaren ter beschikking voor proefprojecten rond mobiliteit, zorg en klimaat."
        ),
    },
    {
        "name": "Vlaams Steunpunt Overheid als Partner",
        "role": "government",
        "site": "overheidalspartner",
        "offers": ["procurement", "legal", "training"],
        "stages": ["co_creation", "scaling"],
        "regions": ["flanders"],
        "description": (
            "Het steunpunt leert overheden sociale innovaties aan te kopen en mee te ontwikkelen "
            "via innovatieve overheidsopdrachten, pre-commerciële aankopen en partnerschappen."
        ),
    },
    {
        "name": "Welzijnsvereniging Regio Noord",
        "role": "government",
        "site": "regionoord",
        "offers": ["network", "space", "knowledge"],
        "stages": ["problem_analysis", "co_creation", "scaling"],
        "challenges": [
            "niet-gebruik-van-sociale-rechten",
            "problematische-schulden",
            "kinderarmoede",
        ],
        "themes": ["armoede-en-inclusie"],
        "regions": ["antwerp"],
        "description": (
            "Een samenwerking van sociale diensten van gemeenten die nieuwe werkwijzen rond "
            "sociale rechten en schulden test en opschaalt, en innovatoren in contact brengt met "
            "hulpverleners en cliënten."
        ),
    },
    {
        "name": "Impactfonds Helix",
        "role": "financier",
        "site": "impactfondshelix",
        "offers": ["funding", "coaching", "scaling"],
        "stages": ["scaling"],
        "themes": ["werk", "zorg", "klimaat-en-circulariteit"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Een sociaal investeringsfonds dat leningen en participaties verstrekt aan sociale "
            "innovaties die klaar zijn om op te schalen, met coaching op maat door het fondsteam."
        ),
    },
    {
        "name": "Coöperatieve Bank Samen Sparen",
        "role": "financier",
        "site": "samensparen",
        "offers": ["funding"],
        "stages": ["co_creation", "scaling"],
        "themes": ["wonen", "klimaat-en-circulariteit", "zorg"],
        "regions": ["belgium"],
        "description": (
            "Een coöperatieve bank die het spaargeld van haar leden uitleent aan projecten met "
            "maatschappelijke meerwaarde, van energiecoöperaties tot zorgboerderijen."
        ),
    },
    {
        "name": "Stichting Buurtkapitaal",
        "role": "financier",
        "site": "buurtkapitaal",
        "offers": ["funding", "coaching"],
        "stages": ["awareness", "insight", "network_building"],
        "themes": ["armoede-en-inclusie", "democratie-en-participatie"],
        "regions": ["antwerp", "east_flanders", "brussels"],
        "description": (
            "Een filantropische stichting die kleine startsubsidies en een jaar begeleiding geeft "
            "aan burgerinitiatieven in kwetsbare buurten."
        ),
    },
    {
        "name": "Crowdfundingplatform Kleine Kracht",
        "role": "financier",
        "site": "kleinekracht",
        "offers": ["funding", "visibility"],
        "stages": ["network_building", "co_creation"],
        "regions": ["flanders"],
        "description": (
            "Een crowdfundingplatform voor sociale projecten, met begeleiding bij de campagne en "
            "een verdubbeling van het opgehaalde bedrag voor geselecteerde projecten."
        ),
    },
    {
        "name": "Sociaal Leenfonds De Brug",
        "role": "financier",
        "site": "leenfondsdebrug",
        "offers": ["funding", "legal"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["langdurige-werkloosheid", "nieuwkomers-op-de-arbeidsmarkt"],
        "themes": ["werk"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Renteloze en achtergestelde leningen voor sociale ondernemingen en maatwerkbedrijven "
            "die groeien, met een eenvoudig dossier en een snelle beslissing."
        ),
    },
]


UNPUBLISHED_SUPPORTERS = [
    {
        "name": "Seniorengroep Digitaal Mee",
        "role": "citizen",
        "site": "digitaalmee",
        "offers": ["training", "knowledge"],
        "stages": ["insight", "co_creation"],
        "challenges": ["digitale-kloof-bij-ouderen"],
        "regions": ["antwerp"],
        "description": (
            "Een groep gepensioneerden die andere ouderen helpt met hun smartphone en computer, en "
            "haar ervaring wil delen met innovatoren rond digitale inclusie."
        ),
        "status": "submitted",
    },
]


# Experimentation places; `host` is the slug of a supporter above.
SPACES = [
    {
        "name": "Proefwoning Winterslag",
        "host": "bouwbedrijf-de-nieuwe-steen",
        "municipality": "Genk",
        "region": "limburg",
        "themes": ["wonen", "klimaat-en-circulariteit"],
        "challenges": ["energiearmoede-bij-huurders", "renovatie-van-verouderde-woningen"],
        "open": True,
        "description": (
            "Een echte woning uit de jaren vijftig waar innovatoren renovatietechnieken, "
            "energiecoaching en nieuwe huurafspraken kunnen testen met bewoners uit de wijk."
        ),
        "facilities": (
            "Een gerenoveerde arbeiderswoning met meetapparatuur voor energieverbruik, een "
            "vergaderruimte voor 15 personen en een werkplaats."
        ),
        "access": (
            "Gratis voor innovaties rond energiearmoede; reserveer minstens twee weken vooraf via "
            "het contactformulier."
        ),
    },
    {
        "name": "Buurtlabo De Kaai",
        "host": "vrijwilligerspunt-westhoek",
        "municipality": "Oostende",
        "region": "west_flanders",
        "themes": ["democratie-en-participatie", "armoede-en-inclusie"],
        "open": True,
        "description": (
            "Een voormalige loods aan de haven, omgebouwd tot buurtlabo waar bewoners, "
            "organisaties en de stad samen ideeën uitproberen."
        ),
        "facilities": "Grote polyvalente zaal, keuken, maakplaats met basisgereedschap en wifi.",
        "access": (
            "Open voor iedereen met een buurtidee; gratis op weekdagen, een kleine bijdrage in het "
            "weekend."
        ),
    },
    {
        "name": "Zorgproeftuin Huis Linde",
        "host": "living-lab-ouder-worden-west",
        "municipality": "Roeselare",
        "region": "west_flanders",
        "themes": ["zorg"],
        "challenges": ["eenzaamheid-bij-ouderen", "digitale-kloof-bij-ouderen"],
        "open": False,
        "description": (
            "Een woonzorgcentrum waar een afdeling is ingericht als proeftuin voor zorginnovaties, "
            "met bewoners en zorgpersoneel die meedenken."
        ),
        "facilities": (
            "Proefkamers, een observatieruimte en een testpanel van bewoners en mantelzorgers."
        ),
        "access": (
            "Voor innovaties in de fase co-creatie, na een intakegesprek en met toestemming van de "
            "ethische commissie."
        ),
    },
    {
        "name": "Digitaal Ontmoetingspunt Schaarbeek",
        "host": "softwarecooperatie-open-code",
        "municipality": "Schaarbeek",
        "region": "brussels",
        "themes": ["digitale-inclusie"],
        "challenges": ["ontoegankelijke-digitale-overheidsdiensten", "digitale-kloof-bij-ouderen"],
        "open": True,
        "description": (
            "Een ontmoetingsplek met computers en begeleiders waar nieuwe digitale diensten getest "
            "worden met mensen met weinig digitale vaardigheden."
        ),
        "facilities": (
            "Twaalf computers, tablets, een testlabo met schermopname en tolken op afspraak."
        ),
        "access": (
            "Testsessies op afspraak; gratis voor publieke diensten en organisaties zonder "
            "winstoogmerk."
        ),
    },
    {
        "name": "Stadsboerderij De Voedselwerf",
        "host": "koepel-buurtwerk-meetjesland",
        "municipality": "Eeklo",
        "region": "east_flanders",
        "themes": ["voeding"],
        "challenges": ["voedselverspilling", "toegang-tot-lokale-gezonde-voeding"],
        "open": True,
        "description": (
            "Een stadsboerderij met moestuinen, een professionele keuken en een buurtwinkel, waar "
            "initiatieven rond voeding kunnen experimenteren."
        ),
        "facilities": "Moestuin van twee hectare, professionele keuken, koelcel en verkoopruimte.",
        "access": "Voor voedselinitiatieven; keuken en koelcel zijn te gebruiken tegen kostprijs.",
    },
    {
        "name": "Makerspace Tweede Leven",
        "host": "repaircafe-netwerk-waasland",
        "municipality": "Sint-Niklaas",
        "region": "east_flanders",
        "themes": ["klimaat-en-circulariteit"],
        "challenges": ["circulair-gebruik-van-spullen"],
        "open": True,
        "description": (
            "Een makerspace waar herstellers, ontwerpers en sociale ondernemingen circulaire "
            "producten ontwikkelen."
        ),
        "facilities": (
            "Houtatelier, naaiatelier, 3D-printers, een lasersnijder en opslag voor materiaal."
        ),
        "access": (
            "Lidmaatschap met een tarief naar inkomen; begeleiding door vrijwilligers op woensdag "
            "en zaterdag."
        ),
    },
    {
        "name": "Proefzone Burgerbudget Bergheide",
        "host": "innovatieteam-gemeente-bergheide",
        "municipality": "Bergheide",
        "region": "limburg",
        "themes": ["democratie-en-participatie", "mobiliteit"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid", "onveilige-schoolroutes"],
        "open": True,
        "description": (
            "Een wijk waar de gemeente tijdelijk regels versoepelt om burgerinitiatieven rond "
            "mobiliteit en publieke ruimte te testen."
        ),
        "facilities": (
            "Tijdelijke vergunningen, straatmeubilair, een materiaalbudget en een begeleidende "
            "ambtenaar."
        ),
        "access": (
            "Aanvragen via een eenvoudig formulier; de bewonersgroep beslist mee welke proeven "
            "doorgaan."
        ),
    },
    {
        "name": "Mobiliteitslab Kempen",
        "host": "sociaal-innovatielab-hogeschool-kempenland",
        "municipality": "Geel",
        "region": "antwerp",
        "themes": ["mobiliteit", "werk"],
        "challenges": ["vervoersarmoede", "langdurige-werkloosheid"],
        "open": False,
        "description": (
            "Een testomgeving op een bedrijventerrein waar nieuwe vormen van gedeeld vervoer voor "
            "werknemers en werkzoekenden getest worden."
        ),
        "facilities": (
            "Deelfietsen en twee elektrische busjes voor proefritten, verkeerstellingen en een "
            "vergaderzaal."
        ),
        "access": (
            "Voor innovaties die samenwerken met minstens één bedrijf of gemeente; gratis tijdens "
            "de proefperiode."
        ),
    },
    {
        "name": "Leerplek Open School",
        "host": "welzijnsvereniging-regio-noord",
        "municipality": "Antwerpen",
        "region": "antwerp",
        "themes": ["onderwijs"],
        "challenges": ["vroegtijdig-schoolverlaten", "ongelijke-onderwijskansen"],
        "open": True,
        "description": (
            "Een school die na de lesuren haar lokalen openstelt voor projecten rond leren, "
            "huiswerkbegeleiding en ouderbetrokkenheid."
        ),
        "facilities": (
            "Klaslokalen, een computerklas, de sporthal en de refter, na 16 uur en op "
            "woensdagnamiddag."
        ),
        "access": (
            "Gratis voor initiatieven die met leerlingen of ouders van de school werken; aanvragen "
            "via de directie."
        ),
    },
    {
        "name": "Democratiecafé Leuven",
        "host": "burgercollectief-deelkracht-leuven",
        "municipality": "Leuven",
        "region": "flemish_brabant",
        "themes": ["democratie-en-participatie"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid", "polarisatie-en-wantrouwen"],
        "open": True,
        "description": (
            "Een café dat elke maand een avond organiseert waarop inwoners, politici en "
            "organisaties nieuwe vormen van inspraak uitproberen."
        ),
        "facilities": (
            "Zaal voor 60 personen, geluidsinstallatie en gespreksleiders uit het collectief."
        ),
        "access": "Op aanvraag; het collectief helpt met de opzet en de uitnodigingen.",
    },
]


UNPUBLISHED_SPACES = [
    {
        "name": "Testkeuken Sociale Kruidenier",
        "host": "buurtfonds-supermarkten-versnet",
        "municipality": "Kortrijk",
        "region": "west_flanders",
        "themes": ["voeding"],
        "challenges": ["voedselonzekerheid-bij-gezinnen"],
        "open": False,
        "description": (
            "Een keuken achter een sociale kruidenier waar nieuwe maaltijdconcepten met klanten "
            "getest worden."
        ),
        "facilities": "Professionele keuken en een proefruimte voor 20 personen.",
        "access": "Op afspraak, voor initiatieven rond betaalbare en gezonde voeding.",
        "status": "submitted",
    },
]


# `opens` and `deadline` count days from today (negative: past; None: no date, so a
# `deadline` of None is a rolling call). `funder` is a supporter's slug or None.
FUNDING = [
    {
        "name": "Startsubsidie Burgerinitiatieven",
        "funder_name": "Stichting Buurtkapitaal",
        "funder": "stichting-buurtkapitaal",
        "instrument": "grant",
        "amount_min": 1000,
        "amount_max": 5000,
        "opens": -20,
        "deadline": 40,
        "roles": ["citizen", "civil_society"],
        "stages": ["awareness", "insight", "network_building"],
        "challenges": [],
        "themes": ["armoede-en-inclusie", "democratie-en-participatie"],
        "regions": ["antwerp", "east_flanders", "brussels"],
        "description": (
            "Een kleine startsubsidie en een jaar begeleiding voor burgerinitiatieven in kwetsbare "
            "buurten. Aanvragen kan met een kort filmpje of een gesprek in plaats van een dossier."
        ),
    },
    {
        "name": "Oproep Experimenteerplekken",
        "funder_name": "Agentschap Experimenteerruimte",
        "funder": None,
        "instrument": "grant",
        "amount_min": 20000,
        "amount_max": 100000,
        "opens": -45,
        "deadline": 30,
        "roles": ["civil_society", "government", "knowledge"],
        "stages": ["co_creation"],
        "challenges": [],
        "themes": [],
        "regions": ["flanders"],
        "description": (
            "Steun voor experimenteerplekken waar burgers en andere actoren uit de helix samen een "
            "maatschappelijke uitdaging aanpakken en hun competenties voor sociale innovatie "
            "versterken."
        ),
    },
    {
        "name": "Impactlening Opschaling",
        "funder_name": "Impactfonds Helix",
        "funder": "impactfonds-helix",
        "instrument": "loan",
        "amount_min": 50000,
        "amount_max": 500000,
        "opens": None,
        "deadline": None,
        "roles": ["business", "civil_society"],
        "stages": ["scaling"],
        "challenges": [],
        "themes": [],
        "regions": ["flanders", "brussels"],
        "description": (
            "Een lening met een looptijd tot zeven jaar voor sociale innovaties met bewezen "
            "resultaten die naar nieuwe regio's of doelgroepen willen groeien."
        ),
    },
    {
        "name": "Participatie Sociale Groei",
        "funder_name": "Impactfonds Helix",
        "funder": "impactfonds-helix",
        "instrument": "equity",
        "amount_min": 100000,
        "amount_max": 750000,
        "opens": -300,
        "deadline": None,
        "roles": ["business"],
        "stages": ["scaling"],
        "challenges": [],
        "themes": ["werk", "zorg", "klimaat-en-circulariteit"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Een minderheidsparticipatie in sociale ondernemingen die opschalen, met een plaats in "
            "de raad van bestuur en coaching door het fondsteam."
        ),
    },
    {
        "name": "Prijs Sociale Innovatie van het Jaar",
        "funder_name": "Stichting Maatschappelijk Rendement",
        "funder": None,
        "instrument": "prize",
        "amount_min": None,
        "amount_max": 10000,
        "opens": 30,
        "deadline": 90,
        "roles": ["knowledge", "business", "civil_society", "citizen", "government", "financier"],
        "stages": ["co_creation", "scaling"],
        "challenges": [],
        "themes": [],
        "regions": ["flanders"],
        "description": (
            "Een jaarlijkse prijs voor een sociale innovatie die een maatschappelijk probleem "
            "systemisch aanpakt met een ongewoon partnerschap."
        ),
    },
    {
        "name": "Burgerbudget Bergheide",
        "funder_name": "Innovatieteam Gemeente Bergheide",
        "funder": "innovatieteam-gemeente-bergheide",
        "instrument": "citizen_budget",
        "amount_min": 500,
        "amount_max": 15000,
        "opens": -10,
        "deadline": 25,
        "roles": ["citizen"],
        "stages": ["awareness", "insight", "network_building", "co_creation"],
        "challenges": ["betrokkenheid-bij-lokaal-beleid"],
        "themes": [],
        "regions": ["limburg"],
        "description": (
            "Inwoners dienen ideeën in voor hun buurt; de inwoners stemmen zelf welke projecten "
            "een budget krijgen."
        ),
    },
    {
        "name": "Innovatieve Aanbesteding Zorg in de Buurt",
        "funder_name": "Stadsregio Dender, Team Sociale Innovatie",
        "funder": "stadsregio-dender-team-sociale-innovatie",
        "instrument": "procurement",
        "amount_min": 25000,
        "amount_max": 120000,
        "opens": 14,
        "deadline": 60,
        "roles": ["business", "civil_society", "knowledge"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["zorg-dicht-bij-huis", "eenzaamheid-bij-ouderen"],
        "themes": [],
        "regions": ["east_flanders"],
        "description": (
            "De stadsregio zoekt een partner die samen met buurten een nieuwe vorm van "
            "buurtgerichte zorg ontwikkelt en test. De opdracht wordt gegund na een dialoog met de "
            "kandidaten."
        ),
    },
    {
        "name": "Startfonds Energiegemeenschappen",
        "funder_name": "Energieleverancier Zonnekracht",
        "funder": "energieleverancier-zonnekracht",
        "instrument": "loan",
        "amount_min": 10000,
        "amount_max": 80000,
        "opens": -60,
        "deadline": 120,
        "roles": ["citizen", "civil_society"],
        "stages": ["network_building", "co_creation"],
        "challenges": ["lokale-hernieuwbare-energie", "energiearmoede-bij-huurders"],
        "themes": [],
        "regions": ["flanders"],
        "description": (
            "Een achtergestelde lening voor energiegemeenschappen die huurders en gezinnen met een "
            "laag inkomen laten meedoen."
        ),
    },
    {
        "name": "Verdubbelaar Crowdfunding Voorjaar",
        "funder_name": "Crowdfundingplatform Kleine Kracht",
        "funder": "crowdfundingplatform-kleine-kracht",
        "instrument": "crowdfunding",
        "amount_min": 2000,
        "amount_max": 20000,
        "opens": -150,
        "deadline": -30,
        "roles": ["citizen", "civil_society"],
        "stages": ["network_building", "co_creation"],
        "challenges": [],
        "themes": [],
        "regions": ["flanders"],
        "description": (
            "Voor elke euro die een geselecteerd project ophaalt bij de buurt, legt het platform "
            "er een euro bij, tot het maximumbedrag."
        ),
    },
    {
        "name": "Verdubbelaar Crowdfunding Najaar",
        "funder_name": "Crowdfundingplatform Kleine Kracht",
        "funder": "crowdfundingplatform-kleine-kracht",
        "instrument": "crowdfunding",
        "amount_min": 2000,
        "amount_max": 20000,
        "opens": 40,
        "deadline": 130,
        "roles": ["citizen", "civil_society"],
        "stages": ["network_building", "co_creation"],
        "challenges": [],
        "themes": [],
        "regions": ["flanders"],
        "description": (
            "De najaarsronde van de verdubbelaar: campagnebegeleiding en een euro extra voor elke "
            "opgehaalde euro."
        ),
    },
    {
        "name": "Buurtfonds Gezonde Voeding",
        "funder_name": "Buurtfonds Supermarkten Versnet",
        "funder": "buurtfonds-supermarkten-versnet",
        "instrument": "grant",
        "amount_min": 500,
        "amount_max": 5000,
        "opens": None,
        "deadline": 20,
        "roles": ["citizen", "civil_society"],
        "stages": ["awareness", "network_building", "co_creation"],
        "challenges": ["voedselonzekerheid-bij-gezinnen", "toegang-tot-lokale-gezonde-voeding"],
        "themes": ["voeding"],
        "regions": ["east_flanders", "west_flanders"],
        "description": (
            "Kleine bedragen voor lokale initiatieven die gezonde voeding betaalbaar en bereikbaar "
            "maken."
        ),
    },
    {
        "name": "Voedseloverschotten in Natura",
        "funder_name": "Buurtfonds Supermarkten Versnet",
        "funder": "buurtfonds-supermarkten-versnet",
        "instrument": "in_kind",
        "amount_min": None,
        "amount_max": None,
        "opens": None,
        "deadline": None,
        "roles": ["civil_society", "citizen"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["voedselverspilling", "voedselonzekerheid-bij-gezinnen"],
        "themes": [],
        "regions": ["east_flanders", "west_flanders"],
        "description": (
            "Initiatieven kunnen wekelijks voedseloverschotten ophalen in de winkels van de keten, "
            "met een vaste contactpersoon per winkel."
        ),
    },
    {
        "name": "Oproep Werkbaar Werk en Inclusie",
        "funder_name": "Fonds Werk en Toekomst",
        "funder": None,
        "instrument": "grant",
        "amount_min": 30000,
        "amount_max": 150000,
        "opens": -120,
        "deadline": -15,
        "roles": ["business", "civil_society", "government"],
        "stages": ["problem_analysis", "co_creation"],
        "challenges": ["uitval-door-burn-out", "langdurige-werkloosheid"],
        "themes": ["werk"],
        "regions": ["flanders"],
        "description": (
            "Steun voor partnerschappen die werk werkbaarder maken en mensen met een grote afstand "
            "tot de arbeidsmarkt duurzaam aan het werk helpen."
        ),
    },
    {
        "name": "Leningen Maatwerk en Sociale Economie",
        "funder_name": "Sociaal Leenfonds De Brug",
        "funder": "sociaal-leenfonds-de-brug",
        "instrument": "loan",
        "amount_min": 20000,
        "amount_max": 250000,
        "opens": None,
        "deadline": None,
        "roles": ["business", "civil_society"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["langdurige-werkloosheid"],
        "themes": ["werk"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Renteloze en achtergestelde leningen voor maatwerkbedrijven en sociale ondernemingen, "
            "met een beslissing binnen zes weken."
        ),
    },
    {
        "name": "Voorfinanciering Renovatiepremies",
        "funder_name": "Coöperatieve Bank Samen Sparen",
        "funder": "cooperatieve-bank-samen-sparen",
        "instrument": "loan",
        "amount_min": 5000,
        "amount_max": 60000,
        "opens": -200,
        "deadline": None,
        "roles": ["citizen", "business"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["renovatie-van-verouderde-woningen", "energiearmoede-bij-huurders"],
        "themes": ["wonen"],
        "regions": ["belgium"],
        "description": (
            "Een lening die renovatiepremies voorschiet, zodat eigenaars met een klein budget niet "
            "hoeven te wachten op de uitbetaling."
        ),
    },
    {
        "name": "Oproep Digitale Inclusie in de Buurt",
        "funder_name": "Fonds Digitaal Mee",
        "funder": None,
        "instrument": "grant",
        "amount_min": 10000,
        "amount_max": 60000,
        "opens": -30,
        "deadline": 10,
        "roles": ["civil_society", "government", "knowledge"],
        "stages": ["network_building", "co_creation"],
        "challenges": ["digitale-kloof-bij-ouderen", "ontoegankelijke-digitale-overheidsdiensten"],
        "themes": ["digitale-inclusie"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Steun voor projecten die digitale diensten toegankelijker maken of mensen helpen mee "
            "te blijven in een digitale samenleving."
        ),
    },
    {
        "name": "Onderzoeksbeurs Systeeminnovatie",
        "funder_name": "Kennisnetwerk Systeeminnovatie",
        "funder": "kennisnetwerk-systeeminnovatie",
        "instrument": "grant",
        "amount_min": 5000,
        "amount_max": 25000,
        "opens": 60,
        "deadline": 150,
        "roles": ["knowledge", "civil_society"],
        "stages": ["insight", "problem_analysis"],
        "challenges": [],
        "themes": [],
        "regions": ["flanders"],
        "description": (
            "Een beurs voor een systeemanalyse van een maatschappelijke uitdaging, uitgevoerd "
            "samen met de mensen die het probleem ervaren."
        ),
    },
    {
        "name": "Europese Oproep Opschaling Sociale Innovatie",
        "funder_name": "Europees Fonds voor Buurtinnovatie",
        "funder": None,
        "instrument": "grant",
        "amount_min": 200000,
        "amount_max": 2000000,
        "opens": -90,
        "deadline": 75,
        "roles": ["knowledge", "civil_society", "government", "business"],
        "stages": ["scaling"],
        "challenges": [],
        "themes": [],
        "regions": ["europe"],
        "description": (
            "Voor consortia uit minstens drie landen die een bewezen sociale innovatie samen "
            "opschalen en de lessen delen."
        ),
    },
    {
        "name": "Klimaatprijs voor Buurten",
        "funder_name": "Stichting Buurtkapitaal",
        "funder": "stichting-buurtkapitaal",
        "instrument": "prize",
        "amount_min": None,
        "amount_max": 5000,
        "opens": -200,
        "deadline": -100,
        "roles": ["citizen"],
        "stages": ["co_creation"],
        "challenges": ["hittestress-in-dichtbebouwde-wijken"],
        "themes": ["klimaat-en-circulariteit"],
        "regions": ["antwerp", "east_flanders", "brussels"],
        "description": (
            "Een prijs voor bewonersgroepen die hun buurt koeler, groener of zuiniger maken."
        ),
    },
    {
        "name": "Proeftuinen Mobiliteit op Maat",
        "funder_name": "Vlaams Steunpunt Overheid als Partner",
        "funder": "vlaams-steunpunt-overheid-als-partner",
        "instrument": "procurement",
        "amount_min": 40000,
        "amount_max": 200000,
        "opens": -80,
        "deadline": -2,
        "roles": ["business", "civil_society"],
        "stages": ["co_creation"],
        "challenges": ["vervoersarmoede"],
        "themes": ["mobiliteit"],
        "regions": ["flanders"],
        "description": (
            "Een innovatieve overheidsopdracht voor vervoer op maat in landelijke gemeenten, "
            "getest in drie proeftuinen."
        ),
    },
    {
        "name": "Coachingtraject Opschalen",
        "funder_name": "Adviesbureau Maatschappelijke Waarde",
        "funder": "adviesbureau-maatschappelijke-waarde",
        "instrument": "in_kind",
        "amount_min": None,
        "amount_max": None,
        "opens": None,
        "deadline": None,
        "roles": ["business", "civil_society", "citizen"],
        "stages": ["scaling"],
        "challenges": [],
        "themes": [],
        "regions": ["flanders", "brussels"],
        "description": (
            "Tien dagen gratis coaching over verdienmodel, juridische structuur en contracten met "
            "overheden, voor innovaties die willen opschalen."
        ),
    },
    {
        "name": "Woonfonds Gemeenschapsgrond",
        "funder_name": "Coöperatieve Bank Samen Sparen",
        "funder": "cooperatieve-bank-samen-sparen",
        "instrument": "loan",
        "amount_min": 100000,
        "amount_max": 1000000,
        "opens": 21,
        "deadline": None,
        "roles": ["citizen", "civil_society"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["tekort-aan-betaalbare-woningen"],
        "themes": ["wonen"],
        "regions": ["belgium"],
        "description": (
            "Langlopende leningen voor community land trusts en wooncoöperaties die grond in "
            "gemeenschappelijk bezit houden."
        ),
    },
    {
        "name": "Subsidie Mantelzorg en Werk",
        "funder_name": "Welzijnsvereniging Regio Noord",
        "funder": "welzijnsvereniging-regio-noord",
        "instrument": "grant",
        "amount_min": 2500,
        "amount_max": 15000,
        "opens": -5,
        "deadline": 55,
        "roles": ["business", "civil_society", "government"],
        "stages": ["awareness", "insight", "co_creation"],
        "challenges": ["overbelaste-mantelzorgers"],
        "themes": ["zorg"],
        "regions": ["antwerp"],
        "description": (
            "Steun voor werkgevers en organisaties die werkende mantelzorgers ondersteunen."
        ),
    },
    {
        "name": "Jongerenbudget Mentaal Welzijn",
        "funder_name": "Stichting Jong en Sterk",
        "funder": None,
        "instrument": "grant",
        "amount_min": 1000,
        "amount_max": 10000,
        "opens": -14,
        "deadline": 35,
        "roles": ["citizen", "civil_society"],
        "stages": ["awareness", "insight", "network_building", "co_creation"],
        "challenges": ["mentaal-welzijn-van-jongeren"],
        "themes": ["gezondheid"],
        "regions": ["flanders", "brussels"],
        "description": (
            "Een budget voor projecten die jongeren zelf bedenken en trekken rond mentaal welzijn."
        ),
    },
    {
        "name": "Oproep Nieuwkomers aan het Werk",
        "funder_name": "Fonds Werk en Toekomst",
        "funder": None,
        "instrument": "grant",
        "amount_min": 15000,
        "amount_max": 90000,
        "opens": 7,
        "deadline": 50,
        "roles": ["business", "civil_society", "government", "knowledge"],
        "stages": ["co_creation", "scaling"],
        "challenges": ["nieuwkomers-op-de-arbeidsmarkt", "discriminatie-op-de-arbeidsmarkt"],
        "themes": ["werk"],
        "regions": ["brussels", "flanders"],
        "description": (
            "Steun voor samenwerkingen tussen werkgevers en organisaties die nieuwkomers sneller "
            "aan werk helpen dat bij hun vaardigheden past."
        ),
    },
]


# Fragments for synthetic volume (`--innovations N` and friends).


MUNICIPALITIES = {
    "antwerp": ["Antwerpen", "Mechelen", "Turnhout", "Geel", "Lier", "Mol", "Boom", "Herentals"],
    "limburg": [
        "Genk",
        "Hasselt",
        "Sint-Truiden",
        "Maasmechelen",
        "Tongeren",
        "Beringen",
        "Lommel",
    ],
    "east_flanders": [
        "Gent",
        "Aalst",
        "Sint-Niklaas",
        "Dendermonde",
        "Eeklo",
        "Oudenaarde",
        "Ronse",
    ],
    "flemish_brabant": ["Leuven", "Vilvoorde", "Tienen", "Halle", "Aarschot", "Diest", "Zaventem"],
    "west_flanders": ["Brugge", "Kortrijk", "Oostende", "Roeselare", "Ieper", "Waregem", "Tielt"],
    "brussels": ["Brussel", "Anderlecht", "Molenbeek", "Schaarbeek", "Sint-Gillis", "Vorst"],
    "flanders": ["Vlaanderen"],
    "belgium": ["België"],
    "europe": ["Europa"],
}


NAME_HEADS = [
    "Samen",
    "Buurt",
    "Warm",
    "Deel",
    "Zorg",
    "Groen",
    "Open",
    "Stads",
    "Dorps",
    "Werk",
    "Leer",
    "Kansen",
    "Thuis",
    "Brug",
    "Wijk",
    "Mee",
    "Sterk",
    "Klein",
]


NAME_TAILS = [
    "kracht",
    "werf",
    "punt",
    "net",
    "lab",
    "kring",
    "huis",
    "tafel",
    "kompas",
    "atelier",
    "plein",
    "route",
    "keuken",
    "schakel",
    "baken",
    "vonk",
    "hart",
    "kas",
]


# How organisations of each helix role tend to be named; {name} is the generated name.
ORGANISATION_FORMS = {
    "knowledge": [
        "Onderzoeksgroep {name}",
        "Kenniscentrum {name}",
        "Sociaal Innovatielab {name}",
        "Expertisecentrum {name}",
    ],
    "business": [
        "{name} cv",
        "Sociale onderneming {name}",
        "Ontwerpbureau {name}",
        "Adviesbureau {name}",
    ],
    "civil_society": ["{name} vzw", "Vereniging {name}", "Netwerk {name}", "Koepel {name}"],
    "citizen": [
        "Burgercollectief {name}",
        "Bewonersgroep {name}",
        "Buurtinitiatief {name}",
        "Burgercoöperatie {name}",
    ],
    "government": [
        "Innovatieteam {name}",
        "Welzijnsvereniging {name}",
        "Intergemeentelijk project {name}",
        "Participatiedienst {name}",
    ],
    "financier": ["Fonds {name}", "Stichting {name}", "Impactfonds {name}", "Leenfonds {name}"],
}


MANNERS = [
    "wijk per wijk",
    "met ervaringsdeskundigen aan het stuur",
    "over de grenzen van beleidsdomeinen heen",
    "van onderuit",
    "met de buurt als motor",
    "samen met lokale partners",
    "dicht bij huis",
    "met een ongewoon partnerschap",
]


TAGLINES = [
    "Een nieuwe aanpak rond {topic}, {manner}.",
    "Bewoners en organisaties in {place} aan de slag rond {topic}.",
    "Een proeftuin rond {topic}, {manner}.",
    "{Topic}: samen zoeken naar wat werkt, {manner}.",
    "Rond {topic} in {place}, {manner}.",
]


PROBLEM_LOCAL = [
    "In {place} zien we dat elke dag.",
    "Ook in {place} is dat geen uitzondering meer.",
    "Bewoners en hulpverleners in {place} botsen er dagelijks op.",
    "Uit gesprekken in {place} blijkt hoe groot de nood is.",
    "In {place} groeit het probleem elk jaar.",
]


PROBLEM_DETAILS = [
    "Wie erdoor getroffen wordt, vindt de weg naar hulp nauwelijks.",
    "Bestaande diensten bereiken vooral wie al mondig is.",
    "De gevolgen stapelen zich op: stress, gezondheidsklachten en isolement.",
    "Het probleem blijft onzichtbaar omdat het zich achter de voordeur afspeelt.",
    "Vooral gezinnen met een laag inkomen en alleenstaanden worden geraakt.",
    "Professionals zien het probleem, maar hebben geen tijd of mandaat om het aan te pakken.",
    "Goede cijfers ontbreken, waardoor beleid vaak op aannames steunt.",
    "Wie het probleem ervaart, schaamt zich vaak om hulp te vragen.",
]


SYSTEMIC_SENTENCES = [
    "Beleidsdomeinen werken elk met hun eigen regels, budgetten en doelgroepen.",
    "Diensten zijn georganiseerd rond hun aanbod en niet rond de mensen die ze nodig hebben.",
    "Wie het probleem ervaart, zit zelden mee aan tafel waar beslist wordt.",
    "Financiering is kort en projectmatig, waardoor wat werkt zelden structureel wordt.",
    "Gegevens ontbreken of zitten verspreid over verschillende organisaties.",
    "Regels die elk apart verstandig zijn, houden samen het probleem in stand.",
    "Informele hulp van buren en vrijwilligers en professionele hulp kennen elkaar nauwelijks.",
    "De kosten van het probleem vallen bij andere partijen dan de baten van een oplossing.",
    "Schaamte en wantrouwen maken dat mensen pas hulp zoeken als het te laat is.",
    "Bedrijven, overheden en middenveld kennen elkaars taal en werkwijze onvoldoende.",
]


APPROACH_FIRST = [
    "We brengen bewoners, hulpverleners en beleidsmakers in {place} samen in een lerend netwerk.",
    (
        "Ervaringsdeskundigen ontwerpen samen met professionals een nieuwe dienst en testen die in "
        "{place}."
    ),
    (
        "We testen in {place} een eenvoudig aanspreekpunt in de buurt, zonder wachtlijst of "
        "formulieren."
    ),
    "Vrijwilligers uit de buurt worden opgeleid en krijgen een vaste coach.",
    "We bouwen een ongewoon partnerschap met een bedrijf, een school en de gemeente.",
    "In drie proefwijken in {place} starten we kleinschalige experimenten.",
    "Met systeemkaarten brengen we samen met alle betrokkenen de knelpunten in kaart.",
    (
        "Een kleine groep pioniers werkt een prototype uit en test het met de mensen voor wie het "
        "bedoeld is."
    ),
]


APPROACH_SECOND = [
    "Elke drie maanden evalueren we met de deelnemers wat werkt en wat niet.",
    "Wat werkt, beschrijven we zo dat andere gemeenten het kunnen overnemen.",
    "Een onderzoeksgroep volgt de resultaten op.",
    "De deelnemers beslissen zelf mee over de volgende stappen.",
    "We zoeken een overheid die de aanpak wil inkopen of mee wil financieren.",
    "Zo groeit stap voor stap een aanpak die ook zonder projectgeld overeind blijft.",
]


TARGET_GROUPS = [
    "Alleenstaande ouders met een laag inkomen",
    "Jongeren tussen 16 en 25 jaar",
    "Ouderen die alleen wonen",
    "Nieuwkomers in hun eerste jaren in België",
    "Huurders op de private huurmarkt",
    "Mensen met een arbeidsbeperking",
    "Gezinnen in kwetsbare wijken",
    "Werkzoekenden zonder diploma",
    "Mantelzorgers die zelf ook werken",
    "Lokale besturen en hun sociale diensten",
    "Kinderen in het basisonderwijs en hun ouders",
    "Bewoners van sociale woonwijken",
]


# {n} is a number of people, {k} a small count of places or partners.
IMPACTS = {
    "awareness": [
        "Nog geen resultaten: we maken het probleem eerst zichtbaar.",
        "Eerste campagne gestart; {n} mensen bereikt.",
        "{n} mensen kwamen naar de eerste infoavond.",
    ],
    "insight": [
        "Gesprekken met {n} betrokkenen gaven een eerste beeld van de noden.",
        "Eerste inzichten gedeeld met {k} organisaties.",
    ],
    "problem_analysis": [
        "De probleemanalyse met {k} partners loopt.",
        "Systeemkaart opgemaakt met {n} betrokkenen.",
    ],
    "network_building": [
        "Netwerk van {k} organisaties opgebouwd.",
        "{k} partners engageerden zich om samen te experimenteren.",
    ],
    "co_creation": [
        "Eerste prototype getest met {n} deelnemers.",
        "Proef in {k} wijken loopt; {n} deelnemers bereikt.",
    ],
    "scaling": [
        "Actief in {k} gemeenten met {n} deelnemers.",
        "{n} deelnemers bereikt; uitbreiding naar {k} nieuwe gemeenten gepland.",
    ],
}


SUPPORTER_INTROS = {
    "knowledge": [
        "Wij verbinden onderzoek en praktijk rond maatschappelijke uitdagingen.",
        "Onze onderzoekers en studenten werken mee aan sociale innovaties in de regio.",
    ],
    "business": [
        "Wij zijn een bedrijf dat zijn expertise wil inzetten voor maatschappelijke uitdagingen.",
        "Als onderneming zoeken we partners om samen sociale innovaties op te zetten.",
    ],
    "civil_society": [
        "Wij werken al jaren met en voor mensen in kwetsbare situaties.",
        "Onze vereniging verbindt vrijwilligers, bewoners en organisaties.",
    ],
    "citizen": [
        "Wij zijn inwoners die zelf de handen uit de mouwen steken.",
        "Ons collectief ontstond uit een buurtgesprek en groeide uit tot een stevig netwerk.",
    ],
    "government": [
        "Als lokaal bestuur willen we experimenteren met nieuwe antwoorden.",
        "Onze dienst zoekt partners om beleid samen met inwoners te vernieuwen.",
    ],
    "financier": [
        "Wij financieren initiatieven met maatschappelijke meerwaarde.",
        "Ons fonds investeert in sociale innovaties die het verschil maken.",
    ],
}


SUPPORTER_OFFERS = [
    "We bieden begeleiding op maat en brengen innovatoren in contact met de juiste partners.",
    "Innovatoren kunnen bij ons terecht voor advies, ruimte en een netwerk.",
    "We delen onze kennis via opleidingen, intervisie en werkbezoeken.",
    "We helpen om resultaten te meten en zichtbaar te maken.",
    "We denken mee over financiering, contracten en samenwerking met overheden.",
]


SUPPORTER_CLOSINGS = [
    "Neem gerust contact op voor een eerste gesprek.",
    "We werken het liefst samen met mensen die het probleem zelf ervaren.",
    "Elk jaar begeleiden we enkele nieuwe initiatieven.",
    "We werken in {place} en omgeving.",
]


SPACE_FORMS = [
    "Buurtlabo {name}",
    "Proeftuin {name}",
    "Experimenteerplek {name}",
    "Living lab {name}",
    "Maakplaats {name}",
    "Ontmoetingshuis {name}",
]


SPACE_DESCRIPTIONS = [
    "Een plek waar bewoners en organisaties samen nieuwe ideeën uitproberen.",
    "Een voormalig fabrieksgebouw, omgebouwd tot experimenteerplek voor de buurt.",
    (
        "Een proeftuin waar innovaties in een echte omgeving getest worden, met de mensen voor wie "
        "ze bedoeld zijn."
    ),
    "Een open huis in de wijk met ruimte om te vergaderen, te bouwen en te testen.",
]


FACILITIES = [
    "vergaderzaal voor 20 personen",
    "keuken",
    "werkplaats met gereedschap",
    "wifi en projector",
    "tuin",
    "opslagruimte",
    "computerlokaal",
    "podium en geluidsinstallatie",
    "proefwoning",
    "naaiatelier",
]


ACCESS_RULES = [
    "Gratis voor buurtinitiatieven; reserveren via het contactformulier.",
    "Tegen kostprijs, met korting voor burgercollectieven.",
    "Na een kort kennismakingsgesprek; gratis tijdens de proefperiode.",
    "Op afspraak, voor projecten die met bewoners uit de wijk werken.",
]


CALL_FORMS = {
    "grant": ["Oproep {theme}", "Projectsubsidie {theme}"],
    "loan": ["Lening {theme}", "Impactlening {theme}"],
    "equity": ["Groeikapitaal {theme}"],
    "prize": ["Prijs {theme}", "Innovatieprijs {theme}"],
    "procurement": ["Innovatieve aanbesteding {theme}"],
    "crowdfunding": ["Verdubbelaar {theme}"],
    "citizen_budget": ["Burgerbudget {theme}", "Wijkbudget {theme}"],
    "in_kind": ["Begeleidingstraject {theme}"],
}


# (possible minimum amounts, multipliers for the maximum); None: no amounts (in kind).
AMOUNTS = {
    "grant": (
        [1000, 2500, 5000, 10000, 25000],
        [2, 4, 5, 10],
    ),
    "loan": (
        [5000, 10000, 25000, 50000],
        [5, 10, 20],
    ),
    "equity": (
        [50000, 100000, 250000],
        [3, 5, 10],
    ),
    "prize": (
        [1000, 2500, 5000],
        [2, 4],
    ),
    "procurement": (
        [10000, 25000, 50000],
        [2, 4, 8],
    ),
    "crowdfunding": (
        [1000, 2500, 5000],
        [4, 10],
    ),
    "citizen_budget": (
        [500, 1000, 2500],
        [5, 10, 20],
    ),
    "in_kind": None,
}


OTHER_FUNDERS = [
    "Fonds Werk en Toekomst",
    "Stichting Jong en Sterk",
    "Agentschap Experimenteerruimte",
    "Europees Fonds voor Buurtinnovatie",
    "Fonds Digitaal Mee",
    "Stichting Maatschappelijk Rendement",
]


FUNDING_DESCRIPTIONS = [
    "Steun voor initiatieven rond {theme} die samenwerken over sectoren heen.",
    (
        "Voor projecten die een uitdaging rond {theme} systemisch aanpakken, samen met de mensen "
        "die het probleem ervaren."
    ),
    (
        "Deze oproep zoekt partnerschappen rond {theme} met minstens één partner uit een andere "
        "helixrol."
    ),
]


FUNDING_PROCEDURES = [
    "Aanvragen kan via een kort formulier; een jury beslist binnen acht weken.",
    "Een eerste gesprek is verplicht; daarna volgt een uitgewerkt dossier.",
    "Het fonds begeleidt de aanvraag en beslist binnen zes weken.",
]


BATCH_SIZE = 5000

# A model instance to insert and, per many-to-many field name, the primary keys to link to it.
Row = tuple[models.Model, dict[str, Iterable]]

STAGES: list[str] = list(vocabulary.Stage.values)
ROLES: list[str] = list(vocabulary.HelixRole.values)
SUPPORT_TYPES: list[str] = list(vocabulary.SupportType.values)
INSTRUMENTS: list[str] = list(vocabulary.Instrument.values)
LOCAL_REGIONS = [
    "antwerp",
    "limburg",
    "east_flanders",
    "flemish_brabant",
    "west_flanders",
    "brussels",
]
WIDE_REGIONS = ["flanders", "belgium", "europe"]
BILINGUAL_FIELDS = ("slug", "name_nl", "name_en", "description_nl", "description_en")


def insert_rows(model: type[models.Model], rows: Sequence[Row]) -> None:
    """bulk_create the instances, then the through rows of their many-to-many relations."""
    if not rows:
        return
    objs = model.objects.bulk_create([obj for obj, _ in rows], batch_size=BATCH_SIZE)
    if objs[0].pk is None:
        raise CommandError(
            "This database does not return primary keys from bulk inserts: "
            "use PostgreSQL, or SQLite 3.35 or newer."
        )
    for name in sorted({name for _, links in rows for name in links}):
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            [
                through(**{source: obj.pk, target: pk})
                for obj, links in rows
                for pk in dict.fromkeys(links.get(name, ()))  # de-duplicated, order kept
            ],
            batch_size=BATCH_SIZE,
        )


def insert_missing(model: type[models.Model], rows: Sequence[Row]) -> int:
    """Insert the rows whose slug is not taken yet: what exists is never changed."""
    slugs = [obj.slug for obj, _ in rows]
    existing = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    missing = [row for row in rows if row[0].slug not in existing]
    insert_rows(model, missing)
    return len(missing)


def pick(ids: dict[str, int], slugs: Iterable[str]) -> list[int]:
    """Primary keys for the slugs that exist (a curator may have renamed one)."""
    return [ids[slug] for slug in slugs if slug in ids]


def website(site: str) -> dict[str, str]:
    return {"website": f"https://{site}.example", "contact_email": f"info@{site}.example"}


def publication(
    status: str, now: datetime.datetime, age_days: float
) -> dict[str, str | datetime.datetime | None]:
    """Status and dates; published items get distinct dates so "recent" sorting means something."""
    moment = now - datetime.timedelta(days=age_days)
    if status == Status.PUBLISHED:
        return {
            "status": status,
            "published_at": moment,
            "created_at": moment - datetime.timedelta(days=9),
        }
    return {"status": status, "published_at": None, "created_at": moment}


def seed_base(now: datetime.datetime) -> dict[str, int]:
    """Create the hand-written demo content that is missing; return how many of each were added."""
    created: dict[str, int] = {}
    with transaction.atomic():
        created["themes"] = insert_missing(
            Theme,
            [
                (Theme(**dict(zip(BILINGUAL_FIELDS, row, strict=True)), position=position), {})
                for position, row in enumerate(THEMES)
            ],
        )
        theme_ids = dict(Theme.objects.values_list("slug", "pk"))
        created["challenges"] = insert_missing(
            Challenge,
            [
                (
                    Challenge(
                        theme_id=theme_ids[theme], **dict(zip(BILINGUAL_FIELDS, row, strict=True))
                    ),
                    {},
                )
                for theme, *row in CHALLENGES
                if theme in theme_ids
            ],
        )
        challenge_ids = dict(Challenge.objects.values_list("slug", "pk"))

        rows = []
        for age, item in [*enumerate(INNOVATIONS), *enumerate(UNPUBLISHED_INNOVATIONS)]:
            status = item.get("status", Status.PUBLISHED)
            innovation = Innovation(
                name=item["name"],
                slug=slugify(item["name"]),
                organisation_name=item["org"],
                organisation_role=item["role"],
                language=item.get("language", vocabulary.ContentLanguage.DUTCH),
                tagline=item.get("tagline", ""),
                problem=item["problem"],
                systemic_view=item.get("systemic", ""),
                approach=item.get("approach", ""),
                target_group=item.get("target", ""),
                impact=item.get("impact", ""),
                stage=item["stage"],
                featured=item.get("featured", False),
                curator_note=item.get("note", ""),
                **website(item["site"]),
                **publication(status, now, 1 + 3 * age + (age % 5) / 7),
            )
            links = {
                "challenges": pick(challenge_ids, item["challenges"]),
                "regions": item["regions"],
                "partner_roles": item.get("partners", []),
                "needs": item.get("needs", []),
                "wanted_roles": item.get("wanted", []),
            }
            rows.append((innovation, links))
        created["innovations"] = insert_missing(Innovation, rows)

        rows = []
        for age, item in [*enumerate(SUPPORTERS), *enumerate(UNPUBLISHED_SUPPORTERS)]:
            supporter = Supporter(
                name=item["name"],
                slug=slugify(item["name"]),
                helix_role=item["role"],
                description=item["description"],
                **website(item["site"]),
                **publication(item.get("status", Status.PUBLISHED), now, 2 + 5 * age),
            )
            links = {
                "offers": item["offers"],
                "stages": item["stages"],
                "challenges": pick(challenge_ids, item.get("challenges", [])),
                "themes": pick(theme_ids, item.get("themes", [])),
                "regions": item["regions"],
            }
            rows.append((supporter, links))
        created["supporters"] = insert_missing(Supporter, rows)

        supporter_ids = dict(Supporter.objects.values_list("slug", "pk"))
        rows = []
        for age, item in [*enumerate(SPACES), *enumerate(UNPUBLISHED_SPACES)]:
            if item["host"] not in supporter_ids:
                continue
            space = ExperimentationSpace(
                host_id=supporter_ids[item["host"]],
                name=item["name"],
                slug=slugify(item["name"]),
                description=item["description"],
                municipality=item["municipality"],
                region=item["region"],
                facilities=item["facilities"],
                access=item["access"],
                open_to_citizens=item["open"],
                **publication(item.get("status", Status.PUBLISHED), now, 3 + 8 * age),
            )
            links = {
                "themes": pick(theme_ids, item.get("themes", [])),
                "challenges": pick(challenge_ids, item.get("challenges", [])),
            }
            rows.append((space, links))
        created["experimentation places"] = insert_missing(ExperimentationSpace, rows)

        day = today()
        rows = []
        for age, item in enumerate(FUNDING):
            slug = slugify(item["name"])
            funding = FundingOpportunity(
                name=item["name"],
                slug=slug,
                funder_name=item["funder_name"],
                funder_id=supporter_ids.get(item["funder"]) if item["funder"] else None,
                description=item["description"],
                instrument=item["instrument"],
                amount_min=item["amount_min"],
                amount_max=item["amount_max"],
                opens_on=day + datetime.timedelta(days=item["opens"])
                if item["opens"] is not None
                else None,
                deadline=day + datetime.timedelta(days=item["deadline"])
                if item["deadline"] is not None
                else None,
                url=f"https://example.org/oproepen/{slug}",
                **publication(Status.PUBLISHED, now, 1 + 4 * age),
            )
            links = {
                "eligible_roles": item["roles"],
                "stages": item["stages"],
                "challenges": pick(challenge_ids, item["challenges"]),
                "themes": pick(theme_ids, item["themes"]),
                "regions": item["regions"],
            }
            rows.append((funding, links))
        created["funding opportunities"] = insert_missing(FundingOpportunity, rows)
    return created


class Synthesizer:
    """Plausible, varied rows built from the fragments above, drawn with a fixed seed."""

    def __init__(self, seed: str, now: datetime.datetime):
        self.rng = random.Random(seed)
        self.now = now
        self.challenges = list(
            Challenge.objects.active().values_list("pk", "theme_id", "name_nl", "description_nl")
        )
        self.themes = list(Theme.objects.active().values_list("pk", "name_nl"))
        if not self.challenges or not self.themes:
            raise CommandError(
                "There are no active themes or challenges to link generated content to. "
                "Activate some in the admin, or run seed_demo on an empty database."
            )

    # Small drawing helpers.
    def some(self, items: Sequence, low: int, high: int) -> list:
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def regions(self) -> list[str]:
        first = self.rng.choice(LOCAL_REGIONS if self.rng.random() < 0.85 else WIDE_REGIONS)
        return (
            [first, self.rng.choice(vocabulary.Region.values)]
            if self.rng.random() < 0.25
            else [first]
        )

    def place(self, region: str) -> str:
        return self.rng.choice(MUNICIPALITIES[region])

    def short_name(self, region: str) -> str:
        head, tail = self.rng.choice(NAME_HEADS), self.rng.choice(NAME_TAILS)
        return f"{head}{tail} {self.place(region)}"

    def published(self) -> dict:
        # Older than the hand-written content, so the demo's best texts stay on top of "recent".
        age = datetime.timedelta(seconds=self.rng.randint(200 * 86400, 1100 * 86400))
        return {
            "status": Status.PUBLISHED,
            "published_at": self.now - age,
            "created_at": self.now - age - datetime.timedelta(days=self.rng.randint(1, 30)),
        }

    def innovation(self, n: int) -> Row:
        rng = self.rng
        regions = self.regions()
        place = self.place(regions[0])
        name = f"{rng.choice(NAME_HEADS)}{rng.choice(NAME_TAILS)} {place}"
        role = rng.choices(ROLES, weights=[10, 15, 35, 20, 15, 5])[0]
        stage = rng.choices(STAGES, weights=[10, 20, 20, 20, 20, 10])[0]
        challenges = self.some(self.challenges, 1, 3)
        _pk, _theme, topic_name, description = challenges[0]
        topic = topic_name[0].lower() + topic_name[1:]
        partners = [role, *self.some(ROLES, 0, 2)]
        innovation = Innovation(
            name=name,
            slug=f"{slugify(name)}-{n}",
            organisation_name=rng.choice(ORGANISATION_FORMS[role]).format(name=name),
            organisation_role=role,
            tagline=rng.choice(TAGLINES).format(
                topic=topic, Topic=topic_name, place=place, manner=rng.choice(MANNERS)
            ),
            problem=" ".join(
                [
                    description or f"{topic_name} raakt veel mensen.",
                    rng.choice(PROBLEM_LOCAL).format(place=place),
                    rng.choice(PROBLEM_DETAILS),
                ]
            ),
            systemic_view=" ".join(rng.sample(SYSTEMIC_SENTENCES, 2)),
            approach=" ".join(
                [rng.choice(APPROACH_FIRST).format(place=place), rng.choice(APPROACH_SECOND)]
            ),
            target_group=f"{rng.choice(TARGET_GROUPS)} in {place}.",
            impact=rng.choice(IMPACTS[stage]).format(
                n=rng.randint(12, 300) * (6 if stage == vocabulary.Stage.SCALING else 1),
                k=rng.randint(2, 25),
            ),
            stage=stage,
            **self.published(),
        )
        links = {
            "challenges": [pk for pk, *_ in challenges],
            "regions": regions,
            "partner_roles": partners,
            "needs": self.some(SUPPORT_TYPES, 1, 4),
            # Roles it lacks: what "unusual partnerships" matching looks for.
            "wanted_roles": self.some([r for r in ROLES if r not in partners], 0, 2),
        }
        return innovation, links

    def supporter(self, n: int) -> Row:
        rng = self.rng
        role = ROLES[n % len(ROLES)]  # round robin, so every helix role grows evenly
        regions = self.regions()
        place = self.place(regions[0])
        name = rng.choice(ORGANISATION_FORMS[role]).format(name=self.short_name(regions[0]))
        first_stage = rng.randrange(len(STAGES))
        supporter = Supporter(
            name=name,
            slug=f"{slugify(name)}-{n}",
            helix_role=role,
            description=" ".join(
                [
                    rng.choice(SUPPORTER_INTROS[role]),
                    rng.choice(SUPPORTER_OFFERS),
                    rng.choice(SUPPORTER_CLOSINGS).format(place=place),
                ]
            ),
            **self.published(),
        )
        links = {
            "offers": self.some(SUPPORT_TYPES, 1, 4),
            "stages": STAGES[first_stage : first_stage + rng.randint(1, 4)],  # adjacent stages
            "challenges": [pk for pk, *_ in self.some(self.challenges, 0, 3)],
            "themes": [pk for pk, _ in self.some(self.themes, 0, 2)],
            "regions": regions,
        }
        return supporter, links

    def space(self, n: int, host_ids: Sequence[int]) -> Row:
        rng = self.rng
        region = rng.choice(LOCAL_REGIONS)
        municipality = self.place(region)
        head, tail = rng.choice(NAME_HEADS), rng.choice(NAME_TAILS)
        name = rng.choice(SPACE_FORMS).format(name=f"{head}{tail} {municipality}")
        facilities = ", ".join(self.some(FACILITIES, 2, 4))
        space = ExperimentationSpace(
            host_id=rng.choice(host_ids),
            name=name,
            slug=f"{slugify(name)}-{n}",
            description=rng.choice(SPACE_DESCRIPTIONS),
            municipality=municipality,
            region=region,
            facilities=f"{facilities[0].upper()}{facilities[1:]}.",
            access=rng.choice(ACCESS_RULES),
            open_to_citizens=rng.random() < 0.6,
            **self.published(),
        )
        links = {
            "themes": [pk for pk, _ in self.some(self.themes, 1, 2)],
            "challenges": [pk for pk, *_ in self.some(self.challenges, 0, 2)],
        }
        return space, links

    def funding(self, n: int, funders: Sequence[tuple[int, str]]) -> Row:
        rng = self.rng
        day = today()
        instrument = rng.choice(INSTRUMENTS)
        theme_pk, theme_name = rng.choice(self.themes)
        regions = self.regions()
        # Open, upcoming, closed and rolling calls, all relative to today.
        timing = rng.choices(["open", "upcoming", "closed", "rolling"], weights=[40, 20, 25, 15])[0]
        opens_on: datetime.date | None = day - datetime.timedelta(days=rng.randint(1, 120))
        deadline: datetime.date | None = day + datetime.timedelta(days=rng.randint(0, 150))
        if timing == "upcoming":
            opens_on = day + datetime.timedelta(days=rng.randint(1, 90))
            deadline = opens_on + datetime.timedelta(days=rng.randint(14, 120))
        elif timing == "closed":
            deadline = day - datetime.timedelta(days=rng.randint(1, 365))
            opens_on = deadline - datetime.timedelta(days=rng.randint(14, 120))
        elif timing == "rolling":
            deadline = None
            opens_on = opens_on if rng.random() < 0.5 else None
        amount_min = amount_max = None
        if AMOUNTS[instrument]:
            minimums, factors = AMOUNTS[instrument]
            amount_min = rng.choice(minimums)
            amount_max = amount_min * rng.choice(factors)
            if instrument == vocabulary.Instrument.PRIZE:
                amount_min = None
        funder_id, funder_name = (
            rng.choice(funders)
            if funders and rng.random() < 0.7
            else (None, rng.choice(OTHER_FUNDERS))
        )
        year = (opens_on or deadline or day).year
        name = f"{rng.choice(CALL_FORMS[instrument]).format(theme=theme_name)} {year}"
        slug = f"{slugify(name)}-{n}"
        funding = FundingOpportunity(
            name=name,
            slug=slug,
            funder_name=funder_name,
            funder_id=funder_id,
            description=" ".join(
                [
                    rng.choice(FUNDING_DESCRIPTIONS).format(theme=theme_name.lower()),
                    rng.choice(FUNDING_PROCEDURES),
                ]
            ),
            instrument=instrument,
            amount_min=amount_min,
            amount_max=amount_max,
            opens_on=opens_on,
            deadline=deadline,
            url=f"https://example.org/oproepen/{slug}",
            **self.published(),
        )
        links = {
            "eligible_roles": self.some(ROLES, 1, 4),
            "stages": self.some(STAGES, 1, 3),
            "challenges": [pk for pk, *_ in self.some(self.challenges, 0, 2)],
            "themes": [theme_pk],
            "regions": regions,
        }
        return funding, links


class Command(BaseCommand):
    help = (
        "Create fictional Flemish demo content (idempotent). With --innovations N and friends, "
        "top the published content up to N items with generated rows, for performance work."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only seed when the database has no themes at all (used by `make run`).",
        )
        for kind in ("innovations", "supporters", "spaces", "funding"):
            parser.add_argument(
                f"--{kind}",
                type=int,
                metavar="N",
                help=f"Top published {kind} up to at least N with generated content.",
            )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        targets = {
            kind: options[kind]
            for kind in ("innovations", "supporters", "spaces", "funding")
            if options[kind] is not None
        }
        for kind, target in targets.items():
            if target < 0:
                raise CommandError(f"--{kind} must be 0 or more, not {target}.")
        self.check_database()

        if options["if_empty"] and Theme.objects.exists():
            self.say("Demo content skipped: the database already has themes (--if-empty).")
            return

        now = timezone.now()
        created = seed_base(now)
        if any(created.values()):
            counts = ", ".join(f"{count} {label}" for label, count in created.items())
            self.say(f"Demo content added in {time.monotonic() - started:.1f} s: {counts}.")
        else:
            self.say("Demo content is already present: nothing to add.")

        if targets:
            generated = self.top_up(targets, now)
            made = ", ".join(f"{count} {label}" for label, count in generated.items())
            self.say(
                f"Generated {made} in {time.monotonic() - started:.1f} s. Published now: "
                f"{Innovation.objects.published().count()} innovations, "
                f"{Supporter.objects.published().count()} supporters, "
                f"{ExperimentationSpace.objects.published().count()} experimentation places, "
                f"{FundingOpportunity.objects.published().count()} funding opportunities."
            )
        self.index_for_search()

    def check_database(self) -> None:
        try:
            terms = Region.objects.count()
            Innovation.objects.exists()
            FundingOpportunity.objects.exists()
        except DatabaseError as error:
            raise CommandError(
                f"The database is not ready ({error}). Run `python manage.py migrate` first."
            ) from error
        if not terms:
            raise CommandError(
                "The vocabulary tables are empty. Run `python manage.py migrate` first."
            )

    def top_up(self, targets: dict[str, int], now: datetime.datetime) -> dict[str, int]:
        """Generate what is missing for each target; return how many of each were generated."""
        # Supporters before places and funding: generated places need published hosts, and
        # generated funding may link a financier or government that is on the platform.
        generated: dict[str, int] = {}
        if "innovations" in targets:
            generated["innovations"] = self.generate(
                "innovations",
                Innovation,
                Innovation.objects.published(),
                targets["innovations"],
                now,
                lambda s, n: s.innovation(n),
            )
        if "supporters" in targets:
            generated["supporters"] = self.generate(
                "supporters",
                Supporter,
                Supporter.objects.published(),
                targets["supporters"],
                now,
                lambda s, n: s.supporter(n),
            )
        if "spaces" in targets:
            host_ids = list(Supporter.objects.published().values_list("pk", flat=True))
            if not host_ids:
                raise CommandError(
                    "No published supporter can host experimentation places: "
                    "publish one in the admin, or pass --supporters N as well."
                )
            generated["experimentation places"] = self.generate(
                "spaces",
                ExperimentationSpace,
                ExperimentationSpace.objects.published(),
                targets["spaces"],
                now,
                lambda s, n: s.space(n, host_ids),
            )
        if "funding" in targets:
            funders = list(
                Supporter.objects.published()
                .filter(
                    helix_role__in=[vocabulary.HelixRole.FINANCIER, vocabulary.HelixRole.GOVERNMENT]
                )
                .values_list("pk", "name")
            )
            generated["funding opportunities"] = self.generate(
                "funding",
                FundingOpportunity,
                FundingOpportunity.objects.published(),
                targets["funding"],
                now,
                lambda s, n: s.funding(n, funders),
            )
        return generated

    def generate(
        self,
        label: str,
        model: type[models.Model],
        published: models.QuerySet,
        target: int,
        now: datetime.datetime,
        make_row: Callable[[Synthesizer, int], Row],
    ) -> int:
        missing = target - published.count()
        if missing <= 0:
            self.say(f"{label}: already {target} or more published, nothing to generate.")
            return 0
        # Suffixes above the highest primary key cannot clash with earlier generated slugs.
        first = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        synthesizer = Synthesizer(f"hubsi-demo-{label}-{first}", now)
        done = 0
        while done < missing:
            size = min(BATCH_SIZE, missing - done)
            rows = [make_row(synthesizer, first + done + i) for i in range(size)]
            with transaction.atomic():
                insert_rows(model, rows)
            done += size
            self.say(f"{label}: {done}/{missing}")
        return missing

    def index_for_search(self) -> None:
        """Bulk inserts bypass `update_search_vector`: one set-based UPDATE per model instead
        (PostgreSQL only; the same SQL as `reindex_search`), for the rows without a vector."""
        indexed = sum(reindex(model, only_missing=True) for model in searchable_models())
        if indexed and self.verbosity >= 2:
            self.stdout.write(f"Search: indexed {indexed} new items.")

    def say(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)
            self.stdout.flush()
