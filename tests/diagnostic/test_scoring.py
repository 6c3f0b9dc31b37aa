"""The scoring model, pinned on cases computed by hand (see docs/diagnostic.md)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.diagnostic.conftest import V1, lowest_answers
from tremplin.diagnostic.questionnaire import validate
from tremplin.diagnostic.scoring import (
    AnswerError,
    dimension_score,
    overall_score,
    question_score,
    round_half_up,
    score,
)
from tremplin.diagnostic.versions import read_version_file

LEVELS = [
    {"key": "debutant", "label": "Débutant", "min": 0, "description": "d"},
    {"key": "en_progression", "label": "En progression", "min": 25, "description": "d"},
    {"key": "avance", "label": "Avancé", "min": 50, "description": "d"},
    {"key": "expert", "label": "Expert", "min": 75, "description": "d"},
]


def _dimension(key, questions):
    return {
        "key": key,
        "label": key.title(),
        "weight": 1,
        "intro": "i",
        "why": "w",
        "strength": "s",
        "priority": "p",
        "modules": [],
        "questions": questions,
    }


def _answers(*pairs, exclusive=()):
    return [
        {"key": k, "label": k, "points": p} | ({"exclusive": True} if k in exclusive else {})
        for k, p in pairs
    ]


@pytest.fixture
def small():
    """Two dimensions; « alpha » has a single, a multiple capped at 3 and a shop-only question."""
    return validate(
        {
            "version": 9,
            "title": "Test",
            "published": "2026-01-01",
            "summary": "s",
            "duration_minutes": 5,
            "levels": LEVELS,
            "sectors": [{"key": "shop", "label": "Shop"}, {"key": "craft", "label": "Craft"}],
            "dimensions": [
                _dimension(
                    "alpha",
                    [
                        {
                            "key": "alpha_single",
                            "text": "?",
                            "type": "single",
                            "weight": 3,
                            "answers": _answers(("a0", 0), ("a1", 2), ("a2", 4)),
                        },
                        {
                            "key": "alpha_multi",
                            "text": "?",
                            "type": "multiple",
                            "weight": 2,
                            "max_points": 3,
                            "answers": _answers(
                                ("none", 0), ("x", 1), ("y", 2), ("z", 2), exclusive={"none"}
                            ),
                        },
                        {
                            "key": "alpha_shop",
                            "text": "?",
                            "type": "single",
                            "weight": 1,
                            "sectors": ["shop"],
                            "answers": _answers(("n", 0), ("m", 1), ("p", 4)),
                        },
                    ],
                ),
                _dimension(
                    "beta",
                    [
                        {
                            "key": "beta_one",
                            "text": "?",
                            "type": "single",
                            "weight": 1,
                            "answers": _answers(("b0", 0), ("b1", 1), ("b4", 4)),
                        },
                    ],
                ),
            ],
        },
        source="test",
    )


def test_single_answer_scores_points_over_four(small):
    question = small.question("alpha_single")
    assert question_score(question, ["a1"]) == Fraction(1, 2)
    assert question_score(question, ["a2"]) == 1


def test_multiple_answers_are_summed_and_capped_at_max_points(small):
    question = small.question("alpha_multi")
    assert question_score(question, ["x"]) == Fraction(1, 3)
    assert question_score(question, ["x", "y"]) == 1  # 3 / 3
    assert question_score(question, ["y", "z"]) == 1  # 4 points, capped at 3
    assert question_score(question, ["z", "x", "y"]) == 1  # 5 points, capped
    assert question_score(question, ["none"]) == 0


def test_an_exclusive_answer_cannot_be_ticked_with_another(small):
    question = small.question("alpha_multi")
    with pytest.raises(AnswerError, match="ne peut pas être cochée avec d'autres réponses"):
        question_score(question, ["none", "x"])


def test_bad_answers_are_refused(small):
    question = small.question("alpha_single")
    with pytest.raises(AnswerError, match="La réponse « a9 » n'existe pas"):
        question_score(question, ["a9"])
    with pytest.raises(AnswerError, match="Une seule réponse"):
        question_score(question, ["a0", "a1"])
    with pytest.raises(AnswerError, match="Répondez"):
        question_score(question, [])


def test_dimension_score_follows_the_sector_path(small):
    alpha = small.dimension("alpha")
    answers = {"alpha_single": ["a1"], "alpha_multi": ["x"], "alpha_shop": ["m"]}
    # shop: 100 × (3 × 2/4 + 2 × 1/3 + 1 × 1/4) / (3 + 2 + 1) = 100 × 2.41666… / 6 = 40.28
    assert dimension_score(alpha, answers, "shop") == 40
    # craft is not asked alpha_shop: 100 × (3 × 2/4 + 2 × 1/3) / (3 + 2) = 43.33
    assert dimension_score(alpha, answers, "craft") == 43


def test_rounding_is_half_up_not_to_even(small):
    assert round_half_up(Fraction(65, 2)) == 33  # Python's round() would give 32
    assert round_half_up(Fraction(49, 2)) == 25
    # Overall = mean of the rounded dimension scores: (40 + 25) / 2 = 32.5 → 33.
    assert overall_score(small, {"alpha": 40, "beta": 25}) == 33


@pytest.mark.parametrize(
    ("overall", "level"),
    [
        (0, "debutant"),
        (24, "debutant"),
        (25, "en_progression"),
        (49, "en_progression"),
        (50, "avance"),
        (74, "avance"),
        (75, "expert"),
        (100, "expert"),
    ],
)
def test_level_thresholds(small, overall, level):
    assert small.level_for(overall).key == level


def test_whole_result_on_the_small_questionnaire(small):
    answers = {
        "alpha_single": ["a2"],
        "alpha_multi": ["y", "z"],
        "alpha_shop": ["p"],
        "beta_one": ["b1"],
    }
    result = score(small, answers, "shop")
    # alpha: 100 × (3 × 1 + 2 × 1 + 1 × 1) / 6 = 100 ; beta: 100 × 1/4 = 25 ; overall 62.5 → 63
    assert result.dimensions == {"alpha": 100, "beta": 25}
    assert result.overall == 63
    assert result.level.key == "avance"


def test_v1_worked_example():
    """The example of the report and the docs, on the shipped questionnaire."""
    questionnaire = read_version_file(V1).questionnaire
    answers = lowest_answers(questionnaire, "commerce")
    answers |= {
        # Stratégie: 100 × (3×3/4 + 2×3/4 + 2×2/4) / 7 = 100 × 4.75 / 7 = 67.86 → 68
        "strategy_goals": ["measured"],
        "strategy_budget": ["regular"],
        "strategy_customer_journey": ["ask_some"],
        # Équipement (commerce): listings 3/4 (w2), sells online 2/4 (w2), channels 1+2+2=5
        # capped at 4 → 4/4 (w2), payments 2/3 (w1), e-invoicing 1/4 (w3):
        # 100 × (1.5 + 1 + 2 + 0.667 + 0.75) / 10 = 59.17 → 59
        "readiness_listings": ["checked"],
        "readiness_sells_online": ["partly"],
        "readiness_commerce_channels": ["phone", "own_shop", "click_collect"],
        "readiness_payments": ["card", "contactless"],
        "readiness_einvoicing": ["informed"],
    }
    result = score(questionnaire, answers, "commerce")
    assert result.dimensions["strategy"] == 68
    assert result.dimensions["readiness"] == 59
    assert all(result.dimensions[k] == 0 for k in list(result.dimensions)[2:])
    # Overall: (68 + 59 + 0 × 5) / 7 = 18.14 → 18, « Débutant ».
    assert result.overall == 18
    assert result.level.key == "debutant"

    # An artisan answers the quotes question instead of the shop channels: phone (1) and
    # online booking (2) = 3/4, so 100 × (1.5 + 1 + 1.5 + 0.667 + 0.75) / 10 = 54.17 → 54.
    crafts = lowest_answers(questionnaire, "artisanat") | {
        k: v for k, v in answers.items() if k != "readiness_commerce_channels"
    }
    crafts["readiness_quotes_bookings"] = ["phone", "online_booking"]
    assert score(questionnaire, crafts, "artisanat").dimensions["readiness"] == 54
