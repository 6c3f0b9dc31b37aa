from django.http import Http404
from django.views.decorators.http import require_GET


@require_GET
def path_list(request):
    raise Http404


@require_GET
def path_detail(request, path_slug):
    raise Http404


@require_GET
def module_detail(request, path_slug, module_slug):
    raise Http404
