package dev.rehearse.targets;

import dev.rehearse.model.TargetFacts;

/** Turns a path as a guide writes it ({@code ~/etc/x.ini}, {@code synapse/x.yaml}, {@code /etc/x}) into an absolute one. */
public final class TargetPaths {
    private TargetPaths() {
    }

    /**
     * As {@link #resolve(String, String, String)}, with {@code $HOME}, {@code ${HOME}}, {@code $USER}, {@code ${USER}}
     * and {@code $LOGNAME} first made the target's: guides write {@code /var/www/virtual/$USER/html}.
     */
    public static String resolve(String path, TargetFacts facts, String cwd) {
        String expanded = path.replace("${HOME}", facts.home()).replace("${USER}", facts.user())
                .replaceAll("\\$HOME\\b", java.util.regex.Matcher.quoteReplacement(facts.home()))
                .replaceAll("\\$(?:USER|LOGNAME)\\b", java.util.regex.Matcher.quoteReplacement(facts.user()));
        return resolve(expanded, facts.home(), cwd);
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
