package dev.rehearse.report;

import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

/**
 * {@code junit.xml} in Maven Surefire's schema (surefire-test-report 3.0): one {@code testsuite} for the runbook,
 * one {@code testcase} per step, so CI servers show a run like any test run.
 *
 * <ul>
 *   <li>PASS: a plain testcase.</li>
 *   <li>FAIL: {@code <failure type="FAIL" message="REASON | -GUIDE'S LINE | +HOST'S LINE">} (the reason and the
 *       first lines of the diff, in one line: a CI page shows the message, and XML folds a newline in an attribute
 *       into a space) with the diff (or the reason) as its text.</li>
 *   <li>SKIP: {@code <skipped message="REASON"/>}.</li>
 *   <li>INTERRUPTED: {@code <error type="INTERRUPTED" message="REASON">}: the step neither passed nor failed, the
 *       run was stopped there (Ctrl-C, SIGTERM, or the process ended while it ran).</li>
 *   <li>DRIFT: the guide is stale but the software works, and a run exits 0 with drift unless {@code --strict};
 *       the report says the same: by default a {@code <skipped message="drift: guide shows X, host printed Y"/>},
 *       which CI pages list, with the diff first in {@code system-out}; strict, a {@code <failure type="DRIFT">}
 *       with that message and the diff.</li>
 * </ul>
 * Every testcase's {@code system-out} also carries the step's real output (in the guide's terms). After the steps,
 * one testcase per record of the sidecar's checks, its classname {@code RUNBOOK.checks} so that a CI page lists the
 * checks apart: a PASS plain, a FAIL a {@code <failure type="CHECK" message="REASON">}, one that did not run a
 * {@code <skipped message="not run: step 12 failed"/>}.
 */
final class JunitXml {
    /** what a check's classname ends in, after the runbook's name */
    static final String CHECKS_CLASS = ".checks";

    /** the changed lines of a diff a FAIL's message quotes */
    private static final int MESSAGE_DIFF_LINES = 4;

    private JunitXml() {
    }

    static String render(RunReport report, boolean strict) {
        Summary summary = Summary.of(report);
        CheckTally checks = CheckTally.of(report.checks());
        int failures = summary.fail() + (strict ? summary.drift() : 0) + checks.fail();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", XmlText.of(report.runbook()));
            xml.writeAttribute("time", seconds(summary.elapsed()));
            xml.writeAttribute("tests", Integer.toString(summary.total() + report.checks().size()));
            xml.writeAttribute("errors", Integer.toString(summary.error() + summary.interrupted()));
            xml.writeAttribute("skipped", Integer.toString(summary.skip() + (strict ? 0 : summary.drift())
                    + checks.skip()));
            xml.writeAttribute("failures", Integer.toString(failures));
            indent(xml, 1);
            xml.writeStartElement("properties");
            property(xml, "runbook", report.runbook());
            property(xml, "target", report.target());
            property(xml, "strict", Boolean.toString(strict));
            if (report.guide() != null) {
                property(xml, "guide", String.valueOf(report.guide().file()));
            }
            indent(xml, 1);
            xml.writeEndElement();
            for (StepResult result : report.results()) {
                testcase(xml, report.runbook(), result, strict);
            }
            for (CheckResult check : report.checks()) {
                testcase(xml, report.runbook(), check);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml", e);
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter xml, String runbook, StepResult result, boolean strict)
            throws XMLStreamException {
        indent(xml, 1);
        xml.writeStartElement("testcase");
        int n = result.step().n();
        xml.writeAttribute("name", XmlText.of((n < 10 ? "0" : "") + n + " " + StepText.title(result.step()) + " ("
                + StepText.where(result.step()) + ")"));
        xml.writeAttribute("classname", XmlText.of(runbook));
        xml.writeAttribute("time", seconds(result.elapsed()));
        String out = result.actual() == null ? "" : result.actual();
        switch (result.verdict()) {
            case FAIL -> failure(xml, "failure", "FAIL", failMessage(result), orElse(result.diff(), result.reason()));
            case ERROR -> failure(xml, "error", "ERROR", reason(result, "internal error"), result.reason());
            case INTERRUPTED -> {
                indent(xml, 2);
                xml.writeStartElement("error");
                xml.writeAttribute("message", XmlText.of(reason(result, "interrupted")));
                xml.writeAttribute("type", "INTERRUPTED");
                xml.writeEndElement();
            }
            case SKIP -> {
                indent(xml, 2);
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", XmlText.of(reason(result, "skipped")));
            }
            case DRIFT -> {
                if (strict) {
                    failure(xml, "failure", "DRIFT", StepText.driftMessage(result), result.diff());
                } else {
                    indent(xml, 2);
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", XmlText.of(StepText.driftMessage(result)));
                    out = "DRIFT: the output differs from the guide (not a failure without --strict)\n"
                            + result.diff() + "\n\n" + out;
                }
            }
            case PASS -> {
                // nothing to add: a plain testcase
            }
        }
        if (!out.isEmpty()) {
            indent(xml, 2);
            xml.writeStartElement("system-out");
            xml.writeCharacters(XmlText.of(out));
            xml.writeEndElement();
        }
        indent(xml, 1);
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, String runbook, CheckResult check) throws XMLStreamException {
        indent(xml, 1);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", XmlText.of(CheckText.title(check)));
        xml.writeAttribute("classname", XmlText.of(runbook + CHECKS_CLASS));
        xml.writeAttribute("time", seconds(check.elapsed()));
        switch (check.verdict()) {
            case FAIL -> failure(xml, "failure", "CHECK", orElse(check.reason(), "failed"), orElse(check.reason(),
                    "failed"));
            case SKIP -> {
                indent(xml, 2);
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", XmlText.of(orElse(check.reason(), "not run")));
            }
            default -> {
                // a PASS: a plain testcase
            }
        }
        indent(xml, 1);
        xml.writeEndElement();
    }

    /** @param element {@code failure} (the guide or the target) or {@code error} (Rehearse itself) */
    private static void failure(XMLStreamWriter xml, String element, String type, String message, String text)
            throws XMLStreamException {
        indent(xml, 2);
        xml.writeStartElement(element);
        xml.writeAttribute("message", XmlText.of(message));
        xml.writeAttribute("type", type);
        xml.writeCharacters(XmlText.of(text));
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        indent(xml, 2);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", XmlText.of(value == null ? "" : value));
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** The reason, then the first changed lines of the diff, in one line. */
    private static String failMessage(StepResult result) {
        List<String> changed = StepText.diffHead(result.diff(), -1).stream()
                .filter(l -> l.startsWith("-") || l.startsWith("+")).limit(MESSAGE_DIFF_LINES).toList();
        StringBuilder message = new StringBuilder(reason(result, "failed"));
        changed.forEach(line -> message.append(" | ").append(line));
        return message.toString();
    }

    private static String reason(StepResult result, String otherwise) {
        return orElse(result.reason(), otherwise);
    }

    private static String orElse(String text, String otherwise) {
        return text == null || text.isEmpty() ? otherwise : text;
    }

    /** Seconds with three decimals and no grouping, as Surefire's SUREFIRE_TIME type accepts. */
    private static String seconds(Duration d) {
        return FixedPoint.of(FixedPoint.rounded((d == null ? Duration.ZERO : d).toNanos(), 1_000_000), 3);
    }
}
