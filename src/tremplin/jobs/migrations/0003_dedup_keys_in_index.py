# The duplicate keys move from two tables (ten B-tree rows per offer, the most expensive part
# of an import at a million offers) to a column of the offer, looked up through the search
# index's "dup" field.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("jobs", "0002_listing_feed"),
    ]

    operations = [
        migrations.DeleteModel(name="JobDuplicateKey"),
        migrations.DeleteModel(name="TrainingDuplicateKey"),
        migrations.AddField(
            model_name="joboffer",
            name="dedup_keys",
            field=models.TextField(blank=True, editable=False, verbose_name="clés de détection des doublons"),
        ),
        migrations.AddField(
            model_name="trainingoffer",
            name="dedup_keys",
            field=models.TextField(blank=True, editable=False, verbose_name="clés de détection des doublons"),
        ),
    ]
