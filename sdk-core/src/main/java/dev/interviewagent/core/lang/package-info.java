/**
 * Language packs: the resources that make up one interview language. See {@link
 * dev.interviewagent.core.lang.LanguagePack}.
 */
@NullMarked
package dev.interviewagent.core.lang;

import org.jspecify.annotations.NullMarked;
