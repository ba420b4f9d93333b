"""HTML to PDF: real PDFs, Welsh and pound signs intact, nothing fetched from the network."""

from __future__ import annotations

import base64
import logging
import shutil
import socket
import subprocess

import pytest

from insource.core.pdf import LOCAL_BASE_URL, PdfFetchRefused, html_to_pdf
from insource.core.pdf_fetch import OfflineFetcher

PNG_1PX = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cff01f0005000201a5f8d6ed0000000049454e44ae426082"
    )
).decode()

SAMPLE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/insource/pack-print.css"></head><body>
<p class="pack-authority">Cyngor Sir Ynys Môn</p>
<h1>Decision pack</h1>
<p>Dŵr a gwastraff: the service costs £1,250,000 a year.</p>
<table><thead><tr><th>Service</th><th class="pack-num">Value</th></tr></thead>
<tbody><tr><td>Casglu gwastraff (ŵ)</td><td class="pack-num">£14,250,000</td></tr></tbody></table>
<img src="data:image/png;base64,{png}" alt="">
{extra}
</body></html>"""


def _html(extra: str = "", lang: str = "en-GB") -> str:
    return SAMPLE.format(extra=extra, lang=lang, png=PNG_1PX)


@pytest.fixture
def no_network(monkeypatch):
    """Record (and block) every attempt to resolve a host or open a connection."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a PDF test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def _pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _pdf_pages(pdf: bytes, tmp_path) -> int:
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(pages.split()[1])


def test_html_becomes_a_pdf_with_its_text_intact(tmp_path, no_network):
    pdf = html_to_pdf(_html())
    assert pdf.startswith(b"%PDF-")
    assert _pdf_pages(pdf, tmp_path) >= 1
    text = _pdf_text(pdf, tmp_path)
    assert "Dŵr a gwastraff: the service costs £1,250,000 a year." in text
    assert "Casglu gwastraff (ŵ)" in text and "£14,250,000" in text
    assert no_network == []


def test_the_print_stylesheet_is_loaded_from_static_files(tmp_path, no_network):
    text = _pdf_text(html_to_pdf(_html()), tmp_path)
    assert "Page 1 of 1" in text
    assert text.count("Cyngor Sir Ynys Môn") == 2  # in the body and in the running header


def test_the_page_numbers_are_in_welsh_for_a_welsh_document(tmp_path, no_network):
    text = _pdf_text(html_to_pdf(_html(lang="cy")), tmp_path)
    assert "Tudalen 1 o 1" in text


def test_external_and_local_file_urls_are_not_fetched(tmp_path, caplog, no_network):
    extra = (
        '<link rel="stylesheet" href="https://cdn.example.com/site.css">'
        '<img src="http://tracker.example.org/pixel.png" alt="">'
        '<img src="file:///etc/passwd" alt="">'
        '<img src="//evil.example.net/a.png" alt="">'
        '<img src="/admin/" alt="">'
    )
    with caplog.at_level(logging.WARNING, logger="insource.core.pdf"):
        pdf = html_to_pdf(_html(extra))
    assert pdf.startswith(b"%PDF-")
    assert no_network == []
    refused = " ".join(r.getMessage() for r in caplog.records if r.name == "insource.core.pdf")
    for url in (
        "https://cdn.example.com/site.css",
        "http://tracker.example.org/pixel.png",
        "file:///etc/passwd",
        "https://evil.example.net/a.png",
        "https://insource.invalid/admin/",
    ):
        assert f"Refused to fetch {url}" in refused


def test_a_given_base_url_is_never_contacted(tmp_path, no_network):
    pdf = html_to_pdf(_html(), base_url="https://council.example.gov.uk/reviews/42/")
    assert "Page 1 of 1" in _pdf_text(pdf, tmp_path)
    assert no_network == []


def test_the_fetcher_serves_static_files_and_data_urls_only(no_network):
    fetcher = OfflineFetcher(LOCAL_BASE_URL)
    css = fetcher.fetch("https://insource.invalid/static/insource/pack-print.css")
    assert css.content_type == "text/css" and b"@page" in css.read()
    png = fetcher.fetch(f"data:image/png;base64,{PNG_1PX}")
    assert png.read().startswith(b"\x89PNG")
    assert no_network == []


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/static/insource/pack-print.css",
        "http://insource.invalid/static/insource/pack-print.css",
        "https://insource.invalid/static/../settings.py",
        "https://insource.invalid/static/insource/%2e%2e/%2e%2e/pdf.py",
        "https://insource.invalid/static/insource/missing.css",
        "https://insource.invalid/static/",
        "file:///etc/passwd",
        "ftp://example.com/a.css",
    ],
)
def test_the_fetcher_refuses_everything_else(url, no_network):
    with pytest.raises(PdfFetchRefused):
        OfflineFetcher(LOCAL_BASE_URL).fetch(url)
    assert no_network == []


def test_a_base_url_must_be_http(no_network):
    with pytest.raises(ValueError, match="absolute http"):
        html_to_pdf("<p>x</p>", base_url="/srv/insource/")
