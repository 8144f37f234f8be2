"""Check-in rules: which prospects are near the rep, and how long a checked-in visit lasted.

Distances are great-circle distances (haversine) between the rep's shared location and each
prospect's last stamped visit; a phone's fix is good to tens of metres, so metres are rounded.
A check-in stays open until a check-out or the next check-in, at most `OPEN_HOURS`: a rep who
forgot to check out yesterday does not get a 20-hour visit, the length stays unknown."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from math import asin, cos, radians, sin, sqrt

from sales.kernel.errors import Refused
from sales.visits.model import Nearby, Stamp

EARTH_RADIUS_M = 6_371_000
NEARBY_LIMIT = 5
NEARBY_RADIUS_M = 50_000  # farther than this is not "where I am"
OPEN_HOURS = 12


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points given in degrees."""
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * asin(min(1.0, sqrt(a)))


def check_point(latitude: float, longitude: float) -> tuple[float, float]:
    """A location on Earth (a forged or broken one is refused, never stored)."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise Refused("visit-bad-location")
    return latitude, longitude


def nearest(stamps: Iterable[Stamp], latitude: float, longitude: float,
            limit: int = NEARBY_LIMIT, radius_m: int = NEARBY_RADIUS_M) -> list[Nearby]:
    """The closest prospects within `radius_m`, nearest first (ties: the lower id)."""
    found = [Nearby(s.prospect_id, s.name,
                    round(haversine_m(latitude, longitude, s.latitude, s.longitude)))
             for s in stamps]
    found = [n for n in found if n.metres <= radius_m]
    return sorted(found, key=lambda n: (n.metres, n.prospect_id))[:limit]


def open_since(now: datetime) -> datetime:
    """The earliest check-in still open at `now`."""
    return now - timedelta(hours=OPEN_HOURS)


def duration_s(checked_in_at: datetime, ended_at: datetime) -> int:
    """Whole seconds from check-in to check-out, within [0, OPEN_HOURS] (a clock that went
    back gives 0; only check-ins still open are ever closed, see `open_since`)."""
    seconds = int((ended_at - checked_in_at).total_seconds())
    return min(max(seconds, 0), OPEN_HOURS * 3600)
