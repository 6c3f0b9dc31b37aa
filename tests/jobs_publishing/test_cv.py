"""A CV is a real, small PDF without active content; anything else gets a clear message."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.jobs_publishing.pdfs import classic_pdf, make_pdf
from tremplin.jobs.publishing.cv import CVRejected, ProtectedStorage, pdf_check


def upload(data: bytes, name: str = "cv.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_a_pdf_made_by_a_word_processor_passes():
    checked = pdf_check(upload(make_pdf()))
    assert checked.version == "1.7"


def test_a_pdf_with_a_classic_xref_table_passes():
    assert pdf_check(upload(classic_pdf())).version == "1.4"


def test_a_zip_named_pdf_is_refused_and_named():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cv.docx", b"x" * 1000)
    with pytest.raises(CVRejected, match="n'est pas un PDF : c'est un fichier ZIP"):
        pdf_check(upload(buffer.getvalue()))


def test_a_50_mb_zip_is_refused_for_its_size_first(settings):
    data = b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024)
    with pytest.raises(CVRejected, match="pèse 50,0 Mio : un CV doit faire 5,0 Mio au plus"):
        pdf_check(upload(data))


def test_the_limit_is_configurable(settings):
    settings.JOBS_CV_MAX_BYTES = 1000
    with pytest.raises(CVRejected, match=r"pèse \d,\d Kio : un CV doit faire 1000 octets au plus"):
        pdf_check(upload(make_pdf()))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "vide"),
        (b"Bonjour, voici mon CV en texte", "n'est pas un PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "c'est un fichier PNG"),
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "incomplet ou abîmé"),
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n99999\n%%EOF\n", "incomplet ou abîmé"),
        (b"%PDF-9.9\nstartxref\n0\n%%EOF\n", "incomplet ou abîmé"),
    ],
)
def test_what_is_not_a_pdf_is_refused(data, message):
    with pytest.raises(CVRejected, match=message):
        pdf_check(upload(data))


def test_a_truncated_pdf_is_refused():
    with pytest.raises(CVRejected, match="incomplet"):
        pdf_check(upload(make_pdf()[:-200]))


def test_a_pdf_with_a_script_is_refused():
    data = classic_pdf(extra=b"<< /S /JavaScript /JS (app.alert(1)) >>")
    with pytest.raises(CVRejected, match="éléments actifs"):
        pdf_check(upload(data))


def test_protected_storage_follows_settings_and_has_no_url(settings, tmp_path):
    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"
    storage = ProtectedStorage()
    name = storage.save("cv/x.pdf", io.BytesIO(b"%PDF-1.4"))
    assert (tmp_path / "protected" / name).exists()
    assert not str(storage.path(name)).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no public URL"):
        storage.url(name)
