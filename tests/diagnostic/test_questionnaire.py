"""The questionnaire file: v1 as shipped, and the strict checks that refuse a broken file."""

from __future__ import annotations

import copy

import pytest

from tests.diagnostic.conftest import V1
from tremplin.diagnostic.questionnaire import QuestionnaireError, parse_text, validate
from tremplin.diagnostic.versions import read_version_file

DIMENSIONS = ["strategy", "readiness", "people", "data", "automation", "green", "independence"]
SECTORS = ["commerce", "artisanat", "services", "agriculture", "industrie"]


def errors_of(data) -> list[str]:
    with pytest.raises(QuestionnaireError) as caught:
        validate(data, source="v1.yaml")
    return caught.value.errors


def test_v1_has_seven_dimensions_and_21_to_28_questions_on_every_path():
    found = read_version_file(V1)
    questionnaire = found.questionnaire
    assert found.number == 1 == questionnaire.version
    assert [d.key for d in questionnaire.dimensions] == DIMENSIONS
    assert [s.key for s in questionnaire.sectors] == SECTORS
    assert [(lv.key, lv.min, lv.max) for lv in questionnaire.levels] == [
        ("debutant", 0, 24),
        ("en_progression", 25, 49),
        ("avance", 50, 74),
        ("expert", 75, 100),
    ]
    for sector in SECTORS:
        path = questionnaire.questions_for(sector)
        assert 21 <= len(path) <= 28, sector
        assert len(path) * 20 <= questionnaire.duration_minutes * 60  # 20 s a question
        for dimension in questionnaire.dimensions:
            assert 3 <= len(dimension.questions_for(sector)) <= 5, (sector, dimension.key)
    sells = questionnaire.question("readiness_sells_online")
    assert [a.key for a in sells.answers] == ["no", "partly", "yes"]


def test_v1_branches_by_sector():
    questionnaire = read_version_file(V1).questionnaire
    commerce = {q.key for q in questionnaire.questions_for("commerce")}
    artisanat = {q.key for q in questionnaire.questions_for("artisanat")}
    assert "readiness_commerce_channels" in commerce - artisanat
    assert "readiness_quotes_bookings" in artisanat - commerce
    assert "automation_farm" in {q.key for q in questionnaire.questions_for("agriculture")}


def test_stored_definition_reads_back_the_same():
    questionnaire = read_version_file(V1).questionnaire
    assert validate(questionnaire.to_dict(), source="db") == questionnaire


def test_a_question_outside_any_dimension_is_refused(v1_data):
    data = copy.deepcopy(v1_data)
    stray = data["dimensions"][0]["questions"].pop()
    data["questions"] = [stray]
    errors = errors_of(data)
    assert any("hors de toute dimension" in e and stray["key"] in e for e in errors)


def test_a_question_filed_under_the_wrong_dimension_is_refused(v1_data):
    data = copy.deepcopy(v1_data)
    data["dimensions"][1]["questions"].append(data["dimensions"][0]["questions"].pop())
    errors = errors_of(data)
    assert any(
        "dimension « readiness », question « strategy_customer_journey »" in e
        and "doit commencer par « readiness_ »" in e
        for e in errors
    )


def test_a_weight_out_of_range_names_the_place(v1_data):
    data = copy.deepcopy(v1_data)
    data["dimensions"][2]["questions"][0]["weight"] = 5
    errors = errors_of(data)
    assert errors == [
        "v1.yaml, dimension « people », question « people_training » : « weight » doit être "
        "un entier de 1 à 3 (reçu : 5)."
    ]


def test_unknown_keys_are_refused_everywhere(v1_data):
    data = copy.deepcopy(v1_data)
    data["colour"] = "bleu"
    data["dimensions"][0]["questions"][0]["poids"] = 2
    data["dimensions"][0]["questions"][0]["answers"][0]["note"] = "x"
    errors = errors_of(data)
    assert any("champ inconnu « colour »" in e for e in errors)
    assert any("question « strategy_goals » : champ inconnu « poids »" in e for e in errors)
    assert any("réponse « none » : champ inconnu « note »" in e for e in errors)


def test_scoring_rules_are_checked(v1_data):
    data = copy.deepcopy(v1_data)
    questions = data["dimensions"][1]["questions"]  # readiness
    listings, _sells, channels = questions[0], questions[1], questions[2]
    listings["answers"][3]["points"] = 3  # no answer at 4 points any more
    channels["max_points"] = 40  # unreachable
    channels["answers"][0]["exclusive"] = False  # no « aucune » left
    questions[1]["answers"][2]["key"] = "mostly"  # the sells-online question loses "yes"
    listings["answers"][0]["points"] = 7
    errors = "\n".join(errors_of(data))
    assert "question « readiness_listings » : la meilleure réponse" in errors
    assert "« max_points » (40) dépasse le total des points possibles (8)" in errors
    assert "doit proposer une réponse « aucune »" in errors
    assert "exactement les réponses no, partly et yes" in errors
    assert "réponse « no » : « points » doit être un entier de 0 à 4 (reçu : 7)" in errors


def test_every_sector_needs_a_question_in_every_dimension(v1_data):
    data = copy.deepcopy(v1_data)
    for question in data["dimensions"][5]["questions"]:  # green
        question["sectors"] = ["commerce"]
    errors = errors_of(data)
    assert "v1.yaml, dimension « green » : aucune question pour le secteur « artisanat »." in errors


def test_unquoted_yes_no_keys_and_duplicate_keys_are_caught():
    text = V1.read_text(encoding="utf-8")
    unquoted = text.replace('key: "partly"', "key: on", 1)
    with pytest.raises(QuestionnaireError, match="la clé doit être un texte entre guillemets"):
        parse_text(unquoted, source="v1.yaml")
    doubled = text.replace("    weight: 1\n", "    weight: 1\n    weight: 2\n", 1)
    with pytest.raises(QuestionnaireError, match=r"ligne \d+ .*clé « weight » en double"):
        parse_text(doubled, source="v1.yaml")
    with pytest.raises(QuestionnaireError, match="ce n'est pas un fichier YAML valide"):
        parse_text("dimensions: [", source="v1.yaml")


def test_file_name_and_announced_version_must_agree(write_version):
    path = write_version(V1.read_text(encoding="utf-8"), name="v2.yaml")
    with pytest.raises(QuestionnaireError, match="annonce la version 1"):
        read_version_file(path)
