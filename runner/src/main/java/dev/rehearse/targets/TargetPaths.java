package dev.rehearse.targets;

/** Turns a path as a guide writes it ({@code ~/etc/x.ini}, {@code synapse/x.yaml}, {@code /etc/x}) into an absolute one. */
public final class TargetPaths {
    private TargetPaths() {
    }

    /** {@code ~} and {@code ~/x} resolve against {@code home}; a relative path against {@code cwd}. */
    public static String resolve(String path, String home, String cwd) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return join(home, path.substring(2));
        }
        if (path.startsWith("/")) {
            return path;
        }
        return join(cwd != null ? cwd : home, path);
    }

    private static String join(String dir, String rest) {
        return dir.endsWith("/") ? dir + rest : dir + "/" + rest;
    }
}
