package dev.doppel.pipeline;

/** Told how far long work has come. Implementations print; the pipeline never does. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish() {}
    };

    void start(String task, long total);

    /** {@code done} units of the total are complete. */
    void advance(long done);

    void finish();
}
