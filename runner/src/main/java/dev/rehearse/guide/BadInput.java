package dev.rehearse.guide;

/**
 * Input Rehearse cannot work with: a missing file, a binary file, a broken directive, a bad sidecar.
 * The CLI prints {@link #getMessage()} as one line ({@code file:line: what is wrong}) and exits 2.
 */
public class BadInput extends RuntimeException {
    private final String file;
    private final int line;
    private final String problem;

    public BadInput(String file, int line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
