"""The weekly charts: five non-empty PNGs; Chinese labels drawn with a CJK font, or in
English and pinyin without one; never a missing glyph (tofu box)."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.charts import Charts, cjk_font, covered
from bot.i18n import Locales
from sales.digests.model import Report
from sales.outbox.model import Photo
from sales.people.model import Role, Team, User
from sales.prospects.model import Method, Stage

TEAM = Team(1, "华东", "Asia/Shanghai", "CN", "zh")
REPS = (User(1, 11, "王伟", Role.REP, 1), User(2, 12, "Li Na", Role.REP, 1))
FIRST, LAST = date(2026, 11, 21), date(2026, 11, 27)


def _report() -> Report:
    return Report(TEAM, FIRST, LAST, REPS, tuple((s, 3) for s in Stage),
                  {(1, date(2026, 11, 23)): 4, (2, date(2026, 11, 24)): 2},
                  ((Method.TELEPHONE, 5, 1), (Method.REFERRAL, 3, 2)), {1: (4, 3), 2: (2, 0)},
                  {1: (3, 2)}, 6, 6, 1)


def _missing_glyphs(draw: Callable[[], object]) -> list[str]:
    """The 'Glyph ... missing from font(s)' warnings matplotlib gives while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw()
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_the_check_catches_tofu() -> None:
    """Chinese text in a Latin-only font is reported: the checks below can fail."""
    def draw() -> None:
        fig = Figure()
        FigureCanvasAgg(fig)
        fig.text(0.5, 0.5, "漏斗", family="DejaVu Sans")
        fig.savefig(io.BytesIO(), format="png")
    assert _missing_glyphs(draw)
    assert not covered("漏斗", None) and covered("Funnel", None)


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed (fonts-wqy-microhei)")
def test_chinese_charts_render_every_glyph(locales: Locales) -> None:
    charts = Charts.make(locales, "zh", cjk_font())
    assert charts.t.locale == "zh" and covered("漏斗各阶段客户数王伟", charts.cjk)
    photos: list[Photo] = []
    assert _missing_glyphs(lambda: photos.extend(charts.draw(_report()))) == []
    assert [p.name for p in photos] == ["funnel.png", "activity.png", "methods.png",
                                        "greetings.png", "referrals.png"]
    assert all(p.data.startswith(b"\x89PNG\r\n\x1a\n") and len(p.data) > 5000
               for p in photos)
    assert charts.label("王伟") == "王伟"


def test_without_a_cjk_font_labels_fall_back_to_english_and_pinyin(locales: Locales) -> None:
    charts = Charts.make(locales, "zh", None)
    assert charts.t.locale == "en"
    assert charts.label("王伟") == "Wang Wei" and charts.label("Li Na") == "Li Na"
    photos: list[Photo] = []
    assert _missing_glyphs(lambda: photos.extend(charts.draw(_report()))) == []
    assert len(photos) == 5


def test_no_font_file_means_no_cjk_family() -> None:
    assert cjk_font(("/nonexistent/font.ttc",)) is None
