from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from confiance.review.models import (
    ApprovedTool,
    Committee,
    CommitteeMember,
    Condition,
    Decision,
    Declaration,
    Experiment,
    Opinion,
    Referral,
    Session,
    YearlyReview,
)


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "organisation"]
    list_filter = ["kind", "organisation"]
    inlines = [CommitteeMemberInline]


class ConditionInline(admin.TabularInline):
    model = Condition
    extra = 0


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["system", "kind", "decided_on"]
    inlines = [ConditionInline]


for model, columns in (
    (Session, ["committee", "held_on"]),
    (Referral, ["system", "committee", "deadline"]),
    (Opinion, ["referral", "verdict", "given_on", "published"]),
    (Experiment, ["system", "starts_on", "ends_on", "evaluated_on"]),
    (YearlyReview, ["system", "due_on", "done_on"]),
    (ApprovedTool, ["name", "vendor", "organisation", "active"]),
    (Declaration, ["tool", "other_tool", "declared_by", "state"]),
):
    admin.site.register(model, SimpleHistoryAdmin, list_display=columns)
