package dev.doppel.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes of one label column, shared by every table encoded against a schema: labels get codes in the order they
 * are first met, so the real table's labels (encoded first) come first and labels only the synthetic table holds
 * come after them. Thread-confined: tables are encoded one at a time.
 */
public final class LabelCodes {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private int realCount = -1;

    /** The code of a label, assigning the next free one to a label not seen before. */
    int codeOf(String label) {
        Integer code = codes.get(label);
        if (code == null) {
            code = labels.size();
            codes.put(label, code);
            labels.add(label);
        }
        return code;
    }

    /** Marks the labels seen so far as the real table's. Called once, after the real table is encoded. */
    void closeReal() {
        if (realCount < 0) {
            realCount = labels.size();
        }
    }

    /** How many codes exist. */
    public int size() {
        return labels.size();
    }

    /** How many codes the real table holds (they are 0..realCount-1); all codes before {@link #closeReal}. */
    public int realCount() {
        return realCount < 0 ? labels.size() : realCount;
    }

    /** The label of a code. Reports show a label only when the real table holds it at least k times. */
    public String label(int code) {
        return labels.get(code);
    }
}
