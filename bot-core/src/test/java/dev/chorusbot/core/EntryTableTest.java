package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryTableTest {

    /** What the table must behave like: a LinkedHashMap in access order, value and expiry per key. */
    private record Held(String value, long expiresAt) {}

    @Test
    void behavesLikeALinkedHashMapInAccessOrder() {
        Random random = new Random(42);
        EntryTable table = new EntryTable(2);
        LinkedHashMap<String, Held> model = new LinkedHashMap<>(16, 0.75f, true);
        for (int step = 0; step < 200_000; step++) {
            // Few distinct keys, some with equal hash codes ("Aa" and "BB"), so runs collide,
            // wrap around the end of the table and are cut by removals.
            String key = (random.nextBoolean() ? "Aa" : "BB") + random.nextInt(300);
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    Held held = new Held("v" + step, random.nextInt(1000));
                    table.put(key, held.value(), held.expiresAt());
                    model.put(key, held);
                }
                case 2 -> {
                    int slot = table.find(key);
                    Held held = model.get(key); // touches, as the store's read does
                    assertThat(slot == EntryTable.NONE).isEqualTo(held == null);
                    if (held != null) {
                        assertThat(table.value(slot)).isEqualTo(held.value());
                        assertThat(table.expiresAt(slot)).isEqualTo(held.expiresAt());
                        table.touch(slot);
                    }
                }
                case 3 -> {
                    table.remove(key);
                    model.remove(key);
                }
                case 4 -> {
                    if (table.eldest() != EntryTable.NONE) {
                        String eldest = model.keySet().iterator().next();
                        assertThat(table.find(eldest)).isEqualTo(table.eldest());
                        table.removeAt(table.eldest());
                        model.remove(eldest);
                    }
                }
                default -> {
                    if (random.nextInt(50) == 0) {
                        long now = random.nextInt(1000);
                        table.removeExpired(now);
                        model.values().removeIf(held -> held.expiresAt() <= now);
                    }
                }
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
        assertThat(inUseOrder(table)).isEqualTo(new ArrayList<>(model.keySet()));
        for (Map.Entry<String, Held> held : model.entrySet()) {
            int slot = table.find(held.getKey());
            assertThat(table.value(slot)).isEqualTo(held.getValue().value());
        }
    }

    @Test
    void growsAndKeepsTheUseOrder() {
        EntryTable table = new EntryTable(2);
        for (int i = 0; i < 10_000; i++) {
            table.put("k" + i, "v" + i, i);
        }
        table.touch(table.find("k0"));
        assertThat(table.size()).isEqualTo(10_000);
        List<String> order = inUseOrder(table);
        assertThat(order).hasSize(10_000).startsWith("k1", "k2").endsWith("k9999", "k0");
    }

    @Test
    void removingExpiredEntriesKeepsTheOthersFindable() {
        EntryTable table = new EntryTable(8);
        for (int i = 0; i < 5_000; i++) {
            table.put("key-" + i, "v", i % 2 == 0 ? 10 : 20);
        }
        table.removeExpired(10);
        assertThat(table.size()).isEqualTo(2_500);
        for (int i = 0; i < 5_000; i++) {
            assertThat(table.find("key-" + i) != EntryTable.NONE).as("key-" + i).isEqualTo(i % 2 == 1);
        }
    }

    /** The keys from the least to the most recently used, found by evicting a copy's eldest entries. */
    private static List<String> inUseOrder(EntryTable table) {
        List<String> order = new ArrayList<>();
        List<String[]> removed = new ArrayList<>();
        while (table.eldest() != EntryTable.NONE) {
            int slot = table.eldest();
            String key = table.key(slot);
            order.add(key);
            removed.add(new String[] {key, table.value(slot), Long.toString(table.expiresAt(slot))});
            table.removeAt(slot);
        }
        for (String[] entry : removed) {
            table.put(entry[0], entry[1], Long.parseLong(entry[2]));
        }
        return order;
    }
}
