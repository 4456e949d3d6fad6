"""``junit``: JUnit XML, one test case per file; findings at or above the fail level fail it, an unreadable file
is an error. CI systems show the failures in their test views."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, indent, tostring

from perftable.findings import FileReport, Report
from perftable.report.context import FormatContext, relative, visible, where


def stream(file: FileReport, ctx: FormatContext) -> str:
    return ""


def _case(suite: Element, file: FileReport, ctx: FormatContext) -> tuple[int, int]:
    case = SubElement(suite, "testcase", classname="perftable", name=relative(file.file, ctx.root))
    lines = [f"{where(f, ctx.root)}: {f.code} [{f.severity}] {visible(f.message)}" for f in file.findings]
    if file.error is not None:
        error = SubElement(case, "error", message=visible(file.error), type="P001")
        error.text = "\n".join(lines)
        return 0, 1
    failing = file.failing
    if failing:
        failure = SubElement(case, "failure", message=f"{len(failing)} finding(s)", type=failing[0].code)
        failure.text = "\n".join(lines)
        return 1, 0
    if lines:
        SubElement(case, "system-out").text = "\n".join(lines)
    return 0, 0


def finish(report: Report, ctx: FormatContext) -> str:
    root = Element("testsuites", name="perftable")
    suite = SubElement(root, "testsuite", name="perftable", tests=str(len(report.files)))
    failures = errors = 0
    for file in report.files:
        failed, errored = _case(suite, file, ctx)
        failures, errors = failures + failed, errors + errored
    for element in (root, suite):
        element.set("tests", str(len(report.files)))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"
