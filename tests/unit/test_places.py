"""Check-in rules: distances, the nearest prospects, a visit's duration (table-driven)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sales.kernel.errors import Refused
from sales.visits import places
from sales.visits.model import Nearby, Stamp

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("a", "b", "metres"), [
    ((31.2304, 121.4737), (31.2304, 121.4737), 0),
    ((0.0, 0.0), (0.0, 1.0), 111_195),           # one degree of longitude at the equator
    ((0.0, 0.0), (1.0, 0.0), 111_195),           # one degree of latitude
    ((39.9042, 116.4074), (31.2304, 121.4737), 1_067_310),  # Beijing - Shanghai
    ((0.0, 179.9), (0.0, -179.9), 22_239),       # across the date line
    ((90.0, 0.0), (-90.0, 0.0), 20_015_087),     # pole to pole
])
def test_haversine(a: tuple[float, float], b: tuple[float, float], metres: int) -> None:
    assert round(places.haversine_m(*a, *b)) == metres


def _stamp(pid: int, lat: float, lon: float) -> Stamp:
    return Stamp(pid, f"p{pid}", lat, lon, date(2026, 11, 20))


def test_nearest_first_within_the_radius_and_the_limit() -> None:
    stamps = [_stamp(1, 31.2400, 121.4737), _stamp(2, 31.2305, 121.4740),
              _stamp(3, 39.9042, 116.4074), _stamp(4, 31.2305, 121.4740)]
    assert places.nearest(stamps, 31.2304, 121.4737) == [
        Nearby(2, "p2", 31), Nearby(4, "p4", 31), Nearby(1, "p1", 1067)]  # p3: 1,067 km away
    assert [n.prospect_id for n in places.nearest(stamps, 31.2304, 121.4737, limit=1)] == [2]
    assert places.nearest([], 0, 0) == []


@pytest.mark.parametrize(("lat", "lon", "ok"), [
    (0, 0, True), (90, 180, True), (-90, -180, True), (90.01, 0, False), (0, -180.5, False),
])
def test_check_point(lat: float, lon: float, ok: bool) -> None:
    if ok:
        assert places.check_point(lat, lon) == (lat, lon)
    else:
        with pytest.raises(Refused, match="visit-bad-location"):
            places.check_point(lat, lon)


@pytest.mark.parametrize(("after", "seconds"), [
    (timedelta(minutes=25), 1500), (timedelta(0), 0), (timedelta(seconds=-5), 0),
    (timedelta(hours=12), 43_200), (timedelta(hours=30), 43_200),
])
def test_duration(after: timedelta, seconds: int) -> None:
    assert places.duration_s(T0, T0 + after) == seconds


def test_a_check_in_stays_open_twelve_hours() -> None:
    assert places.open_since(T0) == T0 - timedelta(hours=12)
