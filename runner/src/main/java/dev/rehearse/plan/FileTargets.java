package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a block that is not a terminal session does to a file, from the prose just before it, and says why
 * when it does nothing. Only an explicit "create" (or "save the following as") makes a file anew; "add the
 * following to", "append", "put this into" add to what is there, and "edit", "change", "set" merge into a yaml,
 * ini or toml file. A change to any other kind of file cannot be made without destroying the rest of it, so it is
 * shown, not run. The file is the one the prose names (in backticks or not), or else the one an earlier paragraph
 * of the same section named.
 */
final class FileTargets {

    /** What to do with a block; {@code mode} null means nothing, for the reason {@code why}. */
    record FileTarget(Mode mode, String path, String format, String why) {

        static FileTarget none(String why) {
            return new FileTarget(null, null, null, why);
        }
    }

    enum Mode { CREATE, APPEND, MERGE }

    /** a literal in backticks, or a path in italics as the Rust book writes it ("Create the file *src/main.rs*") */
    private static final Pattern INLINE_LITERAL = Pattern.compile("``([^`]+)``|`([^`]+)`|(?<![*\\w])\\*([^*\\s]+)\\*(?![*\\w])");
    /** a path outside backticks: starts at ~, $HOME, $USER's folder or /, never inside a URL */
    private static final Pattern BARE_PATH = Pattern.compile(
            "(?<![\\w:/`.])((?:~|\\$HOME|\\$\\{HOME}|/)[\\w.${}/-]*+)");
    /**
     * "create" about a file ("Create ``~/x``", "create a small script", "create the config file"), never "create an
     * array"; a file that is new ("a file called main.go:", "a second file named x.py"), or written to a path ("Write
     * the start script to ``~/bin/start``:", "Write ``hello.py``:"); and the whole file said
     * otherwise ("Replace the contents of ``x`` with", "update ``x`` so it reads:")
     */
    private static final Pattern CREATE = Pattern.compile("(?i)\\b(creat(?:e|es|ing)\\s+(?:[\\w-]+\\s+){0,4}?"
            + "(?:file|script|config|configuration|template|ini|``|`|:code:|:file:|~|/|\\$)"
            + "|new file|an?(?: \\w+)? file (?:named|called)"
            + "|write (?:(?:it|this|these|the following|(?:the|a|an|your) (?:[\\w-]+ ){0,3}?[\\w-]+) )"
            + "(?:to|into|as) (?=`|~|/|\\$|:file:)|write (?=`+[^`\\s]*\\.[\\w-]+`)"
            + "|save (?:it|this|them|the following|the file)(?: \\w+)? (?:as|to|in|into|under)|place the file"
            + "|enter the following|containing|replace the (?:whole |entire )?contents? of"
            + "|overwrite (?:[\\w`~/.$-]+\\s+){1,3}?with\\b"
            + "|so (?:that )?it (?:reads|looks like|contains)(?: the following| this)?:)");
    private static final Pattern CRONTAB = Pattern.compile("(?i)\\bcron(?:tab|job)s?\\b|\\bcron job");
    private static final Pattern APPEND = Pattern.compile("(?i)\\b(add|adding|append|appending|insert|put (?:this|these|"
            + "it|them|the following)|extend|at the (?:end|bottom))\\b");
    /** "above the ... call", "before the line": an insertion at a place, which neither an append nor a merge makes */
    private static final Pattern POSITION = Pattern.compile("(?i)\\b(?:above|below|before|after|underneath) (?:the|that|this) "
            + "(?:``[^`]+`` |\\S+ )?(?:line|call|section|block|entry|statement|command)\\b");
    private static final Pattern CONTENT = Pattern.compile("(?i)\\bfollowing content\\b");
    private static final Pattern CHANGE = Pattern.compile("(?i)\\b(edit|editing|change|modify|adjust|adapt|set|replace|"
            + "uncomment|configure)\\b");
    /** a file named as the place of a fragment, with no verb: "the config file ``x.yaml``", "in ``x.ini``" */
    private static final Pattern LOOSE_CHANGE = Pattern.compile("(?i)\\b(config file|configuration file|in)\\b");
    /**
     * a file name without a folder: a dot file, a name with an extension files have (not a domain like x.uber.space),
     * source code's among them ({@code hello.c}, {@code main.go}, {@code App.tsx}), or a build or deployment file
     * known by its name alone ({@code Makefile}, {@code Dockerfile}, {@code Procfile})
     */
    private static final Pattern FILE_NAME = Pattern.compile("\\.[\\w-]+(?:\\.[\\w-]+)*|[\\w.-]*\\.(?:ini|ya?ml|toml|conf"
            + "|cfg|py|php|js|json|rb|ru|lua|xml|sh|env|txt|html?|css|md|service|list|local|sql|properties|config|rc|pem"
            + "|key|cert|c|h|cc|cpp|cxx|hpp|go|mod|rs|java|kts?|scala|swift|ts|tsx|jsx|mjs|cjs|vue|svelte|pl|pm"
            + "|exs?|erl|hs|clj|cs|dart|zig|jl|tf|hcl|nix|csv|tsv|j2|jinja2?|tmpl|tpl|gradle|proto|graphql|scss|sass"
            + "|less|bash|zsh|fish|timer|socket|desktop|lock|svg)"
            + "|(?:GNUm|M|m)akefile(?:\\.in|\\.am)?|(?:Docker|Container|Vagrant|Proc|Gem|Rake|Jenkins|Caddy|Brew"
            + "|Just|Pip|Earth|Tilt)file(?:\\.[\\w-]+)?|README");
    /** an example of what a line looks like, or a variant for readers who want another setup: not a change to make */
    private static final Pattern EXAMPLE = Pattern.compile("(?i)\\b(?:similar|something like|look something like"
            + "|for instance|might look|may look|if you (?:need|want)\\b[^.]*\\b(?:like (?:this|so)|instead))\\b");
    /** formats whose end is no place for more: a fragment appended to them breaks the file */
    private static final Pattern NO_APPEND = Pattern.compile("(?i)\\.(?:json|xml|html?|js)$");
    private static final Map<String, String> MERGE_FORMATS = Map.of("yaml", "yaml", "yml", "yaml", "ini", "ini",
            "toml", "toml", "env", "ini");

    private FileTargets() {
    }

    /**
     * @param prose       the text before the block: its paragraph, or all since the block before
     * @param sectionFile the file an earlier paragraph of the same section named, or null
     */
    static FileTarget of(Block block, String prose, String sectionFile) {
        FileTarget target = fromProse(block, prose, sectionFile);
        if (target.mode() != null && namedBy(block) == null && BlockLanguage.isShell(language(block))
                && typesPath(block.text(), target.path())) {
            // "Create a virtual environment in `~/venv`:" over `python3 -m venv ~/venv`, "Add it to `~/.profile`:" over
            // `echo ... >> ~/.profile`: the commands that make or change the file, not its content
            return FileTarget.none(label(language(block)) + "shell commands that make or change " + target.path());
        }
        if (target.mode() != null && namedBy(block) == null && language(block).isEmpty()
                && runsPath(block.lines(), target.path())) {
            // "Add two notes:" over lines that each start with the script the section saved: it runs them
            return FileTarget.none(RUNS + target.path());
        }
        return target;
    }

    /** The block's lines run the file the prose would put them in ({@link #of}): they are commands. */
    static boolean runsTheFile(FileTarget target) {
        return target.mode() == null && target.why() != null && target.why().startsWith(RUNS);
    }

    /** Every line that is not blank starts with the path, as a command does. */
    private static boolean runsPath(List<String> lines, String path) {
        List<String> spellings = spellings(path);
        if (!path.contains("/")) {
            spellings.add("./" + path);
        }
        boolean any = false;
        for (String line : lines) {
            String command = line.strip();
            if (!command.isEmpty()) {
                any = true;
                if (spellings.stream().noneMatch(p -> command.equals(p) || command.startsWith(p + " "))) {
                    return false;
                }
            }
        }
        return any;
    }

    /** a path's end: what no path goes on with */
    private static final String PATH_END = "(?![\\w./-])";

    /**
     * Whether the commands name the file: as the prose wrote it, or from home as {@code ~/}, {@code $HOME/} or
     * {@code ${HOME}/} (never as a part of a longer path or word).
     */
    private static boolean typesPath(String text, String path) {
        for (String spelling : spellings(path)) {
            String cut = spelling.replaceAll("/+$", "");
            if (!cut.isEmpty() && Pattern.compile("(?<![\\w./~$-])" + Pattern.quote(cut) + PATH_END).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The path as the prose wrote it, and from home as {@code ~/}, {@code $HOME/} or {@code ${HOME}/}. */
    private static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>(List.of(path));
        for (String home : List.of("~/", "$HOME/", "${HOME}/")) {
            if (path.startsWith(home)) {
                String rest = path.substring(home.length());
                spellings.addAll(List.of("~/" + rest, "$HOME/" + rest, "${HOME}/" + rest, "\"$HOME\"/" + rest));
            }
        }
        return spellings;
    }

    /** why a block whose prose asks for a change to a file is no step: the prose named none */
    static final String NO_FILE_NAMED = "no file named";
    /** why a block with no prose before it is no file */
    static final String NO_PROSE = "no prose before it names a file";
    private static final String PROSE_EXAMPLE = "prose example";
    private static final String SHELL_COMMANDS = "shell commands, not a fragment of ";
    private static final String RUNS = "commands that run ";

    /**
     * Nothing said the block is other than what it looks like: no prose, or prose with no verb for a file and no
     * word of an example ("Finally we start fetchmail:"), or the commands that set a file's values.
     */
    static boolean claimsNothing(FileTarget target, String prose) {
        String why = target.why();
        return target.mode() == null && why != null && (why.endsWith(NO_PROSE) || why.contains(SHELL_COMMANDS)
                || why.endsWith(PROSE_EXAMPLE) && (prose == null || !EXAMPLE.matcher(prose).find()));
    }

    private static FileTarget fromProse(Block block, String prose, String sectionFile) {
        // A block may name its file itself: that name beats the prose's, and with no prose around it the block is
        // the whole file.
        String named = namedBy(block);
        String language = language(block);
        if (prose == null) {
            return named != null ? new FileTarget(Mode.CREATE, named, language, null)
                    : FileTarget.none(label(language) + NO_PROSE);
        }
        Matcher create = CREATE.matcher(prose);
        if (create.find()) {
            String path = pathOf(named, prose, create.start(), sectionFile);
            return path == null ? FileTarget.none(label(language) + NO_FILE_NAMED)
                    : new FileTarget(Mode.CREATE, path, language, null);
        }
        if (CRONTAB.matcher(prose).find()) {
            return FileTarget.none(label(language) + "a crontab entry (crontab -e), not a file");
        }
        Matcher at = POSITION.matcher(prose);
        if (at.find()) {
            return FileTarget.none(label(language) + "an insertion at a place in the file (\"" + at.group() + "\"), not applied");
        }
        if (EXAMPLE.matcher(prose).find()) {
            return FileTarget.none(label(language) + PROSE_EXAMPLE);
        }
        // the verb the prose says first decides: "modify the file ... or add another key" is a change
        Mode mode = null;
        int from = Integer.MAX_VALUE;
        for (Map.Entry<Pattern, Mode> verb : List.of(Map.entry(APPEND, Mode.APPEND), Map.entry(CONTENT, Mode.CREATE),
                Map.entry(CHANGE, Mode.MERGE))) {
            Matcher m = verb.getKey().matcher(prose);
            if (m.find() && m.start() < from) {
                mode = verb.getValue();
                from = m.start();
            }
        }
        Matcher weak = LOOSE_CHANGE.matcher(prose);
        // "The settings go in `settings.json`:" over a block titled with that name: a file no merge makes, whose
        // content the block is
        boolean wholeFile = named != null && mergeFormat(named) == null;
        if (mode == null && !wholeFile && weak.find()) {
            mode = Mode.MERGE;
            from = weak.start();
        }
        if (mode == null) {
            if (named != null) {
                return new FileTarget(Mode.CREATE, pathOf(named, prose, 0, null), language, null);
            }
            if (sectionFile != null && language.equals(mergeFormat(sectionFile))) {
                // one more fragment for the file the section is about ("Then the database:")
                return new FileTarget(Mode.MERGE, sectionFile, language, null);
            }
            return FileTarget.none(label(language) + PROSE_EXAMPLE);
        }
        String path = pathOf(named, prose, from, sectionFile);
        if (path == null) {
            return FileTarget.none(label(language) + NO_FILE_NAMED);
        }
        String mergeAs = mergeFormat(path);
        if (mode == Mode.CREATE) {
            return new FileTarget(Mode.CREATE, path, language, null);
        }
        if (mergeAs != null) {
            // "then set the variables:" over a bash block in the section of an ini file: commands, not its keys (a
            // console block without prompts is what authors call many a file's content)
            return BlockLanguage.isScript(language)
                    ? FileTarget.none(label(language) + SHELL_COMMANDS + path)
                    : new FileTarget(Mode.MERGE, path, mergeAs, null);
        }
        return mode == Mode.APPEND && !NO_APPEND.matcher(path).find() && !Set.of("json", "xml", "html").contains(language)
                && !looksLikeJson(block.text())
                ? new FileTarget(Mode.APPEND, path, language, null)
                : FileTarget.none(label(language) + "a change to " + path + " that only a merge of yaml, ini or toml can make");
    }

    /**
     * The file a block names itself: Markdown's {@code {file=~/etc/app.ini}} and AsciiDoc's
     * {@code [source,ini,file=...]}, or a title or file name that is a path, as documentation sites label a file's
     * content (MkDocs' and Docusaurus' {@code title="~/etc/app.ini"}, Hugo's and Nextra's {@code filename="app.ini"},
     * Sphinx's {@code :caption: ~/etc/app.ini}, AsciiDoc's {@code .~/etc/app.ini}), or a label right above it
     * ({@code Filename: src/main.rs}), or the comment that heads it ({@link #commentedName}); a title in words
     * ("Example output") names none.
     */
    private static String namedBy(Block block) {
        Map<String, String> options = block.options() == null ? Map.of() : block.options();
        if (options.get("file") != null) {
            return options.get("file");
        }
        for (String key : List.of("filename", "title", "caption")) {
            String value = options.get(key) == null ? null : unmarked(options.get(key).strip());
            if (value != null && isPath(value)) {
                return value;
            }
        }
        Matcher label = FILE_LABEL.matcher(block.precedingText() == null ? "" : block.precedingText());
        if (label.matches() && isPath(label.group(1))) {
            return label.group(1);
        }
        return commentedName(block);
    }

    /** a comment that is a file's name alone: {@code # hello.py}, {@code // src/main.rs}, {@code <!-- index.html -->} */
    private static final Pattern NAME_COMMENT = Pattern.compile(
            "\\s*(?:#|//|--|;|/\\*|<!--)\\s*([^\\s*]+?)\\s*(?:\\*/|-->)?\\s*");

    /**
     * The file a block of code names in its first line, as tutorials head a listing ({@code # hello.py} over
     * Python); a shell's block, or one of no language, may well begin with a remark on the commands below it.
     */
    private static String commentedName(Block block) {
        String language = language(block);
        if (language.isEmpty() || BlockLanguage.isShell(language) || block.lines().isEmpty()) {
            return null;
        }
        Matcher name = NAME_COMMENT.matcher(block.lines().get(0));
        return name.matches() && isPath(name.group(1)) ? name.group(1) : null;
    }

    /** a title or caption in inline markup as a whole (Django's docs: {@code :caption: ``polls/views.py``}) */
    private static final Pattern MARKED_UP = Pattern.compile("(`+|\\*+)([^`*]+)\\1");

    /** {@code value} without the inline markup around it as a whole, which is no part of the file's name */
    private static String unmarked(String value) {
        Matcher m = MARKED_UP.matcher(value);
        return m.matches() ? m.group(2).strip() : value;
    }

    /**
     * a paragraph that is a label of the file alone, as the Rust book puts one over a listing
     * ({@code <span class="filename">Filename: src/main.rs</span>}, "File: ``app.ini``")
     */
    private static final Pattern FILE_LABEL = Pattern.compile("(?i)\\s*(?:<[^>]+>\\s*)*(?:file ?name|file):\\s*"
            + "(?:<[^>]+>\\s*)*`*([^`<\\s]+)`*\\s*(?:</[^>]+>\\s*)*");

    /** A JSON object as the fragment ("add the following entry to ``~/.app.conf``"): its file's end is no place for it. */
    private static boolean looksLikeJson(String text) {
        String t = text.strip();
        return t.startsWith("{") && t.endsWith("}");
    }

    /** The path the prose names after the verb (else anywhere), or the section's earlier file. */
    private static String pathOf(String named, String prose, int from, String sectionFile) {
        Optional<String> said = pathAfter(prose, from).map(path -> inFolder(prose, path)).or(() -> barePath(prose));
        if (named != null) {
            // a caption of the file's name alone ("widget.toml"), or of its path in the project
            // ("templates/index.html"), under prose that gives the whole path
            return said.filter(path -> !named.startsWith("/") && !named.startsWith("~") && !named.startsWith("$")
                    && path.endsWith("/" + named)).orElse(named);
        }
        return said.orElse(sectionFile);
    }

    /**
     * "``x.ini`` in ``~/etc/services.d/``", "``x.ini`` in the ``~/app`` directory", "``main.rs`` inside the ``src``
     * folder", "``x.ini`` in the folder ``conf``": a file name and its folder; a folder that is no absolute path only
     * where the prose calls it one, as "in ``x``" alone may name a file or a setting
     */
    private static final Pattern IN_FOLDER = Pattern.compile("`+([^`/\\s]+)`+\\s+(?:in|inside|into|under|within)\\s+"
            + "(?:(?:the|your)\\s+)?(?:(?:directory|folder)\\s+`+(?<named>[^`\\s]+)`+|`+(?<absolute>(?:~|\\$HOME|/)[^`\\s]*)`+"
            + "|`+(?<relative>[^`\\s]+)`+\\s+(?:directory|folder))");
    private static final Pattern FOLDER = Pattern.compile("`+((?:~|\\$HOME|\\$\\{HOME}|/)[^`\\s]*/)`+");

    private static String inFolder(String prose, String path) {
        if (path.contains("/")) {
            return path;
        }
        Matcher in = IN_FOLDER.matcher(prose);
        while (in.find()) {
            if (in.group(1).equals(path)) {
                String folder = Optional.ofNullable(in.group("named")).or(() -> Optional.ofNullable(in.group("absolute")))
                        .orElse(in.group("relative"));
                return folder.replaceAll("/+$", "") + "/" + path;
            }
        }
        Matcher folder = FOLDER.matcher(prose);
        return folder.find() ? folder.group(1) + path : path;
    }

    /** The merge format a file's name asks for, or null when it is no yaml, ini or toml file. */
    static String mergeFormat(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith(".env.")) {
            return "ini"; // a dotenv file of one environment or machine: .env.local, .env.production
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : MERGE_FORMATS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String language(Block block) {
        return block.language() == null ? "" : block.language().toLowerCase(Locale.ROOT);
    }

    static String label(String language) {
        return language.isEmpty() ? "" : language + ": ";
    }

    /** Every file path the prose names, in backticks or not: what a later block of the section may mean. */
    static Optional<String> anyPath(String prose) {
        return prose == null ? Optional.empty() : pathAfter(prose, 0).or(() -> barePath(prose));
    }

    /** The first file path the prose shows as an inline literal at or after {@code from}, else the first at all. */
    private static Optional<String> pathAfter(String prose, int from) {
        String first = null;
        Matcher m = INLINE_LITERAL.matcher(prose);
        while (m.find()) {
            String text = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (!isPath(text)) {
                continue;
            }
            if (m.start() >= from) {
                return Optional.of(text);
            }
            first = first == null ? text : first;
        }
        return Optional.ofNullable(first);
    }

    /** a file's name outside backticks after the words that say it is one: "a file named hello.go", "called app.py" */
    private static final Pattern CALLED = Pattern.compile("(?i)\\b(?:named|called)\\s+([\\w~/$.-]*\\w)");

    private static Optional<String> barePath(String prose) {
        String outside = INLINE_LITERAL.matcher(prose).replaceAll(" ");
        Matcher called = CALLED.matcher(outside);
        while (called.find()) {
            if (isPath(called.group(1))) {
                return Optional.of(called.group(1));
            }
        }
        Matcher m = BARE_PATH.matcher(outside);
        while (m.find()) {
            String path = m.group(1).replaceAll("[.]+$", ""); // the end of a sentence
            if (isPath(path) && path.indexOf('/', 1) > 0) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    static boolean isPath(String text) {
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace) || text.contains("://")
                || text.endsWith("/") || text.startsWith("-") || text.contains("(") || text.startsWith("<")) {
            return false;
        }
        return text.contains("/") || FILE_NAME.matcher(text).matches();
    }
}
