package dev.doppel.mask;

import dev.doppel.privacy.MaskAction;
import dev.doppel.privacy.PersonalData;
import dev.doppel.privacy.PrivacyRole;
import java.util.Objects;

/**
 * How one column is masked, after detection and the profile.
 *
 * @param name the column's header name
 * @param role what the column means for data protection
 * @param what the kind of personal data (drives fake and pseudonymise); null when none is known
 * @param action what masking does with the column
 * @param level the generalisation level as the profile spells it ("10", "year", "prefix 3", "rare"); null unless
 *     the action is generalise
 * @param evidence why detection decided so (counts and kinds only, never a value); "" when nothing was detected
 * @param fromProfile true when the profile set the action, false when it is detection's default
 * @param note why the action differs from what was asked or proposed (e.g. no key to pseudonymise with); null when
 *     it does not
 */
public record ColumnMask(
        String name,
        PrivacyRole role,
        PersonalData what,
        MaskAction action,
        String level,
        String evidence,
        boolean fromProfile,
        String note) {
    public ColumnMask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        evidence = evidence == null ? "" : evidence;
    }

    public ColumnMask(String name, PrivacyRole role, PersonalData what, MaskAction action, String level,
            String evidence, boolean fromProfile) {
        this(name, role, what, action, level, evidence, fromProfile, null);
    }

    /** True when the column reaches the output as it was read. */
    public boolean keeps() {
        return action == MaskAction.KEEP;
    }
}
