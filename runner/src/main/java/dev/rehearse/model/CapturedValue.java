package dev.rehearse.model;

/** A value a step found in its real output and bound for the steps after it (the port a command opened). */
public record CapturedValue(int step, String literal, String value) {
}
