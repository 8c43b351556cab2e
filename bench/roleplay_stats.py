"""Print the role-plays of a course per part, with their turn and ending counts (for release notes).

Run: `python bench/roleplay_stats.py [COURSE_DIR]` (default: the current directory).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from generator.load.course import load_course
from generator.model.outline import build_outline
from generator.render.roleplay_views import build_roleplay_views


def main(course_dir: Path) -> int:
    course = load_course(course_dir).course
    if course is None:
        print("找不到课程", file=sys.stderr)
        return 1
    outline = build_outline(course.syllabus)
    views = build_roleplay_views(course, outline)
    for part in outline.parts:
        placed = [view for view in views if part in view.parts]
        print(f"{part.heading}：{len(placed)} 个")
        for view in placed:
            branching = view.play.branching
            outcomes = Counter(str(ending.outcome) for ending in branching.endings)
            shown = "、".join(f"{name} {count}" for name, count in sorted(outcomes.items()))
            print(f"  {view.play.id:34} 节点 {len(branching.turns):2d}  结局 {len(branching.endings)}（{shown}）")
    turns = sum(len(view.play.branching.turns) for view in views)
    endings = sum(len(view.play.branching.endings) for view in views)
    print(f"合计：{len(views)} 个角色扮演，{turns} 个节点，{endings} 个结局")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
