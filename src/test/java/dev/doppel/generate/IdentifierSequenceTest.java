package dev.doppel.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.TextShape;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Shaped ids are the row index through a keyed permutation of every string of the shape; avoiding real ids traces
 * each back through the inverse permutation. Checked over whole (small) shapes: every string once, and exactly the
 * real ones left out.
 */
class IdentifierSequenceTest {
    private static final LongSupplier NO_RANDOM = () -> {
        throw new AssertionError("no position lies outside the permutation");
    };

    private static IdentifierSequence sequence(List<String> positions, long seed) {
        TextShape shape = new TextShape(List.of(positions.size()), List.of(1.0), positions);
        ColumnSpec spec = new ColumnSpec("code", ColumnKind.IDENTIFIER, 0, null, null, null, "", false);
        return new IdentifierSequence(new IdentifierColumn(spec, 0, 0, 0, shape), seed);
    }

    /** 60 strings: the permutation's domain is 64, so the walk must skip values outside [0, 60). */
    private static final List<String> SMALL = List.of("AB", "0123456789", "xyz");
    /** 6,760 strings, on 14 bits. */
    private static final List<String> WIDER = List.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "0123456789");

    @Test
    void rowsCoverEveryStringOfTheShapeOnce() {
        for (List<String> positions : List.of(SMALL, WIDER)) {
            IdentifierSequence ids = sequence(positions, 5);
            long space = positions.stream().mapToLong(String::length).reduce(1, (a, b) -> a * b);
            Set<String> seen = new HashSet<>();
            for (long row = 0; row < space; row++) {
                seen.add(ids.idFor(row, NO_RANDOM));
            }
            assertThat(seen).hasSize((int) space);
            assertThat(ids.idFor(space, NO_RANDOM)).isEqualTo(ids.idFor(0, NO_RANDOM)); // the index wraps around
        }
    }

    @Test
    void avoidingRealIdsLeavesOutExactlyThem() {
        for (List<String> positions : List.of(SMALL, WIDER)) {
            long space = positions.stream().mapToLong(String::length).reduce(1, (a, b) -> a * b);
            IdentifierSequence plain = sequence(positions, 9);
            Set<String> real = new HashSet<>();
            for (long row : new long[] {0, 3, 17, 42, 59}) {
                real.add(plain.idFor(row * (space / 60), NO_RANDOM));
            }
            real.add("zz9"); // not of the shape: ignored
            IdentifierSequence avoiding = sequence(positions, 9);
            avoiding.avoid(real);
            assertThat(avoiding.capacity()).isEqualTo(space - 5);
            List<String> out = new ArrayList<>();
            for (long row = 0; row < space - 5; row++) {
                out.add(avoiding.idAvoiding(row, NO_RANDOM, real, space - 5));
            }
            assertThat(out).doesNotHaveDuplicates().noneMatch(real::contains);
            Set<String> all = new HashSet<>(out);
            all.addAll(real);
            all.remove("zz9");
            assertThat(all).hasSize((int) space);
        }
    }
}
