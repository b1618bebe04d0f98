package dev.doppel.cli;

import dev.doppel.pipeline.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar on a terminal, a plain line every 10% otherwise (logs, CI), nothing with
 * --quiet or for small jobs.
 */
final class ConsoleProgress implements Progress {
    private static final long SMALL = 200_000;
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private ProgressBar bar;
    private String task;
    private long total;
    private int lastDecile;

    ConsoleProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = System.console() != null;
    }

    @Override
    public void start(String name, long units) {
        this.task = name;
        this.total = units;
        this.lastDecile = 0;
        if (quiet || units < SMALL) {
            return;
        }
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(units)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" rows", 1)
                    .showSpeed()
                    .continuousUpdate()
                    .build();
        }
    }

    @Override
    public void advance(long done) {
        if (quiet || total < SMALL) {
            return;
        }
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        int decile = (int) (10 * done / Math.max(1, total));
        if (decile > lastDecile) {
            lastDecile = decile;
            err.printf(Locale.ROOT, "%s: %d%% (%,d of %,d rows)%n", task, decile * 10, done, total);
            err.flush();
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
