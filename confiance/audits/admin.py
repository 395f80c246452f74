from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from confiance.audits.models import BiasAudit, CarbonEstimate, CarbonMeasurement, DatasetCarbonEstimate


@admin.register(BiasAudit)
class BiasAuditAdmin(SimpleHistoryAdmin):
    list_display = ["system", "dataset", "file_name", "rows", "created_at"]
    readonly_fields = ["report", "source", "spec"]

    def has_add_permission(self, request):
        return False  # an audit comes from a run of the engine, never typed in


@admin.register(CarbonEstimate)
class CarbonEstimateAdmin(SimpleHistoryAdmin):
    list_display = ["system", "central_kg", "low_kg", "high_kg", "benefit_kg", "updated_at"]


@admin.register(CarbonMeasurement)
class CarbonMeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["system", "part", "command", "energy_kwh", "emissions_kg", "measured_at"]

    def has_add_permission(self, request):
        return False  # a measurement comes from `confiance carbon measure`, never typed in


@admin.register(DatasetCarbonEstimate)
class DatasetCarbonEstimateAdmin(SimpleHistoryAdmin):
    list_display = ["dataset", "central_kg", "low_kg", "high_kg", "updated_at"]
    readonly_fields = ["result"]
