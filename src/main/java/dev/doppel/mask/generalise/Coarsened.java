package dev.doppel.mask.generalise;

import java.util.Map;

/** A hierarchy seen from one of its levels on: level 0 here is level {@code offset} of the base. */
record Coarsened(Hierarchy base, int offset) implements Hierarchy {
    Coarsened {
        if (base instanceof Coarsened) {
            Coarsened inner = (Coarsened) base;
            base = inner.base();
            offset += inner.offset();
        }
        Levels.check(offset, base.top());
    }

    @Override
    public int top() {
        return base.top() - offset;
    }

    @Override
    public String apply(String value, int level) {
        Levels.check(level, top());
        return base.apply(value, level + offset);
    }

    @Override
    public String describe(int level) {
        Levels.check(level, top());
        return base.describe(level + offset);
    }

    @Override
    public Hierarchy fit(Map<String, Long> valueCounts, int k) {
        return new Coarsened(base.fit(valueCounts, k), offset);
    }
}
