"""The methods of the bundled workbooks written again, independently, in plain Python from their definitions.

Each function takes the rows typed into a workbook (sheet title -> rows of input values) and its parameters, and
returns what the workbook must show: "sheet/column" -> one value per typed row, or "sheet/summary" -> a value.
The workbook's own formulas are not consulted: a method error in the YAML shows up as a difference.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MISSING = "缺数据"
EPOCH = datetime.date(1899, 12, 30)
Rows = list[dict[str, Any]]
Expected = dict[str, Any]


def num(value: object) -> float | None:
    """A number the spreadsheet would treat as one: not blank, not text ("停单", "1,200")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return float((datetime.date.fromisoformat(value) - EPOCH).days)
    return None


def within(value: object, low: float, high: float) -> float | None:
    """A number inside the column's stated range; anything else is no usable number (shown as 缺数据)."""
    number = num(value)
    return number if number is not None and low <= number <= high else None


def xround(value: float, digits: int = 0) -> float:
    """Half away from zero, as Excel and LibreOffice round."""
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def blank(row: dict[str, Any]) -> bool:
    return all(value in (None, "") for value in row.values())


def ranks(keys: list[float | None]) -> list[int | None]:
    """1 for the largest; equal values keep the order they were typed in."""
    order = sorted((i for i, k in enumerate(keys) if k is not None), key=lambda i: (-keys[i], i))  # type: ignore[operator]
    result: list[int | None] = [None] * len(keys)
    for position, index in enumerate(order, start=1):
        result[index] = position
    return result


def per_row(rows: Rows, compute: Callable[[dict[str, Any]], Any]) -> list[Any]:
    return ["" if blank(row) else compute(row) for row in rows]


# --- customer-grading: ABC by cumulative share of sales, ties in typing order ---

def customer_grading(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    rows = sheets["ABC分级"]
    sales = [num(r["年销售额"]) for r in rows]
    total = sum(s for s in sales if s is not None)
    places = ranks(sales)
    order = sorted((i for i, s in enumerate(sales) if s is not None), key=lambda i: places[i])  # type: ignore
    grade: dict[int, str] = {}
    before = 0.0
    for index in order:
        prior = before / total if total else 0.0
        grade[index] = "A" if prior < p["A类占比"] else "B" if prior < p["A类占比"] + p["B类占比"] else "C"
        before += sales[index]  # type: ignore[operator]
    return {
        "ABC分级/销售额等级": [("" if blank(r) else grade.get(i, MISSING)) for i, r in enumerate(rows)],
        "ABC分级/排名": [("" if blank(r) else places[i] or MISSING) for i, r in enumerate(rows)],
        "ABC分级/A类客户数": float(sum(1 for g in grade.values() if g == "A")),
        "ABC分级/销售额合计": total,
    }


# --- volume-mix: annual margin of an order size = unit margin × annual use − fixed cost × orders a year ---

def volume_mix(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    use = p["测算年用量"]

    def margin(row: dict[str, Any]) -> Any:
        size, price, fixed, unit = (num(row[k]) for k in ("每单数量", "单价", "每单固定成本", "单件变动成本"))
        size = size if size is None or size >= 1 else None
        if None in (size, price, fixed, unit) or not size:
            return MISSING
        return (price - unit) * use - fixed * math.ceil(use / size)  # type: ignore[operator]
    margins = per_row(sheets["批量测算"], margin)
    numbers = [m for m in margins if isinstance(m, float)]
    return {"批量测算/年毛利": margins, "批量测算/最高年毛利": max(numbers, default=0.0)}


# --- contract-calendar: days to expiry; a customer with no contract is not "expired" ---

def contract_calendar(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    today = p["盘点日期"]

    def days(row: dict[str, Any]) -> Any:
        end = num(row["合同到期"])
        if row["自动续约"] is None or row["自动续约"] == "无合同" or end is None:
            return None
        return end - today

    def reminder(row: dict[str, Any]) -> str:
        if row["自动续约"] is None:
            return MISSING
        if row["自动续约"] == "无合同":
            return "无合同"
        left = days(row)
        if left is None:
            return "缺到期日"
        return "已到期" if left < 0 else "90天内" if left <= 90 else "180天内" if left <= 180 else ""
    rows = sheets["续约日历"]
    left = [days(r) for r in rows if not blank(r)]
    return {"续约日历/提醒": per_row(rows, reminder),
            "续约日历/90 天内到期或已到期": float(sum(1 for d in left if d is not None and d <= 90)),
            "续约日历/180 天内到期": float(sum(1 for d in left if d is not None and d <= 180))}


# --- loyalty-lifecycle: CLV = m·r/(1+d−r); the improved retention stops at the ceiling ---

def loyalty_lifecycle(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    rows = sheets["终身价值"]
    d, step, ceiling = p["折现率"], p["保留率提升"], p["保留率上限"]

    def gain(row: dict[str, Any]) -> float | None:
        sales, rate, keep = num(row["年销售额"]), within(row["毛利率"], -1, 1), within(row["保留率"], 0, 0.95)
        if None in (sales, rate, keep):
            return None
        margin = sales * rate  # type: ignore[operator]
        better = max(keep, min(keep + step, ceiling))  # type: ignore[operator, type-var]
        return xround(margin * better / (1 + d - better)) - xround(margin * keep / (1 + d - keep))  # type: ignore
    gains = [gain(r) for r in rows]
    places = ranks(gains)
    shown = [("" if blank(r) else MISSING if g is None else g) for r, g in zip(rows, gains, strict=True)]
    return {"终身价值/差额": shown,
            "终身价值/排名": [("" if blank(r) else places[i] or MISSING) for i, r in enumerate(rows)]}


# --- referral-list: NPS over everyone who gave a score; blank scores are nobody ---

def referral_list(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    scores = [within(r["推荐意愿"], 0, 10) for r in sheets["NPS盘点"]]
    given = [s for s in scores if s is not None]
    promoters, detractors = sum(1 for s in given if s >= 9), sum(1 for s in given if s <= 6)
    nps = xround((promoters - detractors) / len(given) * 100) if given else 0.0
    totals = []
    for row in sheets["推荐人排序"]:
        parts = [within(row[k], 1, 5) for k in ("体验阶段", "销售结果", "推荐意愿分", "可接触数量", "接近程度")]
        totals.append(None if None in parts else sum(parts))  # type: ignore[arg-type]
    places = ranks(totals)
    rows = sheets["推荐人排序"]
    return {"NPS盘点/NPS（−100 到 100）": nps, "NPS盘点/推荐者": float(promoters), "NPS盘点/贬损者": float(detractors),
            "推荐人排序/排名": [("" if blank(r) else places[i] or MISSING) for i, r in enumerate(rows)]}


# --- price-defense-prep: volume needed to keep the margin; impossible once the price is below cost ---

def price_defense(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    rows = sheets["成本对比"]
    now = sum(v for v in (num(r["现在"]) for r in rows) if v is not None)
    change = sum(num(r["现在"]) - num(r["报价时"]) for r in rows  # type: ignore[operator]
                 if num(r["现在"]) is not None and num(r["报价时"]) is not None)
    before, after = p["单价"] - now, p["单价"] * (1 - p["要求降幅"]) - now
    needed: Any = "降价后每件不赚钱，多卖也补不回" if after <= 0 else before / after - 1
    return {"成本对比/保住原毛利所需销量增幅": needed,
            "成本对比/一年没调价相当于让利（成本升降相抵）": change * p["年销量"]}


# --- churn-winback: the margin lost is the share that left, not the whole pre-churn purchase ---

def churn_winback(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    rows = sheets["流失账"]
    factor = {"高": p["高影响系数"], "中": p["中影响系数"]}

    def score(row: dict[str, Any]) -> float | None:
        values = [num(row["流失前年采购额"]), within(row["流失比例"], 0, 1), within(row["毛利率"], -1, 1),
                  num(row["剩余年限"])]
        if None in values or row["负面影响"] is None:
            return None
        lost = xround(values[0] * values[1] * values[2] * values[3])  # type: ignore[operator]
        return xround(lost * factor.get(row["负面影响"], 1) / 10000, 1)
    scores = [score(r) for r in rows]
    places = ranks(scores)
    shown = [("" if blank(r) else MISSING if s is None else s) for r, s in zip(rows, scores, strict=True)]
    return {"流失账/优先分": shown,
            "流失账/排名": [("" if blank(r) else places[i] or MISSING) for i, r in enumerate(rows)]}


# --- complaint-log: an unanswered complaint is late; two A/B complaints from one customer in a quarter ---

def complaint_log(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    rows = sheets["投诉记录"]
    limit = {"A": p["A级时限"], "B": p["B级时限"]}

    def late(row: dict[str, Any]) -> str:
        if row["严重等级"] is None:
            return MISSING
        hours = num(row["响应小时"])
        if hours is None:
            return "未响应"
        return "超时" if hours > limit.get(row["严重等级"], p["C级时限"]) else ""

    def quarter(row: dict[str, Any]) -> tuple[int, int] | None:
        day = num(row["日期"])
        if day is None:
            return None
        when = EPOCH + datetime.timedelta(days=day)
        return when.year, (when.month - 1) // 3

    def repeats(row: dict[str, Any]) -> Any:
        if row["严重等级"] is None or row["客户"] is None or quarter(row) is None:
            return MISSING
        if row["严重等级"] == "C":
            return ""
        return float(sum(1 for other in rows if other["客户"] == row["客户"] and other["严重等级"] in ("A", "B")
                         and quarter(other) == quarter(row)))
    return {"投诉记录/超时": per_row(rows, late), "投诉记录/本季AB次数": per_row(rows, repeats)}


# --- concession-exchange: trade only what comes back worth more, and only with a date to hold it to ---

def concession_exchange(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    def verdict(row: dict[str, Any]) -> str:
        keys = ("我方成本", "对客户价值", "对我方价值", "客户付出", "兑现日期")
        cost, theirs, ours, paid, when = (num(row[k]) for k in keys)
        if None in (cost, theirs, ours, paid, when):
            return MISSING
        if ours - cost < 0:  # type: ignore[operator]
            return "不换"
        if xround(ours / max(cost, 1), 2) < p["最低交换比"]:  # type: ignore[operator, type-var]
            return "再加条件"
        return "客户难接受" if theirs - paid < 0 else "可以交换"  # type: ignore[operator]
    return {"交换清单/判断": per_row(sheets["交换清单"], verdict)}


# --- competitor-matrix: weighted average over the dimensions that were scored; weights must add to 100% ---

def competitor_matrix(sheets: dict[str, Rows], p: dict[str, Any]) -> Expected:
    rows = sheets["加权评分"]
    weights = [num(r["权重"]) for r in rows]
    expected: Expected = {"加权评分/权重检查": "合计 100%" if xround(sum(w for w in weights if w is not None), 4) == 1
                          else "权重合计不是 100%，总分已按打了分的权重折算"}
    for who, label in (("我方", "我方总分"), ("对手A", "对手A总分"), ("对手B", "对手B总分")):
        pairs = [(w, within(r[who], 1, 5)) for w, r in zip(weights, rows, strict=True)
                 if w is not None and 0 <= w <= 1 and within(r[who], 1, 5) is not None]
        weight = sum(w for w, _ in pairs)
        expected[f"加权评分/{label}"] = sum(w * s for w, s in pairs) / weight if weight else 0.0  # type: ignore
    return expected


METHODS: dict[str, Callable[[dict[str, Rows], dict[str, Any]], Expected]] = {
    "customer-grading": customer_grading, "volume-mix": volume_mix, "contract-calendar": contract_calendar,
    "loyalty-lifecycle": loyalty_lifecycle, "referral-list": referral_list, "price-defense-prep": price_defense,
    "churn-winback": churn_winback, "complaint-log": complaint_log, "concession-exchange": concession_exchange,
    "competitor-matrix": competitor_matrix,
}
