from django.urls import path

from confiance.review.views import committees, inbox, lifecycle, tools

app_name = "review"
urlpatterns = [
    path("", committees.review_home, name="home"),
    path("comites/<int:pk>/", committees.committee_detail, name="committee"),
    path("comites/<int:pk>/seances/nouvelle/", committees.session_create, name="session_create"),
    path("seances/<int:pk>/", committees.session_detail, name="session"),
    path("seances/<int:pk>/compte-rendu/", committees.session_minutes, name="session_minutes"),
    path("saisines/<int:pk>/seance/", committees.referral_schedule, name="referral_schedule"),
    path("systemes/<int:pk>/saisir/", committees.referral_create, name="refer"),
    path("saisines/<int:pk>/", committees.referral_detail, name="referral"),
    path("saisines/<int:pk>/documents/", committees.document_upload, name="document_upload"),
    path("saisines/<int:pk>/avis/", committees.opinion_create, name="opinion"),
    path("documents/<int:pk>/", committees.document_download, name="document"),
    path("systemes/<int:pk>/statut/", lifecycle.status_change, name="status"),
    path("systemes/<int:pk>/decision/", lifecycle.decision_create, name="decide"),
    path("systemes/<int:pk>/experimentation/", lifecycle.experiment_edit, name="experiment"),
    path("conditions/<int:pk>/", lifecycle.condition_done, name="condition"),
    path("revues/<int:pk>/", lifecycle.yearly_review_edit, name="yearly_review"),
    path("outils/", tools.tool_list, name="tools"),
    path("outils/nouveau/", tools.tool_edit, name="tool_create"),
    path("outils/<int:pk>/", tools.tool_edit, name="tool_edit"),
    path("declarer/", tools.declare, name="declare"),
    path("mes-declarations/", tools.my_declarations, name="my_declarations"),
    path("declarations/", tools.declarations, name="declarations"),
    path("declarations/<int:pk>/repondre/", tools.declaration_answer, name="declaration_answer"),
    path("boite/", inbox.inbox, name="inbox"),
    path("boite/<int:pk>/", inbox.notification_open, name="notification"),
    path("boite/tout-lu/", inbox.inbox_read_all, name="inbox_read_all"),
]
