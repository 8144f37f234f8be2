"""The weekly report's PNG charts (matplotlib, Agg backend), Chinese labels included.

A CJK font (Debian's fonts-wqy-microhei or fonts-noto-cjk, see docs/deploy.md) is registered
with matplotlib when present. Without one, no label is drawn as tofu boxes: the captions come
in English and names in pinyin (`Charts(cjk=None)`)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pypinyin import lazy_pinyin

from bot.i18n import Locales, Translator
from bot.i18n import key as i18n_key
from sales.digests.model import Report
from sales.outbox.model import Photo

CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
SIZE = (8.0, 4.5)
DPI = 100


@cache
def cjk_font(paths: tuple[str, ...] = CJK_FONT_FILES) -> str | None:
    """Register the first CJK font file found and return its family name (None: none)."""
    for path in paths:
        if Path(path).is_file():
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    return None


def covered(text: str, family: str | None) -> bool:
    """Every character of `text` has a glyph in the font matplotlib picks for `family`."""
    path = font_manager.findfont(font_manager.FontProperties(family=family or "DejaVu Sans"),
                                 fallback_to_default=True)
    charmap = font_manager.get_font(path).get_charmap()
    return all(ord(ch) in charmap or ch.isspace() for ch in text)


@dataclass(frozen=True)
class Charts:
    """Draws the report in one language; `cjk` is the registered CJK family or None."""

    t: Translator
    cjk: str | None

    @classmethod
    def make(cls, locales: Locales, language: str, cjk: str | None) -> Charts:
        """Without a CJK font, English captions (names go to pinyin in `label`)."""
        return cls(locales.get(language if cjk else "en"), cjk)

    def label(self, text: str) -> str:
        """A name as drawn: unchanged when the font has its glyphs, else in pinyin."""
        if covered(text, self.cjk):
            return text
        return " ".join(lazy_pinyin(text)).title()

    def draw(self, report: Report) -> tuple[Photo, ...]:
        """The five charts of the weekly report as PNG pictures, in album order."""
        return tuple(Photo(f"{name}.png", self._png(fn, report)) for name, fn in (
            ("funnel", self._funnel), ("activity", self._activity),
            ("methods", self._methods), ("greetings", self._greetings),
            ("referrals", self._referrals)))

    def _png(self, fill: Callable[[Figure, Report], None], report: Report) -> bytes:
        """One figure on the Agg canvas (no pyplot, no global backend); fonts through
        rc_context, which restores matplotlib's settings afterwards (charts are the only
        matplotlib user, one scan or /report at a time per process in practice)."""
        fonts = [self.cjk, "DejaVu Sans"] if self.cjk else ["DejaVu Sans"]
        with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": fonts}):
            fig = Figure(figsize=SIZE, dpi=DPI)
            FigureCanvasAgg(fig)
            fill(fig, report)
            fig.tight_layout()
            out = io.BytesIO()
            fig.savefig(out, format="png")
        return out.getvalue()

    def _bars(self, fig: Figure, key: str, labels: Iterable[str], series: list[list[int]],
              legend: list[str]) -> None:
        """Grouped horizontal bars: one group per label, one bar per series."""
        ax = fig.add_subplot()
        ax.set_title(self.t.raw(key))
        names = [self.label(x) for x in labels]
        height = 0.8 / max(1, len(series))
        for i, values in enumerate(series):
            ax.barh([n + i * height for n in range(len(names))], values, height,
                    label=legend[i] if legend else None)
        ax.set_yticks([n + height * (len(series) - 1) / 2 for n in range(len(names))], names)
        ax.invert_yaxis()
        if legend:
            ax.legend()

    def _funnel(self, fig: Figure, r: Report) -> None:
        """Prospects per stage, in the order of the selling line."""
        self._bars(fig, "report-chart-funnel",
                   [self.t.raw(i18n_key("stage", s.value)) for s, _ in r.funnel],
                   [[n for _, n in r.funnel]], [])

    def _activity(self, fig: Figure, r: Report) -> None:
        """Contacts recorded per rep per day: who kept the rhythm."""
        ax = fig.add_subplot()
        ax.set_title(self.t.raw("report-chart-activity"))
        days = r.days
        for rep in r.reps:
            ax.plot([d.strftime("%m-%d") for d in days],
                    [r.activity.get((rep.id, d), 0) for d in days], marker="o",
                    label=self.label(rep.display_name))
        ax.set_ylabel(self.t.raw("report-axis-contacts"))
        if r.reps:
            ax.legend(fontsize="small")

    def _methods(self, fig: Figure, r: Report) -> None:
        """Conversion by prospecting method: prospects found that way, and of those won."""
        found = list(r.by_method)
        self._bars(fig, "report-chart-methods",
                   [self.t.raw(i18n_key("method", m.value)) for m, _, _ in found],
                   [[n for _, n, _ in found], [w for _, _, w in found]],
                   [self.t.raw("report-axis-prospects"), self.t.raw("report-axis-won")])

    def _referrals(self, fig: Figure, r: Report) -> None:
        """Referral yield: names each rep received in a year, and of those won."""
        self._per_rep(fig, "report-chart-referrals", r, r.referral_yield,
                      ["report-axis-received", "report-axis-won"])

    def _greetings(self, fig: Figure, r: Report) -> None:
        """Greeting coverage: direct-mail prospects per rep, and of those sent a card."""
        self._per_rep(fig, "report-chart-greetings", r, r.coverage,
                      ["report-axis-enrolled", "report-axis-greeted"])

    def _per_rep(self, fig: Figure, key: str, r: Report, pairs: dict[int, tuple[int, int]],
                 legend: list[str]) -> None:
        """Two bars per rep (e.g. enrolled and greeted) from a rep id -> pair map."""
        reps = list(r.reps)
        self._bars(fig, key, [u.display_name for u in reps],
                   [[pairs.get(u.id, (0, 0))[0] for u in reps],
                    [pairs.get(u.id, (0, 0))[1] for u in reps]],
                   [self.t.raw(k) for k in legend])
