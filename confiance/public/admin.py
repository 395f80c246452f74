from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from confiance.public.models import AnnualReport, ExplanationRequest, Notice, PublicProfile


@admin.register(PublicProfile)
class PublicProfileAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "contact_email"]


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    list_display = ["system", "confirmed_at"]
    list_select_related = ["system"]


@admin.register(ExplanationRequest)
class ExplanationRequestAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "system", "kind", "due_on", "answered_at"]
    list_filter = ["kind"]
    list_select_related = ["system"]


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "year"]
