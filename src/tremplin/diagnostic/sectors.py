"""Which path of questions a business follows, from its NAF code and its artisan flag.

The questionnaire branches on five sectors. NAF sections alone mislead for small businesses:
a bakery is "manufacturing" (10.71C) and a butcher's shop "retail" (47.22Z), yet both sell over
the counter; a plumber registered with the chambre de métiers takes quotes and appointments.
The rules, in order (the person can still choose another sector on the start page):

1. section A (agriculture, forestry, fishing)                    → agriculture
2. food made and sold on the spot (divisions 10, 11) by an artisan,
   and every shop (division 47, retail)                          → commerce
3. any other business registered with the chambre de métiers     → artisanat
4. car and motorcycle repair (45.2, 45.4) and repair of goods (95) → services
5. trade (G) and hotels, cafés, restaurants (I)                  → commerce
6. industry, energy, water, construction (B to F)                → industrie
7. everything else (services to people and to businesses)         → services
"""

from __future__ import annotations

from tremplin.core.naf import get_activity, normalize_code

COMMERCE, ARTISANAT, SERVICES = "commerce", "artisanat", "services"
AGRICULTURE, INDUSTRIE = "agriculture", "industrie"
SECTOR_KEYS = (COMMERCE, ARTISANAT, SERVICES, AGRICULTURE, INDUSTRIE)


def sector_for(naf_code: str, *, is_artisan: bool) -> str:
    code = normalize_code(naf_code)
    activity = get_activity(code)
    section = activity.section if activity else ""
    division = code[:2]
    group = code[:4]
    if section == "A":
        return AGRICULTURE
    if division == "47" or (is_artisan and division in {"10", "11"}):
        return COMMERCE
    if is_artisan:
        return ARTISANAT
    if group in {"45.2", "45.4"} or division == "95":
        return SERVICES
    if section in {"G", "I"}:
        return COMMERCE
    if section in {"B", "C", "D", "E", "F"}:
        return INDUSTRIE
    return SERVICES


def sector_for_business(business) -> str:
    return sector_for(business.naf_code, is_artisan=business.is_artisan)
