package dev.doppel.mask.generalise;

import dev.doppel.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The quasi-identifiers age, sex, race and native-country of the shared adult.csv, as columns ("?" is missing). */
final class AdultQis {
    static final List<String> NAMES = List.of("age", "sex", "race", "native-country");

    private AdultQis() {}

    /** Skips the calling test when the shared dataset is absent. */
    static String[][] load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(TestData.require("adult.csv"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        int[] at = NAMES.stream().mapToInt(header::indexOf).toArray();
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue; // the file ends with an empty line
            }
            String[] cells = line.split(",", -1);
            String[] tuple = new String[at.length];
            for (int q = 0; q < at.length; q++) {
                String cell = cells[at[q]].trim();
                tuple[q] = cell.equals("?") ? null : cell;
            }
            rows.add(tuple);
        }
        String[][] columns = new String[at.length][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int q = 0; q < at.length; q++) {
                columns[q][r] = rows.get(r)[q];
            }
        }
        return columns;
    }

    /** Age in 5-year bands; sex, race and native-country categorical. */
    static List<Hierarchy> hierarchies() {
        return List.of(IntegerBands.of(5), Categorical.of(), Categorical.of(), Categorical.of());
    }
}
