"""Where the shared real reports are: beside the checkout (../shared), or /work/shared for a worktree."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import OTHER_LAYOUTS

LAYOUTS = next((p for p in (OTHER_LAYOUTS, Path("/work/shared/reports/other-layouts")) if p.is_dir()), OTHER_LAYOUTS)
