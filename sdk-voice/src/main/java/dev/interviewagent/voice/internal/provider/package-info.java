/** Helpers shared by the provider adapters: error mapping and HTTP client set-up. Not a published API. */
@NullMarked
package dev.interviewagent.voice.internal.provider;

import org.jspecify.annotations.NullMarked;
