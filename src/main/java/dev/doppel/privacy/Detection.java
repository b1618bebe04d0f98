package dev.doppel.privacy;

import java.util.Objects;

/**
 * What personal-data detection found for one column, and why.
 *
 * @param role what the column means for data protection
 * @param what the kind of personal data recognised; null when nothing was
 * @param evidence a short sentence with the reasons, counts and percentages only: never a cell value
 * @param action the proposed masking action
 */
public record Detection(PrivacyRole role, PersonalData what, String evidence, MaskAction action) {
    public Detection {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(action, "action");
    }

    /** Nothing personal recognised. */
    public static Detection none() {
        return new Detection(PrivacyRole.OTHER, null, "", MaskAction.KEEP);
    }

    /** A recognised kind with its default role and action. */
    static Detection of(PersonalData what, String evidence) {
        return new Detection(what.role(), what, evidence, what.action());
    }
}
