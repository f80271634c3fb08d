package dev.rehearse.files;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TODO(session): TEMPORARY stand-in for the check helper's YamlMerge (this one loses comments); take theirs in
 * the merge. Deep-merges a yaml fragment into a yaml document.
 */
public final class YamlMerge {
    private YamlMerge() {
    }

    @SuppressWarnings("unchecked")
    public static String merge(String original, String fragment) {
        Yaml yaml = new Yaml();
        Object base = yaml.load(original);
        Map<String, Object> merged = base instanceof Map ? new LinkedHashMap<>((Map<String, Object>) base)
                : new LinkedHashMap<>();
        deepMerge(merged, yaml.load(fragment));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(merged);
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Object fragment) {
        if (!(fragment instanceof Map<?, ?> map)) {
            return;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (into.get(key) instanceof Map<?, ?> old && entry.getValue() instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) old);
                deepMerge(copy, entry.getValue());
                into.put(key, copy);
            } else {
                into.put(key, entry.getValue());
            }
        }
    }
}
