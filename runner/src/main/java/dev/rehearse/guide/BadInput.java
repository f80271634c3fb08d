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
        super(oneLine(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** a line end in a file's name or a quoted value would make two lines of the one that is printed */
    private static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
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
