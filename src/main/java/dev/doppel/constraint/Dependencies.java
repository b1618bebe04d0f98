package dev.doppel.constraint;

import dev.doppel.model.Constraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which columns each constraint computes from which, and an order in which a batch can be completed. */
final class Dependencies {
    private Dependencies() {}

    /** "target is computed from input" links of one constraint, as (input, target) pairs. */
    static List<Map.Entry<String, String>> edges(Constraint c) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (c instanceof Constraint.Order o) {
            for (int i = 1; i < o.columns().size(); i++) {
                out.add(Map.entry(o.columns().get(i - 1), o.columns().get(i)));
            }
        } else if (c instanceof Constraint.Allowed a) {
            for (int i = 1; i < a.columns().size(); i++) {
                out.add(Map.entry(a.columns().get(0), a.columns().get(i)));
            }
        } else {
            String target = c.targets().get(0);
            for (String in : c.columns()) {
                if (!in.equals(target)) {
                    out.add(Map.entry(in, target));
                }
            }
        }
        return out;
    }

    /** The columns a constraint reads and does not itself compute. */
    static Set<String> inputs(Constraint c) {
        Set<String> in = new HashSet<>(c.columns());
        in.removeAll(c.targets());
        return in;
    }

    /**
     * The constraints in an order where each comes after every constraint that computes one of its inputs (ties in
     * declaration order). The constraints must be free of cycles ({@link ProfileConstraints} checks it).
     */
    static List<Constraint> sorted(List<Constraint> constraints) {
        List<Constraint> left = new ArrayList<>(constraints);
        List<Constraint> out = new ArrayList<>();
        Set<String> pending = new HashSet<>();
        constraints.forEach(c -> pending.addAll(c.targets()));
        while (!left.isEmpty()) {
            Constraint ready = null;
            for (Constraint c : left) {
                Set<String> in = inputs(c);
                in.retainAll(pending);
                if (in.isEmpty()) {
                    ready = c;
                    break;
                }
            }
            if (ready == null) {
                throw new IllegalArgumentException("the constraints depend on each other in a circle");
            }
            left.remove(ready);
            pending.removeAll(ready.targets());
            out.add(ready);
        }
        return out;
    }
}
