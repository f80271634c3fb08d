package dev.rehearse.plan;

/**
 * The value one of a runbook's {@code vars} took in one run, and where it came from: what the reports record so
 * that two runs which differ in more than the value a matrix varied (a version that follows the target's fact) say so.
 *
 * @param value  as the reports may show it: a secret's placeholder (the literal of the secret binding that uses the
 *               var) instead of its value; null when the var has no default, fact or {@code --bind}
 * @param fact   the target fact it followed, when {@code from} is {@link From#FACT}, else null
 * @param secret {@code value} is the placeholder of a secret
 */
public record VarValue(String name, String value, From from, String fact, boolean secret) {

    /** In increasing precedence, as {@code BindingResolver} applies them. */
    public enum From { DEFAULT, FACT, BOUND }

    /** Where it came from, as a page says it: {@code default}, {@code fact NAME}, {@code --bind}. */
    public String origin() {
        return switch (from) {
            case DEFAULT -> "default";
            case FACT -> "fact " + fact;
            case BOUND -> "--bind";
        };
    }

    /** The value as a page shows it: {@code unset} for none. */
    public String shown() {
        return value == null ? "unset" : value;
    }
}
