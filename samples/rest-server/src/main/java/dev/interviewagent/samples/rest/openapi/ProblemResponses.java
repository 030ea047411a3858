package dev.interviewagent.samples.rest.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem responses an operation documents, besides its success: each status gets the {@code Problem} schema in
 * the OpenAPI document ({@link OpenApiConfiguration}). Every operation also documents 400 (an unreadable request),
 * 406 (an {@code Accept} it cannot meet), 429 (rate limit) and 500.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

    /** The HTTP statuses, e.g. {@code {400, 401, 404}}. */
    int[] value();
}
