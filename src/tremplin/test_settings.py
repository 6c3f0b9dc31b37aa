"""Settings for the test suite: the production settings, with the few things tests need."""

import os
import tempfile

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("EMAIL_URL", "console://")
os.environ.setdefault("TREMPLIN_TERRITORY", "region:84")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("TREMPLIN_VAR_DIR", tempfile.mkdtemp(prefix="tremplin-tests-"))

from tremplin.settings import *  # noqa: F403
from tremplin.settings import DATABASES, TEMPLATES

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: concurrency tests need the busy timeout and real locks.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(VAR_DIR, "test.sqlite3")}  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True


class InvalidTemplateVariable(str):
    """Fail a test when a template renders a variable that does not exist."""

    def __mod__(self, other):
        raise NameError(f"undefined template variable: {other}")


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = InvalidTemplateVariable("%s")
LOGGING = {"version": 1, "disable_existing_loggers": False}

# The demo's job offers: a few hundred are enough for the tests of the whole demo (loaders,
# idempotence, logins); `tremplin demo` keeps 25,000, and the benchmark measures scale.
JOBS_DEMO_OFFERS = 400
