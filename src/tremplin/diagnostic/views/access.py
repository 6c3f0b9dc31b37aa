"""Who is looking at a diagnostic, and through which address.

A diagnostic is reached either through its private link (``/diagnostic/lien/<token>/…``:
holding the link is the right to see it) or, for a business's diagnostic, through its number
(``/diagnostic/<pk>/…``) by an owner or the mediator allowed to see it. Views receive an
:class:`Access` and build their links with it, so one view serves both addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from tremplin.accounts.services import access_record
from tremplin.diagnostic import conf, selectors
from tremplin.diagnostic.models import Diagnostic


@dataclass
class Access:
    diagnostic: Diagnostic
    role: str  # "owner", "mediator" or "link"
    token: str | None = None

    def url(self, name: str, **kwargs) -> str:
        if self.token:
            return reverse(f"diagnostic:link_{name}", kwargs={"token": self.token, **kwargs})
        return reverse(f"diagnostic:{name}", kwargs={"pk": self.diagnostic.pk, **kwargs})

    @property
    def is_owner(self) -> bool:
        return self.role in {"owner", "link"}


def not_found(request, *, by_link: bool):
    return render(
        request,
        "diagnostic/not_found.html",
        {"by_link": by_link, "retention_days": conf.anonymous_retention_days()},
        status=404,
    )


def with_access(view):
    """Resolve the diagnostic from the address, or answer with a clear 404 page."""

    @wraps(view)
    def wrapper(request, *args, pk: int | None = None, token: str | None = None, **kwargs):
        if token is not None:
            diagnostic = selectors.diagnostic_by_token(token)
            access = Access(diagnostic, "link", token) if diagnostic else None
        else:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            found = selectors.diagnostic_for_user(request.user, pk)
            access = Access(*found) if found else None
        if access is None:
            return not_found(request, by_link=token is not None)
        response = view(request, access, *args, **kwargs)
        if token is not None:
            # The link is the key: never cached by a shared proxy, never indexed.
            response["Cache-Control"] = "no-store, private"
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def journal_mediator_read(request, access: Access, *, action: str = "view", once: bool = False):
    """A mediator reading an owner's diagnostic: an entry in each owner's access journal.

    ``once``: only the first read of this diagnostic in the session (the steps of an assisted
    diagnostic show the answers again and again while the mediator fills it in).
    """
    if access.role != "mediator":
        return
    if once:
        seen = request.session.get("diagnostic_journaled", [])
        if access.diagnostic.pk in seen:
            return
        request.session["diagnostic_journaled"] = [*seen, access.diagnostic.pk][-50:]
    for owner in selectors.owners_of(access.diagnostic.business):
        access_record(
            actor=request.user,
            subject=owner,
            obj=access.diagnostic,
            action=action,
            reason=_("diagnostic numérique de l'entreprise accompagnée « %(name)s »")
            % {"name": access.diagnostic.business.name},
        )
