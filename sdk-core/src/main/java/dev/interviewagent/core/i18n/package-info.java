/**
 * Localised user-facing strings shared by channels and brains: stage names and emoji, statuses, error texts,
 * buttons, prompts and help, in every supported {@link dev.interviewagent.core.Language}.
 */
@NullMarked
package dev.interviewagent.core.i18n;

import org.jspecify.annotations.NullMarked;
