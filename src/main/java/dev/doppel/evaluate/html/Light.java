package dev.doppel.evaluate.html;

/** A traffic-light rating, always shown with its word so the report does not rely on colour alone. */
public enum Light {
    GOOD("Good", "good"),
    FAIR("Fair", "fair"),
    POOR("Poor", "poor"),
    /** The number was not measured or is undefined. */
    NONE("n/a", "none");

    private final String word;
    private final String css;

    Light(String word, String css) {
        this.word = word;
        this.css = css;
    }

    /** The word shown beside the colour. */
    public String word() {
        return word;
    }

    String css() {
        return css;
    }
}
