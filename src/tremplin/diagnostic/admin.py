"""Back office: the published questionnaire versions only.

Individual diagnostics are deliberately absent: the territory's staff see statistics, never a
business's result (see the « Statistiques » page).
"""

from django.contrib import admin

from tremplin.core.admin import ReadOnlyAdmin
from tremplin.diagnostic.models import QuestionnaireVersion


@admin.register(QuestionnaireVersion)
class QuestionnaireVersionAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "published_on", "loaded_at", "sha256"]
    fields = ["number", "title", "published_on", "loaded_at", "sha256", "source"]
