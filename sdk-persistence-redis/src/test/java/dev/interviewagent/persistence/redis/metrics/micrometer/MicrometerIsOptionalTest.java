package dev.interviewagent.persistence.redis.metrics.micrometer;

import dev.interviewagent.core.metrics.MicrometerChecks;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency of sdk-persistence-redis: only the binders' package may refer to it,
 * and every meter they register is in the operations guide.
 */
class MicrometerIsOptionalTest {

    @Test
    void should_refer_to_micrometer_only_from_the_micrometer_package() throws Exception {
        MicrometerChecks.assertOnlyPackageRefersToMicrometer("dev/interviewagent/persistence/redis/metrics/micrometer/");
    }

    @Test
    void should_document_every_meter_in_the_operations_guide() throws Exception {
        MicrometerChecks.assertMetersDocumented(RedisMetrics.class);
    }
}
