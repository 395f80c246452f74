from django.urls import path

from confiance.audits import views

app_name = "audits"
urlpatterns = [
    path("<int:pk>/biais/nouveau/", views.bias_new, name="bias_new"),
    path("<int:pk>/biais/<int:audit_id>/", views.bias_detail, name="bias_detail"),
    path("<int:pk>/biais/<int:audit_id>/rapport.pdf", views.bias_pdf, name="bias_pdf"),
    path("<int:pk>/carbone/", views.carbon_detail, name="carbon"),
    path("<int:pk>/carbone/modifier/", views.carbon_edit, name="carbon_edit"),
]
