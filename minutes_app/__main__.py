"""Entry point: ``minutes-app`` and ``python -m minutes_app``."""

import sys

from minutes_app.cli import main as _main


def main() -> None:
    sys.exit(_main())


if __name__ == "__main__":
    main()
