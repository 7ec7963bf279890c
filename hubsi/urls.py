from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from hubsi import views
from hubsi.caching import cache_public_page
from hubsi.selfservice.views import invitation_accept

# allauth looks this up when a rate limit is reached (sign-in, sign-up, password reset...).
handler429 = "hubsi.views.too_many_requests"
# The styled 503 when the database is away (errors outside views), else templates/500.html.
handler500 = "hubsi.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("", include("front.sitemaps")),
    # The open-data API: one address for every language (docs/opendata.md).
    path("", include("opendata.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("front.urls")),
    path(
        "about/",
        cache_public_page(TemplateView.as_view(template_name="pages/about.html")),
        name="about",
    ),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path("", include("front.urls")),
    path("invitations/<str:token>/", invitation_accept, name="invitation-accept"),
    # Feeds and the open-data page, before the lists' `<slug>/` (opendata/site_urls.py).
    path("", include("opendata.site_urls")),
    path("", include("innovations.urls")),
    path("", include("supporters.urls")),
    path("", include("funding.urls")),
    path("", include("learning.urls")),
    path("", include("connections.urls")),
    path(
        "privacy/",
        TemplateView.as_view(template_name="pages/privacy.html"),
        name="privacy",
    ),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
