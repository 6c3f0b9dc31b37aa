"""French text analysis that forgives: case, accents, gendered and plural job titles, hyphens.

tantivy's French stemmer joins plurals but not masculine and feminine forms ("vendeuse" stems
to ``vendeux``, "vendeur" to ``vendeur``), and folding accents before or after stemming changes
the result. So every text, indexed or searched, goes through the same two steps:

1. :func:`normalize` (Python): lower case, accents folded, words only, and feminine endings
   mapped to the masculine ("vendeuse" → "vendeur", "aide-soignante" → "aide soignant",
   "infirmière" → "infirmier", "technicienne" → "technicien", "conductrice" → "conducteur");
2. the ``fr`` analyzer (tantivy, in Rust): tokens, French stop words, Snowball stemming.

Documents are indexed as their terms already: :func:`index_text` maps each word through both
steps once and caches the result, and the index only splits on spaces. Running the stemmer
on every word of every document cost more than all the rest of indexing (measured: 32 µs of
95 per job offer); queries look terms up with :func:`token_of`, the same function.

The mapping is a rule on word endings, applied identically to documents and queries: where it
maps two unrelated words together ("personne" → "person"), both sides agree and the cost is a
rare loose match, never a miss. Words are cached, so a text costs a dictionary lookup per word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: The tokenizer of the index's text fields: terms computed by :func:`index_text`, split on
#: spaces.
ANALYZER = "fr_terms"

_WORD = re.compile(r"[a-z0-9]+")
_TAG = re.compile(r"<[^>]*>")

#: Feminine (or plural-agnostic) endings and the masculine ending they map to, longest first.
_ENDINGS = (
    ("euse", "eur"),
    ("rice", "eur"),  # conductrice, directrice, ambassadrice
    ("ienne", "ien"),
    ("iere", "ier"),
    ("enne", "en"),
    ("elle", "el"),
    ("ante", "ant"),
    ("onne", "on"),
    ("ere", "er"),  # bouchère, boulangère
    ("ive", "if"),
    ("ee", "e"),  # employée
)
#: Irregular pairs the rule cannot guess.
_IRREGULAR = {
    "hotesse": "hote",
    "maitresse": "maitre",
    "chanteuse": "chanteur",
    "docteure": "docteur",
    "professeure": "professeur",
    "auteure": "auteur",
    "autrice": "auteur",
    "ingenieure": "ingenieur",
}

#: French function words (folded), plus "h" and "f" of the ubiquitous "(H/F)".
_STOPWORDS_TEXT = """
a ai au aux avec c ce ces cet cette d dans de des du elle en et eux h f il ils je j l la le les
leur leurs lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa
se ses son sur t ta te tes toi ton tu un une vos votre vous y est sont ete etre avoir
"""
STOPWORDS = sorted(set(_STOPWORDS_TEXT.split()))


class _WordCache(dict):
    """Folded word → normalised word; ``map(cache.__getitem__, words)`` runs in C for known
    words and calls :func:`_masculine` once for each new word."""

    def __missing__(self, word: str) -> str:
        if len(self) > _WORD_CACHE_MAX:
            self.clear()
        found = self[word] = _masculine(word)
        return found


_WORD_CACHE_MAX = 300_000


def fold(text: str) -> str:
    """Lower case without accents ("Œuvre Équipière" → "oeuvre equipiere")."""
    text = (text or "").lower()
    if text.isascii():
        return text
    text = text.replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _masculine(word: str) -> str:
    plural = ""
    stem = word
    if stem.endswith("s") and len(stem) > 4:
        stem, plural = stem[:-1], "s"
    if stem in _IRREGULAR:
        return _IRREGULAR[stem] + plural
    for ending, replacement in _ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 2:
            return stem[: -len(ending)] + replacement + plural
    return word


_word_cache = _WordCache()


def normalize_word(word: str) -> str:
    """One folded word, gendered ending mapped (cached)."""
    return _word_cache[word]


def _latin1_table() -> bytes:
    """Latin-1 byte → lower-case unaccented letter or digit; anything else → space."""
    table = bytearray(b" " * 256)
    for code in range(256):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char.lower())[:1]
        if base.isascii() and base.isalnum():
            table[code] = ord(base)
    return bytes(table)


_LATIN1 = _latin1_table()


def words(text: str) -> list[str]:
    """Folded words of a text, fast: one C-level pass for the Latin-1 texts offers are
    (the typographic apostrophe, everywhere in French, is the one common character outside
    Latin-1: it becomes a plain one rather than sending the text the slow way)."""
    text = (text or "").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
    text = text.replace("’", "'")
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return _WORD.findall(fold(text))
    return data.translate(_LATIN1).decode("ascii").split()


def normalize(text: str) -> str:
    """The text as the index sees it: folded words, masculine endings, single spaces."""
    return " ".join(map(_word_cache.__getitem__, words(text)))


class _TermCache(dict):
    """Folded word → its index term ("" for a stop word), computed once per word."""

    def __missing__(self, word: str) -> str:
        if len(self) > _WORD_CACHE_MAX:
            self.clear()
        found = self[word] = token_of(_word_cache[word])
        return found


_term_cache = _TermCache()


def index_text(text: str) -> str:
    """The terms of a text as the index holds them, separated by spaces."""
    return " ".join(filter(None, map(_term_cache.__getitem__, words(text))))


class Analysed(str):
    """A text already through :func:`index_text` (documents take it as it is).

    ``index_text`` works word by word: the analysed parts of a text, joined by spaces in
    order, are the analysed text. So a bulk job can analyse most of a document where the
    work is cheaper for it, and join the parts later.
    """

    @classmethod
    def join(cls, parts) -> Analysed:
        return cls(" ".join(part for part in parts if part))


def html_to_text(html: str) -> str:
    """Visible text of sanitised HTML (tags become spaces, entities decoded)."""
    import html as html_module

    return html_module.unescape(_TAG.sub(" ", html or ""))


def build_analyzer():
    from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.lowercase())
        .filter(Filter.custom_stopword(STOPWORDS))
        .filter(Filter.stemmer("french"))
        .filter(Filter.remove_long(40))
        .build()
    )


@lru_cache(maxsize=1)
def analyzer():
    return build_analyzer()


def index_analyzer():
    """What the index does to a text field: split the terms :func:`index_text` wrote."""
    from tantivy import TextAnalyzerBuilder, Tokenizer

    return TextAnalyzerBuilder(Tokenizer.whitespace()).build()


@lru_cache(maxsize=50_000)
def token_of(word: str) -> str:
    """The indexed term of one already-normalised word ("" for a stop word)."""
    tokens = analyzer().analyze(word)
    return tokens[0] if tokens else ""


def query_words(text: str) -> list[tuple[str, str]]:
    """(normalised word, indexed term) pairs of what someone typed, stop words left out."""
    pairs = []
    seen = set()
    for word in normalize(text).split():
        token = token_of(word)
        if token and token not in seen:
            seen.add(token)
            pairs.append((word, token))
    return pairs
