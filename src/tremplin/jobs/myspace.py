"""The jobs app's sections of « Mon espace »: applications and alerts for job seekers, offers
and applications received for employers, the moderation queue for staff.

This module is discovered at start-up like every app's ``myspace``; it also loads the
publishing side's registrations (personal data, periodic tasks, demo data, back office), so
that they need no line in the app's other shared modules.
"""

from tremplin.jobs.publishing import admin, demo, privacy, tasks  # noqa: F401
from tremplin.jobs.publishing.myspace import register

register()
