package dev.rehearse.plan;

/** What the planner can tell of a YAML fragment from its lines, before any file is there to merge it into. */
final class YamlFragments {

    private YamlFragments() {
    }

    /** Whether the fragment's first line of content is a list item ({@code - port: 8008}): no key says where it goes. */
    static boolean isListItem(String fragment) {
        for (String line : fragment.split("\n")) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#") || content.equals("---")) {
                continue;
            }
            return content.equals("-") || content.startsWith("- ");
        }
        return false;
    }
}
