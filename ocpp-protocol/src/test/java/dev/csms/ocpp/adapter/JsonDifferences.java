package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where two JSON trees differ, as paths with array elements written {@code *}: {@code -/a/b} for a value of the
 * first tree that the second lacks, {@code +/a/b} for one only the second has, {@code ~/a/b} for a value that
 * changed (numbers compare by value, so 1.5 equals 1.50). Arrays of different lengths count as a changed value.
 */
final class JsonDifferences {

    private JsonDifferences() {
    }

    static Set<String> between(JsonNode before, JsonNode after) {
        Set<String> out = new TreeSet<>();
        compare(before, after, "", out);
        return out;
    }

    private static void compare(JsonNode before, JsonNode after, String path, Set<String> out) {
        if (before.isObject() && after.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "/" + field.getKey();
                if (after.has(field.getKey())) {
                    compare(field.getValue(), after.get(field.getKey()), child, out);
                } else {
                    out.add("-" + child);
                }
            }
            for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!before.has(name)) {
                    out.add("+" + path + "/" + name);
                }
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                compare(before.get(i), after.get(i), path + "/*", out);
            }
        } else if (before.isNumber() && after.isNumber()) {
            if (before.decimalValue().compareTo(after.decimalValue()) != 0) {
                out.add("~" + path);
            }
        } else if (!before.equals(after)) {
            out.add("~" + path);
        }
    }
}
