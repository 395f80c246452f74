"""On PostgreSQL, give each search entry its packed facet code, as on SQLite (decision 0014).

The facet counts group the matches by this code; before, only SQLite filled it.
"""

from django.db import migrations

FACETS = ["domain", "technique", "status", "organisation_kind", "size_band", "region"]
BITS = {"domain": 6, "technique": 6, "status": 4, "organisation_kind": 4, "size_band": 4, "region": 12}


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    code_model = apps.get_model("library", "SearchFacetCode")
    document_model = apps.get_model("library", "SearchDocument")
    shifts, shift = {}, 0
    for name in reversed(FACETS):
        shifts[name], shift = shift, shift + BITS[name]
    parts = []
    for name in FACETS:
        codes = dict(code_model.objects.filter(facet=name).values_list("value", "code"))
        used = max(codes.values(), default=0)
        for value in document_model.objects.exclude(**{name: ""}).values_list(name, flat=True).distinct():
            if value not in codes and used + 1 < 1 << BITS[name]:
                used += 1
                code_model.objects.create(facet=name, value=value, code=used)
        parts.append(f"(COALESCE((SELECT c.code FROM library_searchfacetcode c WHERE c.facet = '{name}' "
                     f"AND c.value = d.{name}), 0)::bigint << {shifts[name]})")
    schema_editor.execute(f"UPDATE library_searchdocument d SET code = {' | '.join(parts)}")


class Migration(migrations.Migration):

    dependencies = [
        ("library", "0004_merge_20261130_1445"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
