from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tremplin.accounts.spaces import sections_for


@login_required
@require_GET
def myspace(request):
    return render(request, "accounts/myspace.html", {"sections": sections_for(request)})
