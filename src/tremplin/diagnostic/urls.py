from django.urls import path

from tremplin.diagnostic.views import method, result, start, steps, territory

app_name = "diagnostic"


def _by_pk_and_link(route: str, view, name: str) -> list:
    """The same view reached by a business's diagnostic number or by a private link."""
    return [
        path(f"<int:pk>/{route}", view, name=name),
        path(f"lien/<str:token>/{route}", view, name=f"link_{name}"),
    ]


urlpatterns = [
    path("", start.start, name="start"),
    path("methode/", method.method, name="method"),
    path("methode/v<int:number>/", method.method, name="method_version"),
    path("methode/v<int:number>.yaml", method.method_source, name="method_source"),
    path("papier/", method.paper, name="paper"),
    path("papier/questionnaire.pdf", method.paper_pdf, name="paper_pdf"),
    path("territoire/", territory.territory, name="territory"),
    path("territoire/statistiques.csv", territory.territory_csv, name="territory_csv"),
    *_by_pk_and_link("", result.result, "result"),
    *_by_pk_and_link("etape/<int:number>/", steps.step, "step"),
    *_by_pk_and_link("pdf/", result.result_pdf, "pdf"),
    *_by_pk_and_link("partager/", result.share, "share"),
    *_by_pk_and_link("refaire/", result.retake, "retake"),
    *_by_pk_and_link("rattacher/", result.attach, "attach"),
    *_by_pk_and_link("supprimer/", result.delete, "delete"),
]
