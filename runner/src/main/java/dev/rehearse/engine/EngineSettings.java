package dev.rehearse.engine;

import dev.rehearse.run.Rehearsal;
import org.junit.platform.engine.ConfigurationParameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's configuration parameters (Surefire's {@code <configurationParameters>}, Gradle's
 * {@code systemProperty}, {@code junit-platform.properties}, or {@code -D} system properties):
 * <ul>
 *   <li>{@code rehearse.target}: where runbooks run, as {@code --target} says it (default: the sidecar's, else local);</li>
 *   <li>{@code rehearse.bind.NAME=VALUE}: a sidecar variable or an example value, as {@code --bind NAME=VALUE};</li>
 *   <li>{@code rehearse.strict}: a DRIFT fails its test (default false: the guide is stale, the software works);</li>
 *   <li>{@code rehearse.reportDir}: where each runbook's junit.xml, results.json and report.html go, in a folder
 *       named after the runbook (default {@code target/rehearse});</li>
 *   <li>{@code rehearse.baseDir}: what the folders of {@link Runbooks @Runbooks} are relative to (default: the
 *       working directory, which is the project's folder under Surefire and Gradle).</li>
 * </ul>
 */
record EngineSettings(String target, Map<String, String> binds, boolean strict, Path reportDir, Path baseDir) {
    static final String TARGET = "rehearse.target";
    static final String BIND = "rehearse.bind.";
    static final String STRICT = "rehearse.strict";
    static final String REPORT_DIR = "rehearse.reportDir";
    static final String BASE_DIR = "rehearse.baseDir";

    static EngineSettings of(ConfigurationParameters parameters) {
        Map<String, String> binds = new TreeMap<>();
        // keySet() holds the explicit parameters only; get() also falls back to system properties, so read both
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(BIND))
                .forEach(k -> binds.put(k.substring(BIND.length()), System.getProperty(k)));
        parameters.keySet().stream().filter(k -> k.startsWith(BIND))
                .forEach(k -> parameters.get(k).ifPresent(v -> binds.put(k.substring(BIND.length()), v)));
        return new EngineSettings(parameters.get(TARGET).filter(t -> !t.isBlank()).orElse(null), binds,
                parameters.getBoolean(STRICT).orElse(false),
                parameters.get(REPORT_DIR).map(Path::of).orElse(Path.of("target", "rehearse")),
                parameters.get(BASE_DIR).map(Path::of).orElse(Path.of("")));
    }

    Rehearsal rehearsal() {
        return Rehearsal.defaults().withTarget(target).withBinds(binds);
    }
}
