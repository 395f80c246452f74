from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from confiance.accounts.models import ApiToken, Membership, Organisation, OrganisationGroup, Person, Service


class ServiceInline(admin.TabularInline):
    model = Service
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    filter_horizontal = ["services"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "siren", "region", "group"]
    list_filter = ["kind", "region", "group"]
    search_fields = ["name", "siren"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ServiceInline]


@admin.register(OrganisationGroup)
class OrganisationGroupAdmin(SimpleHistoryAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(UserAdmin, SimpleHistoryAdmin):
    inlines = [MembershipInline]
    # People who signed in with ProConnect and wait for a role: filter by "organisation demandée".
    list_filter = [*UserAdmin.list_filter, "requested_organisation"]
    readonly_fields = ["oidc_subject"]
    fieldsets = [*UserAdmin.fieldsets, ("ProConnect", {"fields": ["oidc_subject", "requested_organisation"]})]


@admin.register(ApiToken)
class ApiTokenAdmin(SimpleHistoryAdmin):
    list_display = ["name", "person", "prefix", "created", "last_used", "revoked_at"]
    readonly_fields = ["prefix", "created", "last_used", "revoked_at", "revoked_by", "revoke_reason"]
