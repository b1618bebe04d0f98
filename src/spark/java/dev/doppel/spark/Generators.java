package dev.doppel.spark;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.generate.RowSampler;
import dev.doppel.io.ModelFile;
import dev.doppel.model.SynthModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per JVM, the ready-to-use generator of a (model, seed, rows) job, so the tasks an executor runs share one instead
 * of each parsing the model and building a sampler (which takes a few hundred milliseconds for a wide model, as long as
 * drawing tens of thousands of rows). Safe to share: the sampler, the constraint layer and the row reader keep no
 * state between calls. The last few jobs' generators are kept; the key is the model's JSON itself, so a stale entry can
 * never serve another model.
 */
final class Generators {
    /** What a partition needs to draw, complete and read out blocks. */
    record Generator(RowSampler sampler, ConstraintLayer layer, BatchRows rows) {}

    private record Key(String json, long seed, long rows) {}

    private static final int KEPT = 4;
    private static final Map<Key, Generator> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Generator> eldest) {
            return size() > KEPT;
        }
    };

    private Generators() {}

    /** The generator for the model whose JSON is {@code json}, parsed and built on first use in this JVM. */
    static Generator of(String json, long seed, long rows) {
        Key key = new Key(json, seed, rows);
        synchronized (CACHE) {
            Generator g = CACHE.get(key);
            if (g == null) {
                g = build(ModelFile.fromJson(json, "broadcast model"), seed, rows);
                CACHE.put(key, g);
            }
            return g;
        }
    }

    private static Generator build(SynthModel model, long seed, long rows) {
        // the total row count matters to identifier columns (where replacement ids start), as in the CLI
        RowSampler sampler = new RowSampler(model, seed, Map.of(), rows);
        ConstraintLayer layer = ConstraintLayer.of(model);
        return new Generator(sampler, layer, new BatchRows(layer.columns()));
    }
}
