"""The APIs: the public read-only API and open data (/api/public/v1/) and the internal,
token-authenticated API (/api/v1/). DRF plumbing only: data comes from selectors."""
