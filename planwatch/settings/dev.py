"""Development, demo and tests: DEBUG on, a fixed throwaway key, SQLite unless DATABASE_URL."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = "planwatch-development-only-key-never-use-in-production-0123456789"
ALLOWED_HOSTS = env_list("PLANWATCH_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from their sources, so the demo needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
