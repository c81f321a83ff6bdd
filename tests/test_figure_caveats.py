"""A figure's caveats travel with it: wherever the real site shows a published figure (status sentence,
tile, data table, chart hover, notes list, the metric's CSV download, open data CSV and JSON), it says
what the figure covers when that is less than its period, and carries the note that flags it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from conftest import REPO
from exports_support import exports, load
from hwbsite import assessment, figures, figuretables, tiles

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(scope="module")
def real():
    view, _ctx = load(REPO, TODAY)
    return view, exports(REPO, TODAY)


def _open_rows(out, name):
    rows = list(csv.DictReader(io.StringIO(out[f"data/{name}.csv"].text.decode()
                                            if isinstance(out[f"data/{name}.csv"].text, bytes)
                                            else out[f"data/{name}.csv"].text)))
    content = out[f"data/{name}.json"].text
    return rows, json.loads(content.decode() if isinstance(content, bytes) else content)


def test_every_output_showing_a_part_period_figure_says_what_it_covers(real):
    view, out = real
    csv_rows, json_rows = _open_rows(out, "metric_values")
    partial = [v for v in view.values if v.covers]
    assert len(partial) > 20    # the CAMHS quarters "to date" (January & February; April & May)
    for n, v in enumerate(view.values):
        if not v.covers:
            continue
        # open data: CSV and JSON rows are in the values' order
        assert csv_rows[n]["covers"] == json_rows[n]["covers"] == v.covers.label, (v.metric, v.period.label)
        assert json_rows[n]["covers_start"] == v.covers.start.isoformat()
        values = figures.series_values(view.values, v.metric)
        metric = view.metrics[v.metric]
        with_covers = f"{figures.format_value(v)} ({v.coverage})"
        # the data table and the metric's CSV download
        row = next(r for r in figuretables.table_rows(values) if r["period"] == v.period.label
                   and r["kind"] == figures.KIND_WORDS[v.kind] and r["breakdown"] == v.breakdown)
        assert row["covers"] == v.covers.label
        download = list(csv.DictReader(io.StringIO(figuretables.csv_download(metric, values))))
        assert any(r["period"] == v.period.label and r["covers"] == v.covers.label for r in download)
        # the chart's hover text, when the chart draws the figure
        fig = figures.figure(metric, values)
        texts = [t for trace in fig["data"] for t in trace.get("text", [])]
        drawn = v in figures.charted([x for x in values if not x.breakdown]) or all(x.breakdown for x in values)
        if drawn:
            assert any(with_covers in t for t in texts), (v.metric, v.period.label)
        # the status sentence and the tile, when they name the figure
        status = assessment.status(metric, values)
        if v in status.actuals:
            assert v.coverage in status.text, v.metric
            assert v.coverage in tiles.tile(view, v.metric, "dashboards/x.md"), v.metric


def test_every_flagged_figure_carries_its_note_in_every_output(real):
    view, out = real
    _csv_rows, json_rows = _open_rows(out, "metric_values")
    noted = 0
    for metric_id, metric in view.metrics.items():
        values = figures.series_values(view.values, metric_id)
        notes = figuretables.figure_notes(view, values)
        if not notes:
            continue
        fig = figures.figure(metric, values, notes)
        hover = " ".join(t for trace in fig["data"] for t in trace.get("text", []))
        listed = figuretables.notes_list(metric, notes)
        table = figuretables.data_table(metric, values, "dashboards/x.md", None, notes)
        drawn = set(map(id, figures.charted([x for x in values if not x.breakdown]))) \
            if not all(x.breakdown for x in values) else set(map(id, values))
        for note in notes:
            v = note.value
            noted += 1
            marker = f"{figures.MARKER} note {note.number}"
            assert marker in table, (metric_id, v.period.label)
            if id(v) in drawn:
                assert marker in hover, (metric_id, v.period.label)
            assert note.text.split(" Data check:")[0][:40] in listed.replace("\\", ""), metric_id
            if v.covers:
                assert v.coverage in listed
            if v.note:
                index = view.values.index(v)
                # the open data cites the pack where the data has officers' line references
                assert json_rows[index]["note"][:30] == v.note[:30], metric_id
    assert noted > 10


def test_a_target_the_narrative_states_is_the_target_in_every_output(real):
    """The BCF plan calls 3.5% "the target" for delayed transfers (000 line 3535): it is a target row
    with its source, and the sentence, tile, data table, CSV download and open data all say "target"
    for 2017-19, never "threshold" and never "no plan or target"."""
    view, out = real
    values = figures.series_values(view.values, "bcf-dtoc-percent-delayed")
    metric = view.metrics["bcf-dtoc-percent-delayed"]
    [target] = [v for v in values if v.period.label == "2017-19"]
    assert (target.kind, target.published, target.source) == ("target", "3.5", "000 lines 3528, 3535")
    status = assessment.status(metric, values)
    assert status.plan is target
    assert "The papers set a target of 3.5% for 2017-19 as a whole" in status.text
    tile = tiles.tile(view, metric.id, "dashboards/x.md")
    assert "Target for 2017-19: 3.5%" in tile and "Threshold" not in tile
    row = next(r for r in figuretables.table_rows(values) if r["period"] == "2017-19")
    assert row["kind"] == "Target"
    download = list(csv.DictReader(io.StringIO(figuretables.csv_download(metric, values))))
    assert [r["kind"] for r in download if r["period"] == "2017-19"] == ["target"]
    csv_rows, json_rows = _open_rows(out, "metric_values")
    index = view.values.index(target)
    assert csv_rows[index]["kind"] == json_rows[index]["kind"] == "target"
    assert csv_rows[index]["period"] == "2017-19"
