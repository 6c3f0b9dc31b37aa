"""Publishing jobs where people look, and the applications that follow.

This part of the jobs app owns what happens around an offer once it exists: applications and
CVs, employers posting offers, moderation, saved searches and their digests, reports, the
sitemap, feeds, widget and API. The offers themselves (models, imports, search) are the rest of
the app.
"""
