"""Print the raw and gzipped size of every own JS/CSS file the site ships, and the total vs budget.

Run: `make bench` (or `python bench/asset_size.py`).
"""

from __future__ import annotations

from generator.assets import BUDGET_GZIP_BYTES, front_end_files, gzipped_length, gzipped_size, served_units
from generator.render import TOOL_TEMPLATES


def main() -> None:
    assets = TOOL_TEMPLATES / "assets"
    print(f"{'source file':40} {'raw':>8} {'gzip':>8}")
    for path in front_end_files(assets):
        print(f"{path.relative_to(assets).as_posix():40} {path.stat().st_size:8d} {gzipped_size(path):8d}")
    total_raw = total_gzip = 0
    print(f"\n{'as served':40} {'raw':>8} {'gzip':>8}")
    for name, data in served_units(assets).items():
        raw, packed = len(data), gzipped_length(data)
        total_raw, total_gzip = total_raw + raw, total_gzip + packed
        print(f"{name:40} {raw:8d} {packed:8d}")
    print(f"{'total':40} {total_raw:8d} {total_gzip:8d}")
    print(f"budget {BUDGET_GZIP_BYTES} B gzipped: {total_gzip / BUDGET_GZIP_BYTES:.0%} used")


if __name__ == "__main__":
    main()
