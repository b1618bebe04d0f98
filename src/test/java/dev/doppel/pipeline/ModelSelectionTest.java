package dev.doppel.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.CliRunner;
import dev.doppel.TestData;
import dev.doppel.error.ExitCodes;
import dev.doppel.io.ModelFile;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.pipeline.ModelChoice.Type;
import dev.doppel.pipeline.ModelSelection.Candidate;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** auto's rule: the best quality among the models that pass the privacy bar, else the one farthest from training. */
class ModelSelectionTest {
    @TempDir
    Path dir;

    /**
     * End to end on telco, where the tree model scores about 0.98 and the copula 0.95 at DCR shares near 0.52 and 0.51
     * (README table): {@code fit} with no {@code --model} is auto, keeps the tree, and the model's notes give the
     * numbers behind it.
     */
    @Test
    void theDefaultAutoOnTelcoKeepsTheTreeAndSaysWhy() {
        Path data = TestData.require("telco_churn.csv");
        Path model = dir.resolve("telco.json");
        CliRunner.Run run = CliRunner.doppel("fit", data.toString(), "-o", model.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        SynthModel fitted = ModelFile.read(model);
        assertEquals("tree", fitted.kind());
        String note = fitted.notes().stream().filter(n -> n.startsWith("model auto: tree")).findFirst().orElse("");
        assertTrue(note.contains("copula quality") && note.contains("tree quality") && note.contains("DCR share"),
                fitted.notes().toString());
    }
    /**
     * bank_marketing (45,211 rows) is compared on a random 20,000 of its rows; the choice is the one made on all rows
     * before the cap (tree quality 0.996 against the copula's 0.987, DCR shares 0.498 and 0.506; with the cap 0.995
     * and 0.986, 0.504 and 0.502), and the note says the comparison used a subset.
     */
    @Test
    void aLargeTableIsComparedOnASubsetAndKeepsTheTree() {
        Path data = TestData.require("bank_marketing.csv");
        Path model = dir.resolve("bank.json");
        CliRunner.Run run = CliRunner.doppel("fit", data.toString(), "-o", model.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        SynthModel fitted = ModelFile.read(model);
        assertEquals("tree", fitted.kind());
        String note = fitted.notes().stream().filter(n -> n.startsWith("model auto: tree")).findFirst().orElse("");
        assertTrue(note.contains("on a 25% validation split of a random 20,000 of the 45,211 rows:"), note);
    }

    /**
     * The all-rows copula is fitted on a thread of its own while the candidates are compared when there are two
     * threads, in line with one: the model file is the same, byte for byte. On marketing_campaign auto picks the
     * tree, which is fitted on top of the copula fitted alongside.
     */
    @Test
    void theModelFileIsTheSameOnOneThreadAndTwo() throws IOException {
        Path data = TestData.require("marketing_campaign.tsv");
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        assertEquals(ExitCodes.OK, CliRunner.doppel("fit", data.toString(), "-o", one.toString(), "--threads", "1")
                .code());
        assertEquals(ExitCodes.OK, CliRunner.doppel("fit", data.toString(), "-o", two.toString(), "--threads", "2")
                .code());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertEquals("tree", ModelFile.read(one).kind());
    }

    @Test
    void aTableAboveTheBoundIsComparedOnARandomSubsetOfItsRows() {
        RawTable table = numbered(ModelSelection.MAX_COMPARED_ROWS + 5_000);
        RawTable compared = ModelSelection.compared(table, 42);
        assertEquals(ModelSelection.MAX_COMPARED_ROWS, compared.rows());
        int previous = -1;
        for (String cell : compared.column(0)) { // rows of the table, each once, in its order
            int row = Integer.parseInt(cell);
            assertTrue(row > previous, "row " + row + " after " + previous);
            previous = row;
        }
        assertArrayEquals(compared.column(0), ModelSelection.compared(table, 42).column(0));
        assertFalse(java.util.Arrays.equals(compared.column(0), ModelSelection.compared(table, 43).column(0)));
        // the subset is spread over the table, not its head: about a fifth of the rows is left out of every part
        long early = java.util.Arrays.stream(compared.column(0)).mapToInt(Integer::parseInt).filter(r -> r < 12_500)
                .count();
        assertTrue(Math.abs(early - 10_000) < 400, "rows from the first half: " + early);
    }

    @Test
    void aTableUpToTheBoundIsComparedWhole() {
        RawTable table = numbered(ModelSelection.MAX_COMPARED_ROWS);
        assertSame(table, ModelSelection.compared(table, 42));
    }

    @Test
    void theReasonSaysWhenASubsetWasCompared() {
        List<Candidate> candidates = List.of(new Candidate(Type.COPULA, 0.95, 0.50, 0, 0),
                new Candidate(Type.TREE, 0.98, 0.51, 0, 0));
        String subset = ModelSelection.decide(candidates, 20_000, 45_211).reason();
        assertTrue(subset.contains("on a 25% validation split of a random 20,000 of the 45,211 rows:"), subset);
        String whole = ModelSelection.decide(candidates, 7_043, 7_043).reason();
        assertTrue(whole.contains("on a 25% validation split:"), whole);
        assertEquals(whole, ModelSelection.decide(candidates).reason());
        assertNotEquals(subset, whole);
    }

    /** A one-column table whose cells are their row numbers. */
    private static RawTable numbered(int n) {
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            cells[i] = Integer.toString(i);
        }
        List<String[]> columns = new ArrayList<>();
        columns.add(cells);
        return new RawTable("numbered", List.of("row"), columns, List.of(""), FileDialect.RFC4180, new int[n]);
    }

    @Test
    void bestQualityAmongThoseThatPass() {
        var outcome = ModelSelection.decide(List.of(new Candidate(Type.COPULA, 0.95, 0.50, 0, 0.001),
                new Candidate(Type.TREE, 0.98, 0.53, 0, 0.001)));
        assertEquals(Type.TREE, outcome.chosen());
        assertTrue(outcome.reason().contains("tree quality 0.980"), outcome.reason());
    }

    @Test
    void aModelTooCloseToItsRowsLosesWhateverItsQuality() {
        var outcome = ModelSelection.decide(List.of(new Candidate(Type.COPULA, 0.92, 0.48, 0, 0),
                new Candidate(Type.TREE, 0.99, 0.67, 0, 0)));
        assertEquals(Type.COPULA, outcome.chosen());
        assertTrue(outcome.reason().contains("(fails)"), outcome.reason());
    }

    @Test
    void moreExactCopiesThanTheValidationRowsFail() {
        assertTrue(!new Candidate(Type.TREE, 0.99, 0.50, 0.02, 0.01).passes());
        assertTrue(new Candidate(Type.TREE, 0.99, 0.50, 0.01, 0.01).passes());
    }

    /**
     * Where real rows repeat, the two shares of copies differ by sampling noise: 97.3% copies in 5,000 synthetic rows
     * against 97.0% in 200 validation rows is well within two standard errors (0.025), so it passes, while 97.3%
     * against 90% does not. Where the validation rows have no copies the margin is 0: one copy fails.
     */
    @Test
    void copiesWithinTheSamplingNoiseOfTheValidationRowsPass() {
        double margin = ModelSelection.copiesMargin(0.970, 5_000, 200);
        assertEquals(2 * Math.sqrt(0.97 * 0.03 * (1 / 5_000.0 + 1 / 200.0)), margin, 1e-12);
        assertTrue(new Candidate(Type.TREE, 0.85, 0.50, 0.973, 0.970, margin).passes());
        assertTrue(!new Candidate(Type.TREE, 0.85, 0.50, 0.973, 0.900,
                ModelSelection.copiesMargin(0.900, 5_000, 200)).passes());
        assertEquals(0, ModelSelection.copiesMargin(0, 5_000, 200));
        assertTrue(!new Candidate(Type.TREE, 0.99, 0.50, 0.0002, 0, ModelSelection.copiesMargin(0, 5_000, 200))
                .passes());
        var outcome = ModelSelection.decide(List.of(new Candidate(Type.COPULA, 0.861, 0.50, 0.973, 0.970, margin),
                new Candidate(Type.TREE, 0.853, 0.50, 0.973, 0.970, margin)));
        assertEquals(Type.COPULA, outcome.chosen());
        assertTrue(outcome.reason().contains("the best quality among the models that pass"), outcome.reason());
        assertTrue(outcome.reason().contains("0.9700 + 0.0246 (sampling noise)"), outcome.reason());
    }

    @Test
    void whenNonePassesTheFarthestFromTrainingWins() {
        var outcome = ModelSelection.decide(List.of(new Candidate(Type.COPULA, 0.9, 0.60, 0, 0),
                new Candidate(Type.TREE, 0.99, 0.70, 0, 0)));
        assertEquals(Type.COPULA, outcome.chosen());
        assertTrue(outcome.reason().contains("no model passed"), outcome.reason());
    }

    @Test
    void theTreeCandidateGrowsLeavesAsLargeAsTheModelThatShips() {
        TreeSettings automatic = new TreeSettings(0, 8, List.of(), 1);
        // 240 rows: the validation split trains on 180, under the no-split bound; the final fit on 240 splits
        TreeSettings candidate = ModelSelection.candidateSettings(automatic, 240, 5);
        assertEquals(TreeSettings.automaticMinLeaf(240, 5), candidate.minLeafFor(180, 5));
        assertEquals(15, candidate.minLeafFor(180, 5));
        assertEquals(automatic.maxDepth(), candidate.maxDepth());
        assertEquals(automatic.significance(), candidate.significance());
        TreeSettings explicit = new TreeSettings(30, 8, List.of(), 1);
        assertEquals(explicit, ModelSelection.candidateSettings(explicit, 240, 5));
    }
}
