package dev.doppel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a run the real ids are at hand, so no synthetic id may equal one, even where the id format leaves little room. */
class RealIdExclusionTest {
    @Test
    void runNeverWritesARealIdEvenInATinyIdSpace(@TempDir Path dir) throws Exception {
        // ids are one capital letter and one digit: 260 possible, 200 of them real
        StringBuilder csv = new StringBuilder("code,score\n");
        Set<String> real = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = (char) ('A' + i / 10 % 26) + String.valueOf(i % 10);
            real.add(id);
            csv.append(id).append(',').append(i % 37).append('\n');
        }
        assertThat(real).hasSize(200);
        Path data = dir.resolve("codes.csv");
        Files.writeString(data, csv);
        Path profile = dir.resolve("codes.yaml");
        Files.writeString(profile, "job: codes\ninput:\n  path: \"" + data.toString().replace("\\", "/")
                + "\"\ncolumns:\n  code: {kind: identifier}\noutput:\n  rows: 50\n");
        RunJob.Result result = RunJob.run(profile, new RunJob.Overrides(null, 7L, 2, false, dir.resolve("out")), "test",
                Progress.NONE);
        List<String> ids = Files.readAllLines(result.data()).stream().skip(1).map(l -> l.split(",")[0])
                .collect(Collectors.toList());
        assertThat(ids).hasSize(50).doesNotHaveDuplicates();
        assertThat(ids).noneMatch(real::contains);
        assertThat(ids).allMatch(id -> id.matches("[A-Z][0-9]"));
    }
}
