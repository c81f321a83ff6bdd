"""Money as the papers print it: one CSV row per published amount, and the programmes that group them.

A row keeps the amount exactly as printed ("£4m", "1,479", "up to £50,000") for display, states its
unit and scale (the papers mix £, £000, £'000 and £m), and carries the amount in whole pounds for
sums and charts.  The dimensions are the ones the papers use: funding source, scheme and its code,
lead provider, commissioner, area of spend, theme, pool, recurrent or not.  A total row names the
dimensions it adds up over, so that the parts it states can be found and checked.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, PrivateAttr, field_validator, model_validator

from .. import periods
from .base import Model
from .types import FieldError, Slug, Text, written_as
from .. import patterns

# The unit column: what one printed unit is worth in pounds.
SCALES = {"£": 1, "£000": 1_000, "£'000": 1_000, "£k": 1_000, "£m": 1_000_000}
# Words printed after a number that scale it ("£4m", "£1.09m"); they must agree with the unit.
SUFFIXES = {"": None, "k": "£k", "m": "£m"}
# Words printed before a number that qualify it without changing it.
QUALIFIERS = ("up to ", "circa ", "around ")
# Cells that hold words where an amount would be ("TBC"): kept as printed, counted as nothing.
NOT_FIGURES = ("TBC", "TBA")

DIMENSIONS = ("source", "scheme", "code", "provider", "commissioner", "area", "theme", "pool", "recurrent")
# Changes and balances may be below zero; spending, income, funding and allocations may not.
SIGNED_MEASURES = ("change", "balance")
KINDS = ("item", "total")
COLUMNS = ["item", "column", "year", "measure", "kind", "over", "amount", "unit", *DIMENSIONS, "note", "seed"]

_AMOUNT = patterns.compile("models.finance.amount", r"^(?P<sign>-)?(?P<pound>£)?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                     r"(?P<suffix>[a-zA-Z]*)$")
_SEED = patterns.compile("models.finance.seed", r"^\d{3}:\d+$")
_DATASET = patterns.compile("models.finance.dataset", r"^[a-z0-9]+(?:--?[a-z0-9]+)*$")


_dataset_id = written_as(_DATASET, "a dataset id (the CSV file name without .csv)",
                         "lowercase letters, digits and hyphens, e.g. winter-plan-2026--budget")
_seed_line = written_as(_SEED, 'the seed file and line, like "000:4336"',
                        "the first three digits of the source file's name, a colon, then the line")


DatasetId = Annotated[str, AfterValidator(_dataset_id)]


def parse_amount(text: str, unit: str) -> tuple[int, int, bool]:
    """(whole pounds, pounds per last printed digit, negative) for a printed amount in ``unit``."""
    body = text
    for word in QUALIFIERS:
        if body.lower().startswith(word):
            body = body[len(word):]
            break
    m = _AMOUNT.match(body.strip())
    if not m:
        raise FieldError(f'cannot read the amount "{text}"',
                         'write it as printed: "1,479", "£20,101,000.00", "£4m", "-40" or "up to £50,000"',
                         field="amount")
    suffix = m["suffix"].lower()
    if suffix not in SUFFIXES:
        raise FieldError(f'unknown scale word "{m["suffix"]}" in the amount "{text}"',
                         "the scales are " + ", ".join(SCALES) + ' (write "£4m", not "£4 million")', field="amount")
    if SUFFIXES[suffix] and SUFFIXES[suffix] != unit:
        raise FieldError(f'the amount "{text}" is in {SUFFIXES[suffix]} but the unit says {unit}',
                         f"set unit to {SUFFIXES[suffix]}", field="unit")
    number = Decimal(m["number"].replace(",", ""))
    decimals = -int(number.as_tuple().exponent) if "." in m["number"] else 0
    scale = SCALES[unit]
    pounds = number * scale
    if pounds != pounds.to_integral_value():
        raise FieldError(f'"{text}" in {unit} is not a whole number of pounds', field="amount")
    step = max(1, int(Decimal(scale) / (Decimal(10) ** decimals)))
    return int(pounds) * (-1 if m["sign"] else 1), step, bool(m["sign"])


class FinanceRow(Model):
    """One published amount (or a stated total) from a paper's table or text."""

    dataset: DatasetId
    item: Text
    column: Text = ""
    year: str
    measure: Text
    kind: Literal["item", "total"] = "item"
    over: list[Literal["source", "scheme", "code", "provider", "commissioner", "area", "theme", "pool",
                       "recurrent"]] = Field(default_factory=list)
    amount: str
    unit: str = ""
    source: Text = ""
    scheme: Text = ""
    code: str = ""
    provider: Text = ""
    commissioner: Text = ""
    area: Text = ""
    theme: Text = ""
    pool: Text = ""
    recurrent: Literal["", "yes", "no"] = ""
    note: Text = ""
    seed: str

    _period: periods.Period | None = PrivateAttr(default=None)
    _pounds: int | None = PrivateAttr(default=None)
    _step: int = PrivateAttr(default=1)

    @field_validator("over", mode="before")
    @classmethod
    def _split_over(cls, value: Any) -> Any:
        return value.split() if isinstance(value, str) else value

    @field_validator("year")
    @classmethod
    def _year(cls, value: str) -> str:
        try:
            periods.parse(value)
        except periods.PeriodError as exc:
            raise FieldError(str(exc), 'write the year as printed, e.g. "2017/18", "2017-18" or "15/16"') from None
        return value

    @field_validator("seed")
    @classmethod
    def _seed(cls, value: str) -> str:
        return _seed_line(value)

    @model_validator(mode="after")
    def _amount(self) -> FinanceRow:
        self._period = periods.parse(self.year)
        if self.kind == "total" and not self.over:
            raise FieldError("a total row needs 'over': the dimensions it adds up",
                             "for example over: area, or over: scheme code provider", field="over")
        if self.kind == "total" and (named := [d for d in self.over if getattr(self, d)]):
            raise FieldError(f"a total over {named[0]} leaves {named[0]} blank: it adds up every {named[0]}",
                             f"clear {named[0]}, or take it out of over", field=named[0])
        if self.kind == "item" and self.over:
            raise FieldError("'over' is only for total rows", "set kind to total, or leave over empty", field="over")
        if self.amount.strip() in NOT_FIGURES:
            return self
        if not self.unit:
            raise FieldError(f'the amount "{self.amount}" has no unit or scale',
                             "say what the paper prints it in: " + ", ".join(SCALES), field="unit")
        if self.unit not in SCALES:
            raise FieldError(f'unknown scale "{self.unit}"', "the scales are " + ", ".join(SCALES), field="unit")
        pounds, step, negative = parse_amount(self.amount, self.unit)
        if negative and self.measure not in SIGNED_MEASURES:
            raise FieldError(f'negative amount "{self.amount}" for {self.measure}',
                             "only a change or a balance may be below zero; check the sign, or set measure "
                             "to change", field="amount")
        self._pounds, self._step = pounds, step
        return self

    @property
    def period(self) -> periods.Period:
        assert self._period is not None  # set by the validator of every row
        return self._period

    @property
    def pounds(self) -> int | None:
        """The amount in whole pounds after scaling (None for "TBC")."""
        return self._pounds

    @property
    def step(self) -> int:
        """Pounds per last printed digit: "£6.2m" is printed to the nearest £100,000."""
        return self._step

    @property
    def cite(self) -> str:
        """The seed file and line, for officers (never shown publicly as a line number)."""
        return self.seed


class Scheme(Model):
    code: str
    name: Text


class Dataset(Model):
    """One table (or one passage) of a paper, transcribed in data/finance/<id>.csv."""

    id: DatasetId
    title: Text
    paper: Slug | None = None
    role: Literal["funding", "schemes", "areas", "other"] = "other"


class Programme(Model):
    id: Slug
    title: Text
    description: Text | None = None
    headline: DatasetId | None = None    # the dataset whose totals the page states in words
    verb: Text = "pooled"            # "£X pooled in 2017/18": the paper's word for the headline total
    datasets: list[Dataset] = Field(default_factory=list)
    schemes: list[Scheme] = Field(default_factory=list)


class ProgrammesFile(Model):
    programmes: list[Programme] = Field(default_factory=list)
