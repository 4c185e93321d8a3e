from django.db import migrations, models
from django.db.models.functions import TruncMonth


def stamp_saved_versions(apps, schema_editor):
    """Scores saved before months were stamped take the month they were saved in."""
    history = apps.get_model("risks", "HistoricalActionRiskScore")
    history.objects.filter(effective_month__isnull=True).update(
        effective_month=TruncMonth("history_date", output_field=models.DateField())
    )


class Migration(migrations.Migration):
    dependencies = [
        ("risks", "0002_seed_corporate_matrix"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalactionriskscore",
            name="effective_month",
            field=models.DateField(
                blank=True,
                help_text="First day of the reporting month this version took effect in.",
                null=True,
            ),
        ),
        migrations.RunPython(stamp_saved_versions, migrations.RunPython.noop, elidable=True),
    ]
