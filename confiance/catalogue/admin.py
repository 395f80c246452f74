from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from confiance.catalogue.models import CatalogueProfile, Dataset, DatasetField, DatasetUse, Harvest, HarvestLog, Signal


class NoDelete:
    def has_delete_permission(self, request, obj=None):
        return False


class DatasetFieldInline(admin.TabularInline):
    model = DatasetField
    extra = 0


@admin.register(Dataset)
class DatasetAdmin(NoDelete, SimpleHistoryAdmin):
    list_display = ["title", "organisation", "classification", "review_status", "withdrawn", "last_updated"]
    list_filter = ["classification", "review_status", "withdrawn"]
    search_fields = ["title", "identifier", "uri"]
    raw_id_fields = ["organisation", "service", "owner", "steward", "harvest", "merged_into"]
    inlines = [DatasetFieldInline]


@admin.register(DatasetUse)
class DatasetUseAdmin(NoDelete, SimpleHistoryAdmin):
    list_display = ["dataset", "system", "role"]
    raw_id_fields = ["dataset", "system"]


@admin.register(Harvest)
class HarvestAdmin(NoDelete, SimpleHistoryAdmin):
    list_display = ["name", "organisation", "platform", "every_days", "next_run_at"]


@admin.register(HarvestLog)
class HarvestLogAdmin(NoDelete, admin.ModelAdmin):
    list_display = ["source", "organisation", "status", "created", "updated", "unchanged", "withdrawn", "started_at"]
    list_filter = ["status"]

    def has_add_permission(self, request):
        return False


@admin.register(Signal)
class SignalAdmin(NoDelete, admin.ModelAdmin):
    list_display = ["kind", "organisation", "steward", "detected_at", "resolved_at"]
    list_filter = ["kind"]
    raw_id_fields = ["datasets", "system", "steward"]

    def has_add_permission(self, request):
        return False


@admin.register(CatalogueProfile)
class CatalogueProfileAdmin(NoDelete, SimpleHistoryAdmin):
    list_display = ["organisation", "siret", "required_quality_label"]
