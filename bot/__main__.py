"""`python -m bot [config.toml]`: the same as `xunke run`."""

from __future__ import annotations

import sys

from bot.cli import app


def main() -> None:
    """Hand the optional config path to the CLI's `run` command."""
    sys.argv = [sys.argv[0], *([] if len(sys.argv) < 2 else ["--config", sys.argv[1]]), "run"]
    app()


if __name__ == "__main__":
    main()
