from django.urls import path

from planwatch.reports import public_views

app_name = "public"
urlpatterns = [
    path("", public_views.index, name="index"),
    path("accessibility/", public_views.accessibility, name="accessibility"),
    path("<int:pk>/", public_views.edition, name="edition"),
    path("<int:pk>/<str:fmt>/", public_views.edition_file, name="edition_file"),
]
