package dev.chorusbot.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence: unchanged lines start with two spaces,
 * removed ones with {@code - }, added ones with {@code + }. Golden files are small, so the
 * quadratic table is no cost.
 */
final class LineDiff {
    private LineDiff() {}

    static String of(List<String> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
                out.add("  " + expected.get(i++));
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + expected.get(i++));
            } else {
                out.add("+ " + actual.get(j++));
            }
        }
        return String.join("\n", out);
    }
}
