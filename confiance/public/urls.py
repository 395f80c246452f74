"""The public site lives under /public/<organisation slug>/; its management screens under /public/gestion/."""

from django.urls import path, register_converter

from confiance.public import views, views_exports, views_notices, views_reports, views_requests
from confiance.public.models import ExplanationRequest


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


register_converter(YearConverter, "year")
ERROR = {"kind": ExplanationRequest.Kind.ERROR_REPORT}

app_name = "public"
urlpatterns = [
    path("", views.index, name="index"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("schemas/<str:name>", views_exports.schema, name="schema"),
    # Management (login).
    path("gestion/demandes/", views_requests.inbox, name="inbox"),
    path("gestion/demandes/<int:pk>/", views_requests.answer, name="answer"),
    path("gestion/demandes/<int:pk>/effacer/", views_requests.erase, name="erase"),
    path("gestion/mention/<int:pk>/generer/", views_notices.notice_generate, name="notice_generate"),
    path("gestion/mention/<int:pk>/confirmer/", views_notices.notice_confirm, name="notice_confirm"),
    path("gestion/<slug:slug>/rapports/", views_reports.manage_reports, name="manage_reports"),
    path("gestion/<slug:slug>/rapports/etablir/", views_reports.generate_report, name="generate_report"),
    path("gestion/<slug:slug>/rapports/<year:year>/", views_reports.manage_report, name="manage_report"),
    path("gestion/<slug:slug>/rapports/<year:year>/pdf/", views_reports.make_report_pdf, name="make_report_pdf"),
    path("gestion/<slug:slug>/rapports/<year:year>.pdf", views_reports.manage_report_pdf, name="manage_report_pdf"),
    # Public pages.
    path("<slug:slug>/", views.home, name="home"),
    path("<slug:slug>/systemes/", views.system_list, name="list"),
    path("<slug:slug>/systemes/<int:pk>/", views.system_detail, name="system"),
    path("<slug:slug>/systemes/<int:pk>.json", views.system_json, name="system_json"),
    path("<slug:slug>/systemes/<int:pk>/versions/", views.system_versions, name="versions"),
    path("<slug:slug>/systemes/<int:pk>/versions/<int:number>/", views.system_version, name="version"),
    path("<slug:slug>/systemes/<int:pk>/mention/", views_notices.notice_page, name="notice"),
    path("<slug:slug>/systemes/<int:pk>/mention.json", views_notices.notice_json, name="notice_json"),
    path("<slug:slug>/systemes/<int:pk>/demander-les-regles/", views_requests.request_form, name="request"),
    path("<slug:slug>/systemes/<int:pk>/signaler-une-erreur/", views_requests.request_form, ERROR,
         name="error_report"),
    path("<slug:slug>/demandes/<str:reference>/", views_requests.acknowledgement, name="acknowledgement"),
    path("<slug:slug>/lois/", views.laws_dashboard, name="laws"),
    path("<slug:slug>/donnees/", views_exports.open_data, name="open_data"),
    path("<slug:slug>/donnees/registre.<str:fmt>", views_exports.export, name="export"),
    path("<slug:slug>/donnees/norme-<str:key>.json", views_exports.standard, name="standard"),
    path("<slug:slug>/donnees/dcat.<str:fmt>", views_exports.dcat, name="dcat"),
    path("<slug:slug>/donnees/bibliotheque-interconnectes.csv", views_exports.interconnectes, name="interconnectes"),
    path("<slug:slug>/rapports/", views_reports.report_list, name="reports"),
    path("<slug:slug>/rapports/<year:year>/", views_reports.report_detail, name="report"),
    path("<slug:slug>/rapports/<year:year>.pdf", views_reports.report_pdf_view, name="report_pdf"),
]
