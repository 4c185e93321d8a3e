app_name = "charters"
urlpatterns: list = []
