"""`xunke export --team T --format xlsx|csv --out PATH` on a throwaway SQLite database."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from tests.unit.test_cli import cfg as cfg
from tests.unit.test_cli import xunke


def test_export_xlsx_and_csv(cfg: Path, tmp_path: Path) -> None:
    assert xunke(cfg, "migrate")[0] == 0
    assert xunke(cfg, "team", "create", "North", "--language", "zh")[0] == 0
    out = tmp_path / "out" / "north.xlsx"
    code, text = xunke(cfg, "export", "--team", "North", "--out", str(out))
    assert code == 0 and str(out) in text
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["客户", "拜访", "贺卡", "引荐", "奖励"]  # the team's language
    assert book["客户"].freeze_panes == "A2"
    folder = tmp_path / "csv"
    code, text = xunke(cfg, "export", "--team", "North", "--format", "csv", "--out",
                       str(folder))
    assert code == 0 and sorted(p.name for p in folder.iterdir()) == [
        f"xunke-2026-11-23-{n}.csv" for n in ("greetings", "prospects", "referrals",
                                              "rewards", "visits")]
    code, text = xunke(cfg, "export", "--team", "Nowhere", "--out", str(out))
    assert code == 1 and "members of a team" in text
    code, _ = xunke(cfg, "export", "--team", "North", "--format", "pdf", "--out", str(out))
    assert code == 2
