package dev.rehearse.plan;

import java.util.regex.Pattern;

/**
 * A sidecar answer: a transcript line in which {@code prompt} is found is a prompt, and the runner waits for
 * the output to end with the matched text (up to where the match ends), then types the answer.
 *
 * @param answer  the literal answer, or null when {@code binding} supplies it
 * @param binding the literal of the binding whose value is typed (a secret, typically), or null
 * @param hidden  the program does not echo what is typed
 * @param file    the sidecar, for messages
 * @param line    the rule's line in it
 */
public record AnswerRule(Pattern prompt, String answer, String binding, boolean hidden, String file, int line) {
}
