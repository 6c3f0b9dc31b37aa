"""Near-duplicate detection: the same offer published by several sources is shown once.

Method (Broder's shingling with MinHash, and locality-sensitive hashing):

- an offer's text (title, then description; folded, gender-normalised words) is cut into word
  bigrams, its *shingles*; two offers' resemblance is the Jaccard index of their shingle sets;
- a MinHash signature of ``NUM_PERM`` values (``rensa``, in Rust) estimates it; the signature
  is cut into ``BANDS`` bands of ``ROWS`` values, and each band, salted with the offer's
  commune, becomes a key. Two offers of the same place sharing a key are candidates; with 10
  bands of 3 rows, a pair of resemblance 0.6 becomes a candidate with probability
  1 − (1 − 0.6³)¹⁰ ≈ 0.91, a pair of 0.75 with 0.99, a pair of 0.3 with 0.24 only;
- the keys are stored with the offer (``dedup_keys``) and indexed in the search index (the
  ``dup`` field of its document, with the sources that list it): the duplicate index is an
  inverted index kept between imports, and looking up a batch's candidates is one query. A
  B-tree of ten keys per offer in the database cost more than everything else at a million
  offers; the search index does it in Rust, in the indexing threads;
- a candidate is a duplicate when the exact resemblance reaches ``THRESHOLD``, the employers
  agree (same folded name, one name containing the other, or one missing) and the two come
  from different sources (one source never lists the same offer twice under two ids).

``THRESHOLD`` is justified by ``tests/jobs/test_dedup.py`` on crafted pairs: true duplicates
(re-cased titles, reworded or reordered sentences, HTML or not, a sentence added) score 0.72 to
0.88; different offers of the same employer at the same place, which share the employer's
presentation, score 0.13 to 0.40. 0.6 sits in the gap, nearer the duplicates, because merging
two different offers would hide one from job seekers while showing a duplicate only costs a
scroll.
"""

from __future__ import annotations

import itertools
import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

from tremplin.core.search.analysis import normalize

NUM_PERM = 30
BANDS = 10
ROWS = 3
SEED = 2026
THRESHOLD = 0.6
_TAG = re.compile(r"<[^>]*>")
_LEGAL_FORMS = re.compile(
    r"\b(sas|sasu|sarl|eurl|sa|sci|scop|snc|ets|etablissements|groupe|societe|cie)\b"
)


def _fold_table() -> bytes:
    """Latin-1 byte → folded lower-case ASCII letter or digit, anything else → space."""
    table = bytearray(b" " * 256)
    for code in range(256):
        char = chr(code)
        if char.isascii():
            if char.isalnum():
                table[code] = ord(char.lower())
            continue
        base = unicodedata.normalize("NFKD", char.lower())[:1]
        if base.isascii() and base.isalnum():
            table[code] = ord(base)
    return bytes(table)


_FOLD = _fold_table()


def words(title: str, description_html: str) -> list[bytes]:
    """Folded words of an offer, fast (bytes all the way: this runs for every import)."""
    text = f"{title} {_TAG.sub(' ', description_html or '')}".lower().replace("œ", "oe")
    return text.encode("latin-1", "replace").translate(_FOLD).split()


def shingles(title: str, description_html: str) -> list[bytes]:
    """Word bigrams ("vendeur en", "en boulangerie", …)."""
    found = words(title, description_html)
    if len(found) < 2:
        return found
    return list(map(b" ".join, itertools.pairwise(found)))


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=100_000)
def employer_key(name: str) -> str:
    """The name an employer is recognised by: folded, without legal forms."""
    folded = normalize(name or "")
    return " ".join(_LEGAL_FORMS.sub(" ", folded).split())


def employers_agree(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def band_keys(signature_values: list[int], place: str) -> list[int]:
    """One key per band, salted with the place; stable across runs and Python versions.

    32 bits of CRC per band (plus the band number above them): a chance collision only adds a
    candidate that the exact check then rejects.
    """
    salt = zlib.crc32((place or "-").encode())
    packed = struct.pack(f"<{NUM_PERM}I", *signature_values)
    step = ROWS * 4
    return [
        (band << 32) | zlib.crc32(packed[band * step : (band + 1) * step], salt)
        for band in range(BANDS)
    ]


def keys_of(title: str, description_html: str, place: str) -> list[int]:
    """The LSH keys of one offer."""
    return keys_of_many([(title, description_html, place)])[0]


def keys_of_many(offers: list[tuple[str, str, str]]) -> list[list[int]]:
    """The LSH keys of (title, description, place) triples: the batch's MinHash signatures
    come from one call to Rust (``rensa``) rather than one object per offer."""
    from rensa import RMinHash

    shingle_lists = [shingles(title, html) or [b""] for title, html, _ in offers]
    rows = RMinHash.digest_matrix_from_token_sets(shingle_lists, NUM_PERM, SEED).to_rows()
    return [band_keys(row, place) for row, (_, _, place) in zip(rows, offers, strict=True)]


def keys_text(keys: list[int]) -> str:
    return " ".join(map(str, keys))


def keys_from_text(text: str) -> list[str]:
    return (text or "").split()


@dataclass
class Candidate:
    shingles: set[bytes]
    employer: str  # employer_key
    sources: set[str]
    keys: list[str] = field(default_factory=list)


def is_duplicate(new: Candidate, old: Candidate) -> bool:
    return (
        not (new.sources & old.sources)
        and employers_agree(new.employer, old.employer)
        and jaccard(new.shingles, old.shingles) >= THRESHOLD
    )
