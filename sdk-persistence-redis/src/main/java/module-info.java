/** What several nodes share: a Redis cache in front of the database store, a cluster-wide lock, events. */
module dev.interviewagent.persistence.redis {
    requires transitive dev.interviewagent.persistence;
    requires redis.clients.jedis;
    requires org.apache.commons.pool2;
    requires org.slf4j;
    requires static transitive org.jspecify;
    // the .metrics.micrometer binder only
    requires static micrometer.core;

    exports dev.interviewagent.persistence.redis;
    exports dev.interviewagent.persistence.redis.metrics.micrometer;

    provides dev.interviewagent.persistence.ClusterStackProvider
            with dev.interviewagent.persistence.redis.RedisStackProvider;
}
