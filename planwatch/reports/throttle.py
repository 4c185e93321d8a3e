"""A per-address request limit for the pages anyone may open without signing in.

A fixed window counted in Django's cache: each address may make `PUBLIC_PAGES_RATE`
(requests, seconds) requests per window, then gets 429 with Retry-After until the window
ends. With the default per-process cache each server process counts on its own; a shared
cache (CACHES) makes it one count for the service.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone


def per_address_limited(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        requests, seconds = getattr(settings, "PUBLIC_PAGES_RATE", (120, 60))
        window = int(timezone.now().timestamp()) // seconds
        key = f"public-rate:{request.META.get('REMOTE_ADDR', '')}:{window}"
        cache.add(key, 0, timeout=seconds)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr: count this one afresh
            cache.set(key, 1, timeout=seconds)
            count = 1
        if count > requests:
            response = HttpResponse(
                "Too many requests from your address: wait a minute and try again.",
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(seconds - int(timezone.now().timestamp()) % seconds)
            return response
        return view(request, *args, **kwargs)

    return wrapper
