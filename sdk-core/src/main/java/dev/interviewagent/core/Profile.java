package dev.interviewagent.core;

import dev.interviewagent.core.internal.text.TextSanitizer;
import org.jspecify.annotations.Nullable;

/**
 * What the respondent told about themselves before the interview. Every field is optional. This is personal data:
 * the SDK never logs it. Text fields are stripped of surrounding white space and of invisible characters
 * (bidirectional controls, zero-width characters); a field left empty becomes null.
 *
 * @param expertName       how to address the expert
 * @param roleTitle        the official title
 * @param company          the employer
 * @param industry         the industry
 * @param yearsExperience  years in the role, 0–80
 * @param interviewGoal    what the knowledge will be used for (a training programme, onboarding …)
 */
public record Profile(
        @Nullable String expertName,
        @Nullable String roleTitle,
        @Nullable String company,
        @Nullable String industry,
        @Nullable Integer yearsExperience,
        @Nullable String interviewGoal) {

    /** The longest accepted value of a text field. */
    public static final int MAX_FIELD_LENGTH = 200;

    /** A profile with nothing filled in. */
    public static final Profile EMPTY = new Profile(null, null, null, null, null, null);

    public Profile {
        expertName = clean("expertName", expertName);
        roleTitle = clean("roleTitle", roleTitle);
        company = clean("company", company);
        industry = clean("industry", industry);
        interviewGoal = clean("interviewGoal", interviewGoal);
        if (yearsExperience != null && (yearsExperience < 0 || yearsExperience > 80)) {
            throw new IllegalArgumentException("yearsExperience must be 0-80, was " + yearsExperience);
        }
    }

    private static @Nullable String clean(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        // invisible characters (bidi controls, zero-width) could hide or reorder words in reports and prompts
        String stripped = TextSanitizer.stripInvisible(value).strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() > MAX_FIELD_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_FIELD_LENGTH + " characters, was "
                    + stripped.length());
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isISOControl(stripped.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
        return stripped;
    }

    /** Whether no field is filled in. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
