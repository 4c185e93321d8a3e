from django.db import migrations, models
from django.db.models.functions import TruncMonth


def stamp_saved_versions(apps, schema_editor):
    """Versions saved before months were stamped take the month they were saved in: the
    only month known for them, and one no earlier report can have read them as of."""
    history = apps.get_model("plans", "HistoricalAction")
    history.objects.filter(effective_month__isnull=True).update(
        effective_month=TruncMonth("history_date", output_field=models.DateField())
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0007_plan_report_layout"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalaction",
            name="effective_month",
            field=models.DateField(
                blank=True,
                help_text="First day of the reporting month this version took effect in.",
                null=True,
            ),
        ),
        migrations.RunPython(stamp_saved_versions, migrations.RunPython.noop, elidable=True),
    ]
