package dev.rehearse.report;

import dev.rehearse.guide.BadInput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One {@code junit.xml} for many runs (a matrix's values, a folder's runbooks): a {@code testsuites} holding each
 * run's own {@code testsuite} as its {@code junit.xml} has it, renamed {@code NAME[LABEL]} (suite and test classes),
 * so that a CI page that keys tests by class tells the runs apart, and one suite with a failed test for a run that
 * could not start. Made from the runs' files, not from memory: a run made by another process (a shard on another
 * machine, joined by {@code rehearse merge}) gives the same file as one made by this one.
 */
public final class JunitSuites {

    /**
     * One run to join.
     *
     * @param name  the runbook
     * @param label how the run differs from the others ({@code NAME=V}), or null for a runbook of a folder
     * @param dir   the folder of its {@code junit.xml}
     * @param error why it could not start, or null
     */
    public record Run(String name, String label, Path dir, String error) {
        String suite() {
            return label == null ? name : name + "[" + label + "]";
        }
    }

    private JunitSuites() {
    }

    /** @throws BadInput naming the file when a run's {@code junit.xml} is missing or not XML */
    public static String join(String name, List<Run> runs) {
        try {
            DocumentBuilder parser = parser();
            Document joined = parser.newDocument();
            Element root = joined.createElement("testsuites");
            root.setAttribute("name", XmlText.of(name));
            joined.appendChild(root);
            int[] totals = new int[4];
            double time = 0;
            for (Run run : runs) {
                Element suite = run.error() == null ? read(parser, joined, run) : notStarted(joined, run);
                for (int i = 0; i < COUNTS.length; i++) {
                    totals[i] += count(suite, COUNTS[i]);
                }
                time += seconds(suite.getAttribute("time"));
                root.appendChild(joined.createTextNode("\n"));
                root.appendChild(suite);
            }
            root.appendChild(joined.createTextNode("\n"));
            for (int i = 0; i < COUNTS.length; i++) {
                root.setAttribute(COUNTS[i], Integer.toString(totals[i]));
            }
            root.setAttribute("time", String.format(Locale.ROOT, "%.3f", time));
            return text(joined);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot join the runs' junit.xml", e);
        }
    }

    private static final String[] COUNTS = {"tests", "failures", "errors", "skipped"};

    private static Element read(DocumentBuilder parser, Document joined, Run run) {
        Path file = run.dir().resolve(Reports.JUNIT);
        Element suite;
        try {
            suite = (Element) joined.importNode(parser.parse(file.toFile()).getDocumentElement(), true);
        } catch (SAXException | IOException e) {
            throw new BadInput(file.toString(), 0, "cannot read a run's junit.xml: " + e.getMessage());
        }
        if (!suite.getTagName().equals("testsuite")) {
            throw new BadInput(file.toString(), 0, "not a junit.xml of Rehearse (no testsuite)");
        }
        suite.setAttribute("name", XmlText.of(run.suite()));
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element test = (Element) cases.item(i);
            // a check's class stays marked as one
            String checks = test.getAttribute("classname").endsWith(JunitXml.CHECKS_CLASS) ? JunitXml.CHECKS_CLASS : "";
            test.setAttribute("classname", XmlText.of(run.suite() + checks));
        }
        return suite;
    }

    private static Element notStarted(Document joined, Run run) {
        Element suite = joined.createElement("testsuite");
        suite.setAttribute("name", XmlText.of(run.suite()));
        suite.setAttribute("time", "0.000");
        suite.setAttribute("tests", "1");
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", "0");
        suite.setAttribute("failures", "1");
        Element test = joined.createElement("testcase");
        test.setAttribute("name", "the run");
        test.setAttribute("classname", XmlText.of(run.suite()));
        test.setAttribute("time", "0.000");
        Element failure = joined.createElement("failure");
        failure.setAttribute("type", "DID NOT START");
        failure.setAttribute("message", XmlText.of("did not start: " + run.error()));
        test.appendChild(failure);
        suite.appendChild(test);
        return suite;
    }

    private static int count(Element suite, String attribute) {
        try {
            return Integer.parseInt(suite.getAttribute(attribute));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double seconds(String time) {
        try {
            return Double.parseDouble(time);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A parser that reads no document type: a report folder from elsewhere names no file of this machine. */
    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder parser = factory.newDocumentBuilder();
        // the default handler prints each error on the console too: one line of bad input is enough
        parser.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return parser;
    }

    private static String text(Document document) throws TransformerException {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        // the declaration as JunitXml writes it, on a line of its own
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out + "\n";
    }
}
