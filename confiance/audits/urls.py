from django.urls import path

from confiance.audits import views, views_datasets

app_name = "audits"
urlpatterns = [
    path("<int:pk>/biais/nouveau/", views.bias_new, name="bias_new"),
    path("<int:pk>/biais/<int:audit_id>/", views.bias_detail, name="bias_detail"),
    path("<int:pk>/biais/<int:audit_id>/rapport.pdf", views.bias_pdf, name="bias_pdf"),
    path("<int:pk>/carbone/", views.carbon_detail, name="carbon"),
    path("<int:pk>/carbone/modifier/", views.carbon_edit, name="carbon_edit"),
    # The bias audits of a dataset of the catalogue (decision 0020).
    path("jeux/<int:pk>/biais/nouveau/", views_datasets.dataset_bias_new, name="dataset_bias_new"),
    path("jeux/<int:pk>/biais/<int:audit_id>/", views_datasets.dataset_bias_detail, name="dataset_bias_detail"),
    path("jeux/<int:pk>/biais/<int:audit_id>/rapport.pdf", views_datasets.dataset_bias_pdf, name="dataset_bias_pdf"),
    path("jeux/<int:pk>/carbone/", views_datasets.dataset_carbon, name="dataset_carbon"),
]
