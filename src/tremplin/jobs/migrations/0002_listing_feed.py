# The listing's foreign key to a configured source was named "source", whose column
# (source_id) hid the listing's own "source_id" (the offer's identifier at its source).
# The foreign key becomes "feed" and the identifier gets its column back.

import django.db.models.deletion
from django.db import migrations, models


def fill_source_ids(apps, schema_editor):
    for name in ("JobListing", "TrainingListing"):
        model = apps.get_model("jobs", name)
        for pk in model.objects.filter(source_id="").values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(source_id=f"id-{pk}")


class Migration(migrations.Migration):

    dependencies = [
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="joblisting", name="joblisting_unique_per_source"),
        migrations.RemoveConstraint(
            model_name="traininglisting", name="traininglisting_unique_per_source"
        ),
        migrations.RenameField(model_name="joblisting", old_name="source", new_name="feed"),
        migrations.RenameField(model_name="traininglisting", old_name="source", new_name="feed"),
        migrations.AlterField(
            model_name="joblisting",
            name="feed",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="jobs.offersource", verbose_name="source configurée"),
        ),
        migrations.AlterField(
            model_name="traininglisting",
            name="feed",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="jobs.offersource", verbose_name="source configurée"),
        ),
        migrations.AddField(
            model_name="joblisting",
            name="source_id",
            field=models.CharField(default="", max_length=200, verbose_name="identifiant à la source"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="traininglisting",
            name="source_id",
            field=models.CharField(default="", max_length=200, verbose_name="identifiant à la source"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_source_ids, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="joblisting",
            constraint=models.UniqueConstraint(fields=("source_name", "source_id"), name="joblisting_unique_per_source"),
        ),
        migrations.AddConstraint(
            model_name="traininglisting",
            constraint=models.UniqueConstraint(fields=("source_name", "source_id"), name="traininglisting_unique_per_source"),
        ),
    ]
