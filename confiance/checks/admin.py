from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from confiance.checks.models import (
    DPIA,
    FRIA,
    Charter,
    CheckResult,
    ContestedImplication,
    EUDatabaseEntry,
    OrganisationPolicy,
    Principle,
    TrainingEvent,
)


class PrincipleInline(admin.TabularInline):
    model = Principle
    extra = 0


@admin.register(Charter)
class CharterAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation"]
    inlines = [PrincipleInline]


@admin.register(CheckResult)
class CheckResultAdmin(SimpleHistoryAdmin):
    list_display = ["system", "risk_class", "dpia_required", "ethics_referral_needed", "computed_at"]
    list_filter = ["risk_class", "dpia_required", "ethics_referral_needed"]
    readonly_fields = [f.name for f in CheckResult._meta.fields]


@admin.register(ContestedImplication)
class ContestedImplicationAdmin(SimpleHistoryAdmin):
    list_display = ["system", "code", "contested_by", "contested_at"]
    search_fields = ["code", "justification"]
    readonly_fields = ["system", "code", "justification", "contested_by", "contested_at"]


for model in (DPIA, FRIA, EUDatabaseEntry, OrganisationPolicy, TrainingEvent):
    admin.site.register(model, SimpleHistoryAdmin)
