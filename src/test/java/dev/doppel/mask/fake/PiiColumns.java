package dev.doppel.mask.fake;

import dev.doppel.CliRunner;
import dev.doppel.TestData;
import java.util.ArrayList;
import java.util.List;

/** Columns of the shared PII datasets, read with FastCSV; skips the calling test when the data is absent. */
final class PiiColumns {
    private PiiColumns() {}

    /** Every value of the named column of a shared dataset, in file order. */
    static List<String> column(String dataset, String header) {
        List<List<String>> rows = CliRunner.readCsv(TestData.require(dataset), ",");
        int index = rows.get(0).indexOf(header);
        if (index < 0) {
            throw new AssertionError("no column '" + header + "' in " + dataset);
        }
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            values.add(row.get(index));
        }
        return values;
    }
}
