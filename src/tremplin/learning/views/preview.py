"""Staff preview: a module as learners will see it, whatever its publication state."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from tremplin.learning.models import Module
from tremplin.learning.views.modules import module_page


@staff_member_required
@require_GET
def module_preview(request, pk: int):
    module = get_object_or_404(Module.objects.select_related("chapter__path"), pk=pk)
    return module_page(request, module.chapter.path, module, preview=True)
