/**
 * The provider SPI of speech-to-text: one {@link dev.interviewagent.voice.spi.SpeechToTextProvider} per provider
 * module, found with {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.interviewagent.voice.spi;

import org.jspecify.annotations.NullMarked;
