from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from confiance.register.models import AISystem


@admin.register(AISystem)
class AISystemAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "service", "domain", "technique", "status"]
    list_filter = ["status", "domain", "technique", "organisation"]
    search_fields = ["name", "public_summary"]
    list_select_related = ["organisation", "service"]

    def has_delete_permission(self, request, obj=None):
        # Records are retired, never deleted: their history is a public record.
        return False
