package dev.rehearse.plan;

/**
 * A value a step prints that later steps reuse: after the step runs, {@code regex} is searched in its real
 * output and group 1 becomes the binding for {@code literal} (the value the guide shows).
 */
public record Capture(String literal, String regex) {
}
