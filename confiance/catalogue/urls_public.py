from django.urls import path

from confiance.catalogue import views_public

app_name = "catalogue_public"
urlpatterns = [
    path("<slug:slug>/", views_public.index, name="index"),
    path("<slug:slug>/catalogue.<str:fmt>", views_public.catalogue_rdf, name="dcat"),
    path("<slug:slug>/catalogue-scdl.csv", views_public.catalogue_scdl, name="scdl"),
    path("<slug:slug>/jeux/<int:pk>/", views_public.dataset, name="dataset"),
]
