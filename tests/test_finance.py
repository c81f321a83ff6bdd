"""Money as the papers print it: the finance rows against the seed pack, reconciliation, one place per figure."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from hwbsite import blocks, finance
from hwbsite.data import money_frame
from hwbsite.models.finance import FinanceRow, parse_amount
from hwbsite.models.types import FieldError
from hwbsite.project import load_project

REPO = Path(__file__).resolve().parent.parent
_CANDIDATES = [REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds"]
SEEDS = next((p for p in _CANDIDATES if (p / "INDEX.md").exists()), None)


@pytest.fixture(scope="module")
def project():
    project, log = load_project(REPO)
    assert log.errors == []
    return project


def _seed_line(seed: str) -> str:
    prefix, line = seed.split(":")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()[int(line) - 1]


def _real_rows():
    # Only data/finance/, as load_project reads it: this runs at collection, in every pytest process
    # (each xdist worker too), and loading the whole board there cost seconds before any test ran.
    from hwbsite.errors import ProblemLog
    from hwbsite.validate import load_yaml_model

    log = ProblemLog(REPO)
    rows = finance.load(REPO / "data" / "finance", log, load_yaml_model).rows
    assert log.errors == []
    return [pytest.param(r, id=f"{r.dataset}:{r.src.line}") for r in rows]


@pytest.mark.skipif(SEEDS is None, reason="the seed papers (shared/seeds) are not beside this checkout")
@pytest.mark.parametrize("row", _real_rows())
def test_every_figure_is_printed_on_its_seed_line(row):
    """Totals and parts alike: open the seed file, read the cited line, find the figure as printed."""
    printed = re.sub(r"</?b>", "", _seed_line(row.seed))
    assert row.amount in printed
    if row.column and "\t" in printed:
        # in a table line, the figure is a whole cell, not part of a longer number
        assert row.amount in [c.strip() for c in printed.split("\t")]


def test_every_programme_the_issue_names_is_transcribed(project):
    ids = {p.id for p in project.finance.programmes}
    assert ids == {"bcf-2014", "bcf-2017-19", "camhs", "healthwatch"}
    by_dataset = {d: len(project.finance.dataset_rows(d)) for d in project.finance.files}
    assert by_dataset["bcf-planning-template-2014--scheme-investment"] == 44
    assert by_dataset["bcf-planning-template-2017-19--schemes"] == 83   # 44 schemes; 5 have no 2018/19 figure
    assert by_dataset["camhs-ltp-update-2017-09--investment"] == 40


def test_2014_scheme_codes_are_as_printed(project):
    codes = [c for c in dict.fromkeys(r.code for r in project.finance.dataset_rows(
        "bcf-planning-template-2014--scheme-investment")) if c]
    assert codes == ["BCF01", "BCF02", "BCF03", "BCF04", "BCF05", "BCF06", "BCF07", "BCF08", "BCF09", "BCF10",
                     "BCF011", "BCF12"]


def test_reconciliation_finds_exactly_the_real_discrepancies(project):
    """Verified by hand against the seed pack (see each note)."""
    found = {(d.total.src.file, d.total.src.line, d.total.amount, d.summed) for d in finance.reconcile(project.finance)}
    assert found == {
        # 000:4516-4517: Local Authority Additional Contribution "Rotherham £1,767,000" under a stated total
        # that also holds the Disabled Facilities Grant (scheme 17), which this table does not print.
        ("data/finance/bcf-planning-template-2017-19--la-additional-contribution.csv", 4, "£4,077,793", 1_767_000),
        ("data/finance/bcf-planning-template-2017-19--la-additional-contribution.csv", 5, "£4,269,317", 1_767_000),
        # 000:5952-5956: "a further allocation of £1.09m"; its uses are £225,000 + £456,000 + £400,000.
        ("data/finance/improved-bcf-2017-19--itemised-uses.csv", 26, "£1.09m", 1_081_000),
    }


def test_check_warns_at_the_total_with_file_and_line(project):
    _p, log = load_project(REPO)
    warnings = [p for p in log.warnings if p.code == "finance-total-mismatch"]
    assert [p.format().split(": warning:")[0] for p in warnings] == [
        "data/finance/bcf-planning-template-2017-19--la-additional-contribution.csv:4:97",
        "data/finance/bcf-planning-template-2017-19--la-additional-contribution.csv:5:97",
        "data/finance/improved-bcf-2017-19--itemised-uses.csv:26:37",
    ]
    assert "parts add up to £1,081,000, a difference of -£9,000" in warnings[2].message


def test_totals_that_agree_are_checked_against_real_parts(project):
    """A total passes because its parts add up, never because none were found."""
    rows = project.finance.rows
    totals = [r for r in rows if r.kind == "total" and r.pounds]
    assert len(totals) >= 70
    for t in totals:
        assert finance.parts_of(project.finance, t), f"{t.dataset}:{t.src.line} {t.item} has no parts"
    grand = next(r for r in rows if r.dataset == "bcf-plan-2017-19--investment-profile" and r.item == "GRAND TOTAL"
                 and r.column == "2017/18 Total £'000")
    assert len(finance.parts_of(project.finance, grand)) == 37   # one "Total" per scheme, not the RMBC/RCCG cells


@pytest.mark.parametrize("text, unit, pounds, step", [
    ("1,479", "£000", 1_479_000, 1_000),
    ("£20,101,000.00", "£", 20_101_000, 1),
    ("£4m", "£m", 4_000_000, 1_000_000),
    ("£6.2m", "£m", 6_200_000, 100_000),
    ("£1.09m", "£m", 1_090_000, 10_000),
    ("up to £50,000", "£", 50_000, 1),
    ("14,170", "£'000", 14_170_000, 1_000),
    ("-40", "£000", -40_000, 1_000),
])
def test_amounts_are_scaled_to_whole_pounds(text, unit, pounds, step):
    assert parse_amount(text, unit)[:2] == (pounds, step)


@pytest.mark.parametrize("values, field, words", [
    ({"amount": "1,479", "unit": ""}, "unit", "has no unit or scale"),
    ({"amount": "1,479", "unit": "£bn"}, "unit", 'unknown scale "£bn"'),
    ({"amount": "£4 million", "unit": "£"}, "amount", "cannot read the amount"),
    ({"amount": "£4bn", "unit": "£"}, "amount", 'unknown scale word "bn"'),
    ({"amount": "£4m", "unit": "£"}, "unit", "is in £m but the unit says £"),
    ({"amount": "-40", "unit": "£000"}, "amount", 'negative amount "-40" for spend'),
    ({"year": "next year"}, "year", 'cannot read the period "next year"'),
    ({"kind": "total"}, "over", "a total row needs 'over'"),
    ({"kind": "total", "over": "area", "area": "Acute"}, "area", "a total over area leaves area blank"),
    ({"over": "area"}, "over", "'over' is only for total rows"),
])
def test_bad_amounts_name_the_field(values, field, words):
    cells = {"dataset": "d", "item": "x", "year": "2017/18", "measure": "spend", "amount": "1", "unit": "£",
             "seed": "000:1", **values}
    with pytest.raises(Exception) as info:
        FinanceRow.model_validate(cells)
    errors = info.value.errors()
    ctx = errors[0].get("ctx", {}).get("error")
    assert (getattr(ctx, "field", "") or errors[0]["loc"][0]) == field
    assert words in errors[0]["msg"]


def test_a_negative_change_is_allowed():
    row = FinanceRow.model_validate({"dataset": "d", "item": "x", "year": "2017/18", "measure": "change",
                                     "amount": "-40", "unit": "£000", "seed": "000:4143"})
    assert row.pounds == -40_000


def test_tbc_is_kept_and_counts_as_nothing():
    row = FinanceRow.model_validate({"dataset": "d", "item": "x", "year": "2017/18", "measure": "spend",
                                     "amount": "TBC", "seed": "000:1"})
    assert row.pounds is None
    with pytest.raises(FieldError):
        parse_amount("TBC", "£")


# ---------------------------------------------------------------------------------------------
# One place for each figure


def test_paper_tables_show_the_figures_from_finance(project):
    expander = blocks.Expander(project, {})
    md = expander.expand("```table\nfile: bcf-plan-2017-19--financial-plan.csv\n"
                         "finance: bcf-plan-2017-19--financial-plan\n```\n", "papers/bcf-plan-2017-19.md")
    assert "| TOTAL | 24,323 | 8,067 | 32,390 | 20,995 | 11,395 | 32,390 | 21,487 | 10,903 |" in md
    md = expander.expand("```table\nfile: healthwatch-annual-report-2016-17--finances.csv\n"
                         "finance: healthwatch-annual-report-2016-17--finances\nkey: item\n```\n", "papers/x.md")
    assert "| INCOME Year End 31/03/2017 | Total income | 213,500 |" in md


def _numbers(text: str) -> set[str]:
    return {c.strip() for row in csv.reader(text.splitlines()) for c in row
            if len(re.sub(r"\D", "", c)) >= 4 and re.fullmatch(r"[-£0-9,.m ]+|up to £[0-9,]+", c.strip())}


# Other tables of the pack that print some of the same values at other lines (different printed figures).
OTHER_PRINTINGS = {
    # 000:4367-4374 and 000:4381-4388: expenditure from the CCG minimum and out-of-hospital spend; all
    # mental health, primary care and "other" spend comes from the CCG minimum, so those lines repeat.
    "bcf-planning-template-2017-19--spend-by-area-ccg-minimum.csv": {"£790,790", "£2,145,000", "£1,259,799"},
    "bcf-planning-template-2017-19--nhs-ooh-spend.csv": {"£790,790", "£2,145,000", "£1,259,799"},
}


def test_no_figure_is_held_in_two_files(project):
    amounts: dict[str, list[str]] = {}
    for r in project.finance.rows:
        amounts.setdefault(r.amount, []).append(f"{r.dataset}:{r.src.line}")
    # within data/finance/: one printed figure, one row (repeats are other cells that print the same value)
    cells = [(r.dataset, r.item, r.column) for r in project.finance.rows if r.column]
    assert len(cells) == len(set(cells))
    for path in sorted((REPO / "data" / "tables").glob("*.csv")):
        held = {n for n in _numbers(path.read_text(encoding="utf-8")) if n in amounts}
        assert held <= OTHER_PRINTINGS.get(path.name, set()), f"{path.name} holds {sorted(held)}"


def test_a_copy_left_in_a_paper_table_is_an_error(tmp_path, real_data_copy):
    path = real_data_copy / "data/tables/bcf-planning-template-2017-19--funding-sources.csv"
    text = path.read_text(encoding="utf-8").replace("Total BCF pooled budget,,", 'Total BCF pooled budget,"£32,389,936",')
    path.write_text(text, encoding="utf-8")
    _p, log = load_project(real_data_copy)
    (error,) = log.errors
    assert error.file == "data/tables/bcf-planning-template-2017-19--funding-sources.csv"
    assert "'£32,389,936' is also held in data/finance/bcf-planning-template-2017-19--funding-sources.csv line 10" \
        in error.message


def test_the_plan_tables_agree_with_each_other_theme_by_theme(project):
    """Checked by hand against 000:4139-4147 and 4156-4200; pandas groups the validated rows."""
    f = project.finance
    profile = money_frame(f, f.dataset_rows("bcf-plan-2017-19--investment-profile"))
    plan = money_frame(f, f.dataset_rows("bcf-plan-2017-19--financial-plan"))
    def key(theme: str) -> str:   # "THEME 4 - Care Mgt & integrated ..." -> "THEME 4"
        return theme.split(" - ")[0].upper()
    by_theme = profile[profile["kind"] == "item"].assign(t=profile["theme"].map(key)).groupby("t")["pounds"].sum()
    planned = plan[(plan["kind"] == "item") & (plan["column"] == "Total 2017/18 £000")]
    planned = planned.assign(t=planned["theme"].map(key)).set_index("t")["pounds"]
    assert by_theme.to_dict() == planned.to_dict()
    assert len(planned) == 8


def test_the_ibcf_uses_match_the_profile_but_for_market_capacity(project):
    """7.2 to 7.7 against Table 9's iBCF lines (000:4194-4199): all agree but market capacity, £9,000 short."""
    f = project.finance
    uses = money_frame(f, f.dataset_rows("improved-bcf-2017-19--itemised-uses"))
    uses = uses[uses["kind"] == "item"]
    section = uses["item"].str.rsplit(".", n=1).str[0]
    sums = uses.groupby(section)["pounds"].sum().to_dict()
    assert sums["7.2"] == 4_400_000 and sums["7.3"] == 360_000 and sums["7.4"] == 290_000
    assert sums["7.5"] + 225_000 == 1_250_000                        # 7.7.1 extends 7.5.4
    assert sums["7.6"] + 456_000 + 400_000 == 955_000 - 9_000        # 7.7.2 and 7.7.3: the same £9,000
