"""Seed the corporate risk matrix from the tracker's legend (planwatch.domain.risk_matrix).

The values are copied here, not imported, so this migration keeps meaning what it meant
when it ran; from now on the matrix is data, edited in the admin site.
"""

from django.db import migrations

IMPACT = [
    (1, "Very Low", "<5% of budget", "Local gossip/ reputation affected internally",
     "<25% Short term service disruption requiring intervention by a unit or project manager "
     "or equivalent"),
    (2, "Low", "5% to 10% budget", "Local newspaper coverage – reputation affected temporarily",
     "25%-49% Noticeable disruption to outputs requiring intervention by a relevant Director / "
     "Service Manager"),
    (3, "Medium", "11% to 20% of budget",
     "Local media and TV coverage - long term local reputation affected",
     "50%-80% Significant service or project disruption requiring intervention by Corporate "
     "Directors / Management Board"),
    (4, "High", ">20% of budget", "National media coverage – permanent impact on reputation",
     ">80% Serious service or programme failure directly affecting vulnerable groups, "
     "requiring intervention by Members."),
]
LIKELIHOOD = [
    (1, "Unlikely",
     "The event is not expected. There is no expectation that the event will occur, but it is "
     "possible that it might do so.",
     "The chance of the event occurring is less than 10%.", 0, 10),
    (2, "Possible",
     "Little likelihood of the event occurring. It might happen in the next 18 months or recur "
     "occasionally.",
     "The chance of the event occurring is between a 10% to 24% likelihood.", 10, 24),
    (3, "Probably / likely",
     "The event is more than likely to occur. It will probably happen in the next year but is "
     "not a persisting issue.",
     "The chance of the event occurring is between a 25% to 50% likelihood", 25, 50),
    (4, "Almost certain",
     "It is reasonable to expect that the event will undoubtedly happen or recur, possibly "
     "frequently or at least within the next six months",
     "A more than 50% chance of the risk occurring", 50, 100),
]
BANDS_NOTE = (
    "The tracker's legend gives no score bands. 1-4 Low, 5-9 Medium, 10-16 High are "
    "planwatch's defaults (the usual 4x4 corporate matrix); change them here if the council's "
    "risk policy says otherwise."
)


def seed(apps, schema_editor):
    ImpactLevel = apps.get_model("risks", "ImpactLevel")
    LikelihoodLevel = apps.get_model("risks", "LikelihoodLevel")
    RiskBands = apps.get_model("risks", "RiskBands")
    for level, label, financial, reputation, service_delivery in IMPACT:
        ImpactLevel.objects.update_or_create(
            level=level,
            defaults={
                "label": label,
                "financial": financial,
                "reputation": reputation,
                "service_delivery": service_delivery,
            },
        )
    for level, label, definition, chance, chance_from, chance_to in LIKELIHOOD:
        LikelihoodLevel.objects.update_or_create(
            level=level,
            defaults={
                "label": label,
                "definition": definition,
                "chance": chance,
                "chance_from": chance_from,
                "chance_to": chance_to,
            },
        )
    if not RiskBands.objects.exists():
        RiskBands.objects.create(
            low_from=1, low_to=4, medium_from=5, medium_to=9, high_from=10, high_to=16,
            note=BANDS_NOTE,
        )


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
