"""Names, ids, topics, metric ids and period labels that do not match get a suggestion from what
exists; a number split by its comma in a CSV is named by its column, with the quotes to add."""

from __future__ import annotations

from pathlib import Path

from hwbsite.project import load_project
from hwbsite.suggest import close, did_you_mean

VALUES = "data/metrics/values/bcf-2017-19.csv"


def problems_in(root: Path, file: str) -> list[str]:
    _project, log = load_project(root)
    return [p.format() for p in log.problems if p.file == file]


def edit(root: Path, file: str, old: str, new: str) -> int:
    """Replace old with new once; returns the 1-based line of the change."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text[:index].count("\n") + 1


def test_one_clear_match_is_offered_alone():
    assert close("Teri Roche", ["Terri Roche", "Councillor David Roche", "Kate Green"]) == ["Terri Roche"]
    assert did_you_mean("better-care-fnd", ["better-care-fund", "strategy"]) == "did you mean 'better-care-fund'?"
    assert did_you_mean("zzz", ["better-care-fund"]) == ""


def test_a_misspelt_name_is_suggested_and_not_invited_as_a_new_person(real_data_copy):
    file = "data/meetings/2017-07-05.yml"
    line = edit(real_data_copy, file, '{name: "Terri Roche"', '{name: "Teri Roche"')
    found = [p for p in problems_in(real_data_copy, file) if "'Teri Roche'" in p]
    assert found and all(p.startswith(f"{file}:{line}:") for p in found)
    assert all("did you mean 'Terri Roche'?" in p for p in found)
    assert not any("add them to data/people.yml" in p for p in found)


def test_an_alias_is_a_suggestion_too(real_data_copy):
    file = "data/meetings/2017-07-05.yml"
    edit(real_data_copy, file, '{name: "Terri Roche"', '{name: "Councillor D. Roch"')
    assert any("did you mean 'Councillor D. Roche'?" in p for p in problems_in(real_data_copy, file))


def test_a_misspelt_topic_paper_and_metric_get_suggestions(real_data_copy):
    file = "data/meetings/2017-09-20.yml"
    line = edit(real_data_copy, file, "topics: [hospital-services]", "topics: [hospital-service]")
    assert (f"{file}:{line}:7: warning: topics: topic 'hospital-service' is not described in data/topics.yml "
            "(hint: did you mean 'hospital-services'?)") in problems_in(real_data_copy, file)
    line = edit(real_data_copy, file, "papers: [hwb-strategy-refresh-2017]", "papers: [hwb-strategy-refresh-2016]")
    assert (f"{file}:{line}:7: error: papers: paper 'hwb-strategy-refresh-2016' is not in content/papers/ "
            "(hint: did you mean 'hwb-strategy-refresh-2017'?)") in problems_in(real_data_copy, file)
    row = edit(real_data_copy, VALUES, "bcf-non-elective-admissions,Q2 17/18", "bcf-non-elective-admisions,Q2 17/18")
    assert (f"{VALUES}:{row}:1: error: metric: unknown metric 'bcf-non-elective-admisions' "
            "(hint: did you mean 'bcf-non-elective-admissions'?)") in problems_in(real_data_copy, VALUES)


def test_a_period_label_unlike_its_series_names_the_labels_used(real_data_copy):
    path = real_data_copy / VALUES
    path.write_text(path.read_text() + "bcf-non-elective-admissions,Q1 2019/20,actual,7301,count,"
                    ",,,,,,2019-08-10,Quarterly BCF return Q1 2019/20,\n")
    line = len(path.read_text().splitlines())
    assert (f"{VALUES}:{line}:1: warning: period: period 'Q1 2019/20' is not written like the other "
            "bcf-non-elective-admissions rows: the series uses 'Q1 17/18', 'Q2 17/18', 'Q3 17/18', "
            "'Q4 17/18', ... (hint: write the label the way the series does, so that the chart and table "
            "read as one)") in problems_in(real_data_copy, VALUES)


def test_the_real_data_has_no_label_warnings_and_no_unknown_topics(real_data_copy):
    _project, log = load_project(real_data_copy)
    assert [p.format() for p in log.problems if p.code in ("period-label", "unknown-topic")] == []


def test_an_unquoted_thousands_comma_names_the_column_and_the_quotes(real_data_copy):
    path = real_data_copy / VALUES
    row = "bcf-non-elective-admissions,Q1 19/20,actual,1,045.2,count,,,,,,,2019-08-10,Quarterly return,\n"
    path.write_text(path.read_text() + row)
    line = len(path.read_text().splitlines())
    assert problems_in(real_data_copy, VALUES)[-1] == (
        f"{VALUES}:{line}:45: error: value: the number 1,045.2 is split in two by its comma, so this row "
        "has 15 columns, not 14 (hint: put it in double quotes: \"1,045.2\" (or write it without the comma: "
        "1045.2))")
    # and the quotes it suggests are accepted, the figure kept as printed
    path.write_text(path.read_text().replace(",1,045.2,", ',"1,045.2",'))
    project, log = load_project(real_data_copy)
    assert [p.format() for p in log.errors] == []
    value = next(v for v in project.values if v.period.label == "Q1 19/20" and v.kind == "actual"
                 and v.metric == "bcf-non-elective-admissions")
    assert (value.value, value.published) == (1045.2, "1,045.2")
