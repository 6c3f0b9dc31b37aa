"""The index machinery in core: French analysis, change queue, one writer, rebuild."""

from __future__ import annotations

import pytest
from django.db import transaction

from tremplin.core.models import SearchChange
from tremplin.core.search import drain, open_index, rebuild, search_change_record
from tremplin.core.search.analysis import (
    Analysed,
    analyzer,
    index_text,
    normalize,
    query_words,
    token_of,
)
from tremplin.core.search.highlight import snippet
from tremplin.core.search.index import SearchUnavailable, root_of, writer_lock
from tremplin.core.search.query import interleave
from tremplin.jobs.models import JobOffer

from .conftest import ft


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("développeur", "Développeuse"),
        ("aide-soignant", "aide soignante"),
        ("vendeur", "Vendeuse"),
        ("infirmiere", "Infirmières"),
        ("technicien", "technicienne"),
        ("conducteur", "Conductrice"),
        ("boulanger", "boulangère"),
        ("employé", "EMPLOYEE"),
        ("hôte", "Hôtesse"),
        ("serveurs", "serveuse"),
    ],
)
def test_gendered_plural_accented_forms_meet(typed, written):
    assert [t for _, t in query_words(typed)] == [t for _, t in query_words(written)]


def test_normalize_folds_case_accents_punctuation_and_stop_words_disappear():
    # "Étienne" loses its "ne" like "technicienne": both sides alike, so it still matches.
    assert normalize("Aide-Soignante (H/F) à Saint-Étienne") == "aide soignant h f a saint etien"
    assert [t for _, t in query_words("Chef de rang (H/F)")] == ["chef", "rang"]


@pytest.mark.parametrize(
    "text",
    [
        "Vendeuse / Vendeur en boulangerie (H/F) à Saint-Étienne",
        "Aide-soignante de nuit, EHPAD : l'équipe accueille des infirmières expérimentées",
        "Développeuse Python confirmée — 35 h, 2 jours de télétravail, Œuvre & cœur",
        "anticonstitutionnellementextraordinairementlongmotdeplusdequarante lettres",
        "",
    ],
)
def test_index_terms_are_those_the_french_analyzer_would_make(text):
    """Documents are indexed as terms computed in Python: exactly what the French analyzer
    makes of the normalised text, so that queries (terms from ``token_of``) meet them."""
    assert index_text(text).split() == analyzer().analyze(normalize(text))
    for word, term in query_words(text):
        assert term == token_of(word) and term in index_text(text).split()
    parts = text.split(",")
    assert Analysed.join(index_text(part) for part in parts) == index_text(text)


def test_snippet_marks_the_matches_and_escapes_the_text():
    text = "Nous cherchons une <vendeuse> motivée. " + "Texte sans intérêt. " * 30 + "Vendeurs !"
    html = snippet(text, [t for _, t in query_words("vendeur")], words=12)
    assert "<mark>vendeuse</mark>" in html
    assert "&lt;" in html and "<vendeuse>" not in html
    typo = snippet("Développeuse web à Lyon", ["developeur"], ["developeur"], first=True)
    assert "<mark>Développeuse</mark>" in typo


def test_interleave_keeps_rank_within_rounds():
    items, groups = [1, 2, 3, 4, 5, 6], ["a", "a", "a", "b", "a", "c"]
    assert interleave(items, groups, 2) == [1, 2, 4, 6, 3, 5]
    assert interleave(items, groups, 2, limit=3) == [1, 2, 4]


def test_rolled_back_offer_never_reaches_the_index(import_ft):
    class Boom(Exception):
        pass

    def import_then_fail():
        with transaction.atomic():
            import_ft([ft("GHOST1", title="Fantôme introuvable")], index=False)
            assert SearchChange.objects.filter(doc_type="jobs.offer").exists()
            raise Boom

    with pytest.raises(Boom):
        import_then_fail()
    assert drain() == 0
    searcher = open_index("jobs.offer").searcher()
    assert searcher.num_docs == 0
    assert not JobOffer.objects.exists()


def test_commit_enqueues_a_drain_and_the_worker_indexes(
    import_ft, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_ft([ft("A1")], index=False)
    assert SearchChange.objects.count() == 1
    assert run_tasks() >= 1
    assert SearchChange.objects.count() == 0
    assert open_index("jobs.offer").searcher().num_docs == 1


def test_drain_applies_changes_in_order_and_deletes_what_is_no_longer_searchable(import_ft):
    import_ft([ft("A1"), ft("A2")])
    assert open_index("jobs.offer").searcher().num_docs == 2
    offer = JobOffer.objects.get(listings__source_id="A1")
    JobOffer.objects.filter(pk=offer.pk).update(expired_at=offer.created_at)
    search_change_record("jobs.offer", [offer.pk])
    search_change_record("jobs.offer", [offer.pk])  # twice: still one document (none)
    assert drain() == 2
    assert open_index("jobs.offer").searcher().num_docs == 1


def test_one_writer_at_a_time(import_ft):
    import_ft([ft("A1")], index=False)
    with writer_lock("jobs.offer", blocking=True):
        assert drain() == 0  # another process holds the lock: left to it
    assert SearchChange.objects.count() == 1
    assert drain() == 1


def test_rebuild_swaps_generation_and_keeps_queued_changes(import_ft):
    import_ft([ft("A1"), ft("A2")])
    before = (root_of("jobs.offer") / "CURRENT").read_text()
    import_ft([ft("A3")], index=False)
    assert rebuild("jobs.offer") == 3
    assert (root_of("jobs.offer") / "CURRENT").read_text() != before
    assert SearchChange.objects.count() == 0
    assert open_index("jobs.offer").searcher().num_docs == 3


def test_index_built_with_other_fields_is_refused_then_rebuilt_by_the_drain(import_ft):
    import_ft([ft("A1")])
    root = root_of("jobs.offer")
    generation = (root / "CURRENT").read_text()
    (root / generation / "FINGERPRINT").write_text("old")
    from tremplin.core.search import readers_forget

    readers_forget()
    with pytest.raises(SearchUnavailable):
        open_index("jobs.offer")
    import_ft([ft("A2")])  # its drain rebuilds the index first
    assert open_index("jobs.offer").searcher().num_docs == 2


def test_search_rebuild_command(import_ft, capsys):
    from django.core.management import call_command

    import_ft([ft("A1")])
    call_command("search", "rebuild", "--type", "jobs.offer", verbosity=0)
    assert "jobs.offer : 1 documents indexés." in capsys.readouterr().out
    with pytest.raises(Exception, match="type inconnu"):
        call_command("search", "rebuild", "--type", "nope", verbosity=0)


def _snippet_word_by_word(text, matches, words, first):
    """The straightforward definition: every window of ``words`` words tried in turn, the
    first with the most matches kept (three words of context before it)."""
    import re
    from html import escape

    text = " ".join(text.split())
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    if not spans:
        return escape(text)
    hits = [matches(text[a:b]) for a, b in spans]
    start = 0
    if not first and len(spans) > words:
        scores = [sum(hits[i : i + words]) for i in range(len(spans) - words + 1)]
        best = scores.index(max(scores))
        start = max(0, best - 3) if max(scores) else 0
    end = len(spans) if first else min(len(spans), start + words)
    begin = spans[start][0] if start else 0
    stop = spans[end - 1][1] if end < len(spans) else len(text)
    out, cursor = [], begin
    for (a, b), hit in zip(spans[start:end], hits[start:end], strict=True):
        if hit:
            out.append(escape(text[cursor:a]) + f"<mark>{escape(text[a:b])}</mark>")
            cursor = b
    out.append(escape(text[cursor:stop]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(spans) else "")


def test_snippet_is_the_best_window_of_the_word_by_word_definition():
    import random

    from tremplin.core.search.highlight import _term, matcher

    rng = random.Random(7)
    vocabulary = [
        "vendeur",
        "vendeuse",
        "Vendeurs",
        "équipe",
        "l'atelier",
        "client·e",
        "<b>",
        "&",
        "«",
        "poste",
        "»",
        "100",
        "%",
        "2ᵉ",
        "développeur",
        "(H/F)",
        "aide-soignant",
        "soignante",
        "—",
        "nuit,",
        "jour;",
        "C++",
        "t_shirt",
    ]
    for _ in range(400):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 120)))
        text = text.replace(" ", rng.choice([" ", "  ", "\n"]), rng.randint(0, 3))
        terms = [_term(w) for w in rng.sample(["vendeur", "soignant", "nuit", "client"], 2)]
        fuzzy = terms[:1] if rng.random() < 0.3 else []
        words, first = rng.choice([3, 8, 40]), rng.random() < 0.25
        expected = _snippet_word_by_word(text, matcher(terms, fuzzy), words, first)
        assert snippet(text, terms, fuzzy, words=words, first=first) == expected, text
