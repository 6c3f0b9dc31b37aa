"""Writes of the learning app, one module per area (content, progress, certificates, webinars)."""
