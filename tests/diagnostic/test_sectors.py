"""The path of questions follows the business's NAF code and its artisan flag."""

import pytest

from tremplin.diagnostic.sectors import sector_for


@pytest.mark.parametrize(
    ("naf", "artisan", "sector"),
    [
        ("01.13Z", False, "agriculture"),  # vegetables
        ("10.71C", True, "commerce"),  # a bakery sells over the counter
        ("10.71C", False, "industrie"),  # an industrial bakery
        ("47.22Z", True, "commerce"),  # a butcher's shop
        ("47.76Z", False, "commerce"),  # a florist
        ("43.22A", True, "artisanat"),  # a plumber
        ("96.02A", True, "artisanat"),  # a hairdresser
        ("45.20A", False, "services"),  # a garage (not registered as artisan)
        ("45.20A", True, "artisanat"),
        ("56.10A", False, "commerce"),  # a restaurant
        ("25.62B", False, "industrie"),  # machining
        ("62.01Z", False, "services"),  # software
        ("4776Z", False, "commerce"),  # written without the dot
        ("99.99Z", False, "services"),  # unknown code: the general path
    ],
)
def test_sector_for(naf, artisan, sector):
    assert sector_for(naf, is_artisan=artisan) == sector
