"""Validate phase: pure checks over the loaded model; each returns every problem it finds."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.model.course import Course
from generator.model.outline import build_outline
from generator.validate.coverage import ChapterRules, check_coverage
from generator.validate.facts_checks import check_facts
from generator.validate.glossary_checks import check_glossary
from generator.validate.item_lint import lint_items
from generator.validate.markdown_safety import check_markdown_safety
from generator.validate.outline_checks import check_outline
from generator.validate.page_names import check_page_names
from generator.validate.plan_checks import check_plans
from generator.validate.profile_checks import check_cards, check_profile
from generator.validate.quiz_checks import check_quizzes
from generator.validate.references import check_references
from generator.validate.roleplay_checks import check_roleplays
from generator.validate.site_config import check_scorm, check_site_config
from generator.validate.worksheet_checks import check_worksheets

# Problems that only follow from a syllabus node that failed to load: references into it, its missing body,
# chapter checks and quiz pools counted without it.
SYLLABUS_FOLLOW_ON = frozenset({"unknown-reference", "missing-section", "missing-content", "quiz-pool-too-small",
                                "quiz-empty-pool", "quiz-chapter-few-questions", "quiz-check-no-spare",
                                "quiz-pool-no-spare", "ambiguous-node"})


def validate(course: Course) -> list[Diagnostic]:
    outline = build_outline(course.syllabus)
    problems = check_outline(outline) + check_page_names(course, outline)
    rules = ChapterRules(course.roles, tuple(course.profile.strict))
    problems += check_coverage(outline, course.contents, rules, course.unbound)
    problems += check_references(course)
    problems += check_site_config(course.root, course.site)
    problems += check_scorm(course.site.settings, {str(q.kind) for bank in course.banks for q in bank.quizzes})
    problems += check_glossary(course.glossary)
    problems += check_facts(course)
    problems += lint_items(course.banks, course.roleplays)
    problems += check_markdown_safety(course)
    problems += check_profile(course.profile) + check_cards(course.roleplays, course.profile)
    problems += check_roleplays(course.roleplays, outline, course.profile)
    problems += check_quizzes(course, outline)
    problems += check_worksheets(course.worksheets, outline)
    problems += check_plans(course)
    if course.syllabus_incomplete:  # one bad title or id must not bury itself under what follows from it
        problems = [p for p in problems if p.code not in SYLLABUS_FOLLOW_ON]
    return sorted(problems, key=Diagnostic.sort_key)
