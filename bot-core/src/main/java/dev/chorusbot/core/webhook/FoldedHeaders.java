package dev.chorusbot.core.webhook;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Header fields as {@link WebhookRequest} keeps them: lower-case names, in order, each mapped to an
 * immutable list of values; unmodifiable. The embedded host reads them this way, so the request
 * takes them as they are instead of folding them a second time.
 */
final class FoldedHeaders extends AbstractMap<String, List<String>> {
    private final Map<String, List<String>> fields;

    /** Takes {@code folded}, whose names must be lower case and values immutable; no one else may keep it. */
    private FoldedHeaders(TreeMap<String, List<String>> folded) {
        this.fields = Collections.unmodifiableMap(folded);
    }

    /** Collects header fields; names are given in lower case. */
    static final class Builder {
        private final TreeMap<String, List<String>> fields = new TreeMap<>();

        /** Adds a value to the field {@code lowerCaseName}. */
        void add(String lowerCaseName, String value) {
            List<String> before = fields.putIfAbsent(lowerCaseName, List.of(value));
            if (before != null) {
                String[] values = before.toArray(new String[before.size() + 1]);
                values[before.size()] = value;
                fields.put(lowerCaseName, List.of(values));
            }
        }

        List<String> get(String lowerCaseName) {
            return fields.get(lowerCaseName);
        }

        FoldedHeaders build() {
            return new FoldedHeaders(fields);
        }
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return fields.entrySet();
    }

    @Override
    public List<String> get(Object key) {
        return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size();
    }
}
