"""Printable address labels: an A4 sheet of 3 x 7 labels as a PDF, Chinese text included.

A PDF only shows the glyphs of the font it embeds, so the sheet needs a CJK font (Debian:
`fonts-wqy-microhei` or `fonts-noto-cjk`). Without one, or when a label holds a character the
font lacks, `LabelFontError` is raised: a refusal the rep can read, never boxes of tofu.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import TTFFont

log = logging.getLogger(__name__)

PDF_MIME = "application/pdf"
KNOWN_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)
PROBE = "中文寄"  # a font that lacks these is no CJK font
FAMILY = "cjk"
PT_MM = 25.4 / 72
LINE_SPACING = 1.3


class LabelFontError(Exception):
    """No CJK font, or characters the font cannot draw (`missing`, empty for no font)."""

    def __init__(self, missing: str = "") -> None:
        super().__init__(f"no glyphs for {missing!r}" if missing else "no CJK font installed")
        self.missing = missing


@dataclass(frozen=True, slots=True)
class LabelLayout:
    """A sheet of labels in millimetres; the default is the common A4 3 x 7 (70 x 42.3 mm)."""

    columns: int = 3
    rows: int = 7
    width: float = 70.0
    height: float = 42.3
    left: float = 0.0
    top: float = 0.45
    gap_x: float = 0.0
    gap_y: float = 0.0
    padding: float = 4.0
    max_pt: float = 12.0
    min_pt: float = 7.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, index: int) -> tuple[float, float]:
        """Top-left corner of the label at `index` on its page."""
        row, column = divmod(index % self.per_page, self.columns)
        return (self.left + column * (self.width + self.gap_x),
                self.top + row * (self.height + self.gap_y))


A4_3X7 = LabelLayout()


def _fc_list() -> list[str]:
    """Font files fontconfig says cover Chinese (none when fontconfig is missing)."""
    if shutil.which("fc-list") is None:
        return []
    # No timeout: fc-list answers at once, and a timed wait polls with time.sleep, which
    # libfaketime (the shifted-clock CI run) can make fail with EINVAL.
    done = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                          check=False)
    return sorted(line.strip().rstrip(":") for line in done.stdout.splitlines() if line.strip())


def find_cjk_font(known: Iterable[str] = KNOWN_FONTS,
                  fontconfig: Callable[[], list[str]] = _fc_list) -> Path | None:
    """The first usable CJK font: Debian's usual paths, then whatever fontconfig knows."""
    for candidate in (*known, *fontconfig()):
        path = Path(candidate)
        if path.suffix.lower() in {".ttf", ".ttc", ".otf"} and path.is_file():
            return path
    return None


def label_sheet(labels: Sequence[Sequence[str]], font: Path | None, created: datetime,
                layout: LabelLayout = A4_3X7, title: str = "Labels") -> bytes:
    """One label per entry (its lines top to bottom), as many pages as it takes."""
    if font is None:
        raise LabelFontError()
    pdf = _document(font, created, title)
    _check_glyphs(pdf, labels)
    for index, lines in enumerate(labels):
        if index % layout.per_page == 0:
            pdf.add_page()
        _draw(pdf, layout, index, "\n".join(line.strip() for line in lines if line.strip()))
    return bytes(pdf.output())


def _document(font: Path, created: datetime, title: str) -> FPDF:
    """A4 in mm, no margins or automatic breaks (the layout places everything)."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(created)
    pdf.set_title(title)
    pdf.set_creator("Xunke")
    pdf.set_margins(0, 0, 0)
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    pdf.add_font(FAMILY, "", str(font), collection_font_number=0)  # ignored unless a .ttc
    pdf.set_font(FAMILY, size=A4_3X7.max_pt)
    if not _covers(pdf, PROBE):
        raise LabelFontError()
    return pdf


def _font(pdf: FPDF) -> TTFFont:
    font = pdf.fonts[FAMILY]
    assert isinstance(font, TTFFont)
    return font


def _covers(pdf: FPDF, text: str) -> str:
    """Characters of `text` the font draws ('' when it lacks any)."""
    cmap = _font(pdf).cmap
    return text if all(ord(ch) in cmap for ch in text) else ""


def _check_glyphs(pdf: FPDF, labels: Sequence[Sequence[str]]) -> None:
    """Every character must be in the font: a missing one would print as an empty box."""
    cmap = _font(pdf).cmap
    used = {ch for lines in labels for line in lines for ch in line if not ch.isspace()}
    missing = "".join(sorted(ch for ch in used if ord(ch) not in cmap))
    if missing:
        raise LabelFontError(missing)


def _draw(pdf: FPDF, layout: LabelLayout, index: int, text: str) -> None:
    """The text in the label's box, at the largest size that fits (cut at the smallest)."""
    x, y = layout.origin(index)
    inner_w = layout.width - 2 * layout.padding
    inner_h = layout.height - 2 * layout.padding
    lines, line_h = _fit(pdf, layout, text, inner_w, inner_h)
    for n, line in enumerate(lines):
        pdf.set_xy(x + layout.padding, y + layout.padding + n * line_h)
        pdf.cell(inner_w, line_h, line, new_x=XPos.RIGHT, new_y=YPos.TOP)


def _fit(pdf: FPDF, layout: LabelLayout, text: str, width: float, height: float
         ) -> tuple[list[str], float]:
    """Wrapped lines and line height: shrink by half points until the text fits."""
    size = layout.max_pt
    while True:
        pdf.set_font_size(size)
        line_h = size * PT_MM * LINE_SPACING
        wrapped = pdf.multi_cell(width, line_h, text, dry_run=True, output="LINES",
                                 wrapmode=WrapMode.CHAR)
        lines = [str(line) for line in wrapped] if isinstance(wrapped, list) else [text]
        if len(lines) * line_h <= height or size <= layout.min_pt:
            break
        size -= 0.5
    room = max(1, int(height // line_h))
    if len(lines) > room:
        log.warning("label %r cut to %d lines", text[:40], room)
        lines = [*lines[: room - 1], lines[room - 1][:-1] + "…"]
    return lines, line_h
