package dev.interviewagent.samples.rest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The REST interview server: the engine, its store, brain and speech-to-text come from sdk-spring-boot-starter
 * ({@code interview.*} properties); this application adds the HTTP API ({@code /api/interviews}), the operator API
 * and page ({@code /api/admin/**}, {@code /admin/}), problem details, rate limits and the OpenAPI document.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RestServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RestServerApplication.class, args);
    }
}
