package dev.rehearse.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose only job is to point the Rehearse test engine at folders of runbooks, so that build tools that
 * hand test engines the classes they scan (Maven Surefire, Gradle) find the runbooks too:
 * <pre>{@code
 * @Runbooks("src/test/runbooks")
 * class GuidesTest {
 * }
 * }</pre>
 * Every runbook under the folders becomes a test container and every step a test. Jupiter ignores such a class, as it
 * has no {@code @Test} methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Runbooks {

    /** Folders of runbooks (or runbook folders), relative to the working directory of the test run. */
    String[] value();
}
