"""What may be published is decided in one module, hwbsite/publication.py.

Read over the package's syntax trees (comments and strings do not count), outside publication.py:
no function whose name says it decides publicness (``minutes_published``, ``_public_items``,
``public_minutes``, ``exemption``), no test of whether an agenda is a draft, and no reading of a
paper's embargo date. Rules, checks and builders ask publication.py's questions instead.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hwbsite"
HOME = PACKAGE / "publication.py"

# Names that say "publicness" but decide nothing: they format what the public view already holds.
FORMATTERS = {
    "public_table_csv",  # citations.py: a public table's CSV download
    "exempt_reason",     # pages/meetings.py: the words of a Schedule 12A paragraph
    "_public",           # figuretables.py: a source note as the public reads it (citations)
    "_scan_private",     # verify.py: looks for the texts publication.private_texts lists
    "project_private_texts",  # verify.py: loads a project and asks publication.private_texts
}
_DECIDER = re.compile(r"public|publish|exempt|private|embargo", re.I)


def decisions_in(source: str) -> list[str]:
    """Each publication decision the code makes, as 'line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if _DECIDER.search(node.name) and node.name not in FORMATTERS:
                found.append(f"{node.lineno}: defines {node.name}()")
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            draft = any(isinstance(o, ast.Constant) and o.value == "draft" for o in operands)
            on_agenda = any(isinstance(o, ast.Attribute) and o.attr == "status"
                            and ast.unparse(o.value).split(".")[-1] == "agenda" for o in operands)
            if draft and on_agenda:
                found.append(f"{node.lineno}: tests whether an agenda is a draft")
        elif isinstance(node, ast.Attribute) and node.attr == "embargoed_until":
            found.append(f"{node.lineno}: reads a paper's embargo")
    return sorted(found, key=lambda d: int(d.split(":")[0]))


def test_the_detector_sees_each_kind_of_outpost():
    # the three outposts issue 23 found, as they were written
    old = '''
def minutes_published(meeting) -> bool:
    return meeting.minutes is not None and not (meeting.agenda and meeting.agenda.status == "draft")

def _public_items(items):
    for item in items:
        if item.exempt is None:
            yield item

class Meeting:
    def public_minutes(self):
        return []

def check(project):
    draft = bool(meeting.agenda and meeting.agenda.status == "draft")
    late = paper.embargoed_until
'''
    assert [d.split(": ", 1)[1] for d in decisions_in(old)] == [
        "defines minutes_published()", "tests whether an agenda is a draft", "defines _public_items()",
        "defines public_minutes()", "tests whether an agenda is a draft", "reads a paper's embargo"]
    # a formatter of public text, a minutes status and a word in a string are not decisions
    assert decisions_in('def exempt_reason(e):\n    return "private"\n'
                        'ok = meeting.minutes.status == "draft"\n') == []


def test_no_publication_decision_outside_publication_py():
    outposts = {path.relative_to(PACKAGE.parent).as_posix(): found
                for path in sorted(PACKAGE.rglob("*.py")) if path != HOME
                if (found := decisions_in(path.read_text(encoding="utf-8")))}
    assert outposts == {}


def test_publication_py_still_holds_the_rule():
    # the detector looks at the right module: the decisions are there
    assert len(decisions_in(HOME.read_text(encoding="utf-8"))) >= 3
