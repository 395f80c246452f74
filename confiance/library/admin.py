from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from confiance.library.models import (
    ContactRequest,
    ExpertGrant,
    FeedToken,
    HarvestSource,
    LibraryMember,
    LibraryMessage,
    Reuse,
    SharedProject,
)


@admin.register(LibraryMember)
class LibraryMemberAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "active", "joined_at"]
    list_filter = ["active"]
    autocomplete_fields = ["organisation"]


@admin.register(ExpertGrant)
class ExpertGrantAdmin(SimpleHistoryAdmin):
    list_display = ["person", "granted_by", "granted_at", "expires_on", "revoked"]
    list_filter = ["revoked"]
    autocomplete_fields = ["person"]
    readonly_fields = ["granted_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(SharedProject)
class SharedProjectAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation_name", "domain", "status", "origin_instance", "withdrawn"]
    list_filter = ["withdrawn", "domain", "status", "origin_instance"]
    search_fields = ["name", "organisation_name"]
    raw_id_fields = ["system", "organisation", "shared_by"]


@admin.register(HarvestSource)
class HarvestSourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "url", "active", "last_harvest_at", "last_ok"]
    readonly_fields = ["last_harvest_at", "last_ok", "last_report"]
    actions = ["harvest_now"]

    @admin.action(description="Moissonner maintenant (tâche de fond)")
    def harvest_now(self, request, queryset):
        """Queue a harvest job per selected source; with one source, open its job's page."""
        from django.shortcuts import redirect
        from django.utils.html import format_html

        from confiance.accounts.permissions import require
        from confiance.library.tasks import start_harvest
        from confiance.rules.permissions import Action

        require(request.user, Action.ADMINISTER, None)
        jobs = [start_harvest(source, request.user) for source in queryset]
        if len(jobs) == 1:
            return redirect(jobs[0])
        for job in jobs:
            self.message_user(request, format_html('<a href="{}">{}</a> : en attente.', job.get_absolute_url(),
                                                   job.label))
        return None


@admin.register(FeedToken)
class FeedTokenAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "tier", "prefix", "revoked", "last_used"]
    readonly_fields = ["prefix", "last_used"]
    fields = ["organisation", "name", "tier", "revoked", "prefix", "last_used"]

    def save_model(self, request, obj, form, change):
        if not change:
            token, raw = FeedToken.issue(obj.organisation, obj.name, obj.tier)
            obj.pk, obj.prefix, obj.digest = token.pk, token.prefix, token.digest
            self.message_user(request, f"Jeton créé, copiez-le maintenant (il ne sera plus affiché) : {raw}")
            return
        super().save_model(request, obj, form, change)


admin.site.register(ContactRequest, SimpleHistoryAdmin)
admin.site.register(Reuse, SimpleHistoryAdmin)
admin.site.register(LibraryMessage, SimpleHistoryAdmin)
