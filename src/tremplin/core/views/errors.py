"""Error pages in the site's own design, with a way forward."""

from django.shortcuts import render


def bad_request(request, exception=None):
    return render(request, "core/errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "core/errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "core/errors/404.html", status=404)


def server_error(request):
    # No context processors can be trusted here: render a self-contained page.
    from django.http import HttpResponseServerError
    from django.template.loader import get_template

    return HttpResponseServerError(get_template("core/errors/500.html").render())
