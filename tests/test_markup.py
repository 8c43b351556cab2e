"""The shared Markdown configuration's own extension: focusable glossary terms, named task-list checkboxes."""

from __future__ import annotations

from generator.render.markup import to_html


def test_glossary_terms_take_keyboard_focus() -> None:
    html = str(to_html("报价前先核对 账期 和交期。\n\n*[账期]: 客户付款的期限"))
    assert '<abbr tabindex="0" title="客户付款的期限">账期</abbr>' in html


def test_task_list_checkboxes_are_named_by_their_item() -> None:
    html = str(to_html('- [ ] 本周给 *3 家* 老客户打电话，问清 "交期" 与样品\n- [x] 已完成'))
    assert '<input aria-label="本周给 3 家 老客户打电话，问清 &#34;交期&#34; 与样品" type="checkbox"' in html
    assert '<input aria-label="已完成" type="checkbox" disabled checked' in html


def test_plain_lists_are_left_alone() -> None:
    assert "aria-label" not in str(to_html("- 报价\n- [链接](a.md)"))
