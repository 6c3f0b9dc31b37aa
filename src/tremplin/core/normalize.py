"""Text folding shared by every lookup that must forgive case, accents and punctuation.

"Saint-Étienne", "saint etienne", "ST ETIENNE" and "st-étienne" must meet, because the people
who type them are on a phone, in a hurry, or not sure of the spelling.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Abbreviations people type for the words that start a tenth of French commune names.
_ABBREVIATIONS = {"saint": "st", "sainte": "ste"}


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces ("L'Île-d'Yeu" → "l ile d yeu")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("œ", "oe").replace("æ", "ae").replace("Œ", "oe")
    return _NON_ALNUM.sub(" ", ascii_text.lower()).strip()


def fold_name(text: str) -> str:
    """Fold and abbreviate saint/sainte, the form stored for commune lookups."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in fold(text).split())
