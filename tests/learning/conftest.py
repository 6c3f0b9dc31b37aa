"""Fixtures of the learning tests: real (tiny) media files and a media root per test."""

from __future__ import annotations

from pathlib import Path as FsPath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

DATA = FsPath(__file__).parent / "data"


@pytest.fixture(autouse=True)
def protected_root(settings, tmp_path):
    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"
    return settings.PROTECTED_MEDIA_ROOT


@pytest.fixture
def video_file():
    return SimpleUploadedFile("atelier.webm", (DATA / "mire.webm").read_bytes(), "video/webm")


@pytest.fixture
def mp4_file():
    return SimpleUploadedFile("atelier.mp4", (DATA / "mire.mp4").read_bytes(), "video/mp4")


@pytest.fixture
def captions_file():
    return SimpleUploadedFile("atelier.vtt", (DATA / "mire.vtt").read_bytes(), "text/vtt")
