"""Real PDFs for the tests: one from WeasyPrint (an xref stream), one written by hand."""

from __future__ import annotations

from functools import cache


@cache
def make_pdf() -> bytes:
    import weasyprint

    return weasyprint.HTML(
        string="<h1>Thomas Girardon</h1><p>Vendeur, 5 ans d'expérience.</p>"
    ).write_pdf()


def classic_pdf(extra: bytes = b"") -> bytes:
    """A minimal one-page PDF 1.4 with a classic cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" + extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
