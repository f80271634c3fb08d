package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's supervisord include shows {@code SERVICE: available} after {@code supervisorctl reread}: SERVICE stands
 * for the program the guide just wrote into {@code ~/etc/services.d/}. Each step's expected output gets that name
 * where the include writes SERVICE, so that every daemon guide does not DRIFT there.
 */
final class ServiceNames {
    private static final Pattern PROGRAM = Pattern.compile("(?m)^\\s*\\[program:([^\\]\\s]+)]");
    private static final Pattern SERVICES_D = Pattern.compile("services\\.d/([^/]+)\\.ini$");
    private static final Pattern SUPERVISORCTL = Pattern.compile("\\bsupervisorctl\\b");
    private static final Pattern WORD = Pattern.compile("\\bSERVICE\\b");

    private ServiceNames() {
    }

    static List<Step> filledIn(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        String service = null;
        for (Step step : steps) {
            if (step instanceof WriteStep w) {
                Matcher file = SERVICES_D.matcher(w.path());
                Matcher program = PROGRAM.matcher(w.content());
                service = program.find() ? program.group(1) : file.find() ? file.group(1) : service;
            }
            if (service != null && step instanceof CommandStep c && SUPERVISORCTL.matcher(c.command()).find()
                    && c.expected().stream().anyMatch(e -> WORD.matcher(e.text()).find())) {
                String name = service;
                List<ExpectedLine> expected = c.expected().stream().map(e -> e.kind() != ExpectedLine.Kind.OUTPUT ? e
                        : new ExpectedLine(e.sourceLine(), WORD.matcher(e.text()).replaceAll(Matcher.quoteReplacement(name)),
                        e.kind(), e.prompt(), e.answer())).toList();
                step = c.withShown(expected, c.interactions());
            }
            out.add(step);
        }
        return out;
    }
}
