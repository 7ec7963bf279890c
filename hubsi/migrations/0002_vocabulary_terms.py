from django.db import migrations

from hubsi import vocabulary

TERMS = {
    "Stage": vocabulary.Stage,
    "HelixRole": vocabulary.HelixRole,
    "SupportType": vocabulary.SupportType,
    "Region": vocabulary.Region,
}


def create_terms(apps, schema_editor):
    for model_name, choices in TERMS.items():
        model = apps.get_model("hubsi", model_name)
        for position, code in enumerate(choices.values):
            model.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("hubsi", "0001_initial")]

    operations = [migrations.RunPython(create_terms, migrations.RunPython.noop)]
