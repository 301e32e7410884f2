"""``python -m cqcmodel``: the same command as the ``cqcmodel`` console script."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
