app_name = "period_reports"
urlpatterns: list = []
