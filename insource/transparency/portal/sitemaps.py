"""The public site's `sitemap.xml` (Django's sitemaps framework) and `robots.txt`.

The sitemap lists what a search engine should find: the portal's own pages, each public
authority page, each contract page with a published decision, each published decision and each
service brought home. URLs are absolute, from the request's host (checked against
ALLOWED_HOSTS) and scheme. Each section is paginated at the protocol's 50,000 URLs; when the
sitemap as a whole has more, `sitemap.xml` is an index of the sections' pages instead.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Q, QuerySet
from django.urls import reverse

from insource.authorities.models import Authority
from insource.inhouse.models import InhouseService
from insource.register.models import Contract
from insource.reviews.models import Decision

MAX_URLS = 50_000

# Paths only officers, the admin or the heavy downloads use: robots.txt keeps crawlers out.
DISALLOWED = (
    "/register/",
    "/authorities/",
    "/reviews/",
    "/standards/",
    "/appraisal/",
    "/wealth/",
    "/transition/",
    "/inhouse/",
    "/requests/",
    "/sign-in/",
    "/sign-out/",
    "/admin/",
    "/api/v1/",
    "/api/public/v1/exports/",
    "/public/contracts/results.csv",
    "/public/contracts/results.xlsx",
    "/public/authorities/*/coming-up.csv",
    "/public/authorities/*/coming-up.xlsx",
    "/public/requests/new/",
    "/public/requests/confirm/",
)


def robots_txt(sitemap_url: str) -> str:
    """The text of robots.txt: the public site allowed, officers' pages and heavy downloads
    not, and where the sitemap is."""
    lines = ["User-agent: *", "Allow: /$", "Allow: /public/", "Allow: /api/public/v1/docs/"]
    lines += [f"Disallow: {path}" for path in DISALLOWED]
    return "\n".join([*lines, "", f"Sitemap: {sitemap_url}", ""])


class PortalPages(Sitemap):
    """The portal's own pages."""

    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "home",
            "portal:contracts",
            "portal:authorities",
            "public:adoptions",
            "brought-home:list",
            "api-public:docs",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class AuthorityPages(Sitemap):
    """Each authority with contracts or an adopted policy (the portal's list of authorities)."""

    changefreq = "weekly"

    def items(self) -> QuerySet[Authority]:
        reviewing = Contract.objects.in_register().values("reviewing_authority_id")
        return (
            Authority.objects.filter(Q(pk__in=reviewing) | Q(policy_adopted_on__isnull=False))
            .only("pk", "code", "key")
            .order_by("pk")
        )

    def location(self, item: Authority) -> str:
        return reverse("portal:authority", args=[item.public_slug])


class DecidedContractPages(Sitemap):
    """Each contract with a published decision."""

    changefreq = "monthly"

    def items(self) -> QuerySet[Contract]:
        decided = Decision.objects.filter(publication__isnull=False).values("contract_id")
        return Contract.objects.in_register().filter(pk__in=decided).only("pk").order_by("pk")

    def location(self, item: Contract) -> str:
        return reverse("portal:contract", args=[item.pk])


class DecisionPages(Sitemap):
    """Each published decision, last changed when it was published."""

    changefreq = "yearly"

    def items(self) -> QuerySet[Decision]:
        return (
            Decision.objects.filter(publication__isnull=False)
            .select_related("publication")
            .only("pk", "publication__published_at")
            .order_by("pk")
        )

    def location(self, item: Decision) -> str:
        return reverse("public:decision", args=[item.pk])

    def lastmod(self, item: Decision):
        return item.publication.published_at


class BroughtHomePages(Sitemap):
    """Each service brought home."""

    changefreq = "monthly"

    def items(self) -> QuerySet[InhouseService]:
        return InhouseService.objects.only("pk").order_by("pk")

    def location(self, item: InhouseService) -> str:
        return reverse("brought-home:service", args=[item.pk])


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PortalPages,
    "authorities": AuthorityPages,
    "contracts": DecidedContractPages,
    "decisions": DecisionPages,
    "brought-home": BroughtHomePages,
}


def url_count() -> int:
    """How many URLs the sitemap has in all."""
    return sum(sitemap().paginator.count for sitemap in SITEMAPS.values())
