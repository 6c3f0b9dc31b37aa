app_name = "diagnostic"

urlpatterns: list = []
