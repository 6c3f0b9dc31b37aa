"""Distances and radius search, on known places."""

from __future__ import annotations

import pytest

from tremplin.core.geo import bounding_box, communes_within, haversine_km, insee_codes_within


def test_lyon_saint_etienne_is_about_fifty_km_as_the_crow_flies(lyon, saint_etienne):
    distance = haversine_km(
        lyon.latitude, lyon.longitude, saint_etienne.latitude, saint_etienne.longitude
    )
    assert 48 <= distance <= 53


def test_known_distance_paris_marseille():
    # Town halls of Paris and Marseille: about 661 km.
    assert haversine_km(48.8566, 2.3522, 43.2965, 5.3698) == pytest.approx(661, abs=5)


def test_distance_is_symmetric_and_zero_on_itself():
    assert haversine_km(45.0, 4.0, 46.0, 5.0) == pytest.approx(haversine_km(46.0, 5.0, 45.0, 4.0))
    assert haversine_km(45.0, 4.0, 45.0, 4.0) == 0


def test_bounding_box_holds_the_circle():
    box = bounding_box(45.4397, 4.3872, 20)
    # 20 km north, south, east and west of Saint-Étienne are inside; 25 km are not.
    assert box.contains(45.4397 + 20 / 111.2, 4.3872)
    assert not box.contains(45.4397 + 25 / 111.2, 4.3872)
    assert box.east - box.west > box.north - box.south  # longitude degrees are shorter


def test_communes_within_radius_are_sorted_and_exact(saint_etienne, lyon):
    found = communes_within(saint_etienne, 15)
    names = [commune.name for commune, _distance in found]
    distances = [distance for _commune, distance in found]
    assert names[0] == "Saint-Étienne" and distances[0] == 0
    assert distances == sorted(distances)
    assert all(d <= 15 for d in distances)
    assert "Saint-Chamond" in names  # about 11 km
    assert "Lyon" not in names
    assert lyon.insee in insee_codes_within(saint_etienne, 60)
    assert lyon.insee not in insee_codes_within(saint_etienne, 40)


def test_negative_radius_is_refused():
    with pytest.raises(ValueError, match="radius"):
        bounding_box(45, 4, -1)
