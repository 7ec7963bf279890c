"""Start-up checks: allauth's rate limits only work on a real cache."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def rate_limits_need_a_real_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith("DummyCache"):
        return [
            Warning(
                "The default cache is the dummy cache, so allauth's rate limits on sign-in, "
                "sign-up and password reset do nothing.",
                hint="Set CACHE_URL to locmem:// (one process) or redis://... (several).",
                id="accounts.W001",
            )
        ]
    return []
