/**
 * The interview engine, its model and the SPIs the other SDK modules implement. Everything under
 * {@code dev.interviewagent.core.internal} is plumbing: exported only to the SDK modules that share it.
 */
// "module": the qualified exports name sibling modules that are not on the path when this one compiles
@SuppressWarnings("module")
module dev.interviewagent.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.apache.lucene.analysis.common;
    requires org.apache.lucene.core;
    requires org.slf4j;
    requires static transitive org.jspecify;
    // the .metrics.micrometer binders only: hosts without Micrometer never load them
    requires static micrometer.core;

    // The API: the published surface, pinned by ModuleGraphTest (sdk-testkit) and docs/architecture.md#modules.
    exports dev.interviewagent.core;
    exports dev.interviewagent.core.analysis;
    exports dev.interviewagent.core.brain;
    exports dev.interviewagent.core.channel;
    exports dev.interviewagent.core.config;
    exports dev.interviewagent.core.exception;
    exports dev.interviewagent.core.experiment;
    exports dev.interviewagent.core.guide;
    exports dev.interviewagent.core.i18n;
    exports dev.interviewagent.core.knowledge;
    exports dev.interviewagent.core.lang;
    exports dev.interviewagent.core.metrics;
    exports dev.interviewagent.core.metrics.micrometer;
    exports dev.interviewagent.core.report;
    exports dev.interviewagent.core.resilience;
    exports dev.interviewagent.core.spi;
    exports dev.interviewagent.core.store;

    // Plumbing shared with sibling modules, not API.
    exports dev.interviewagent.core.internal.errors to dev.interviewagent.llm;
    exports dev.interviewagent.core.internal.guard to dev.interviewagent.llm;
    exports dev.interviewagent.core.internal.lang to dev.interviewagent.llm;
    exports dev.interviewagent.core.internal.json to dev.interviewagent.persistence, dev.interviewagent.websocket;
    exports dev.interviewagent.core.internal.protocol to dev.interviewagent.websocket;
    exports dev.interviewagent.core.internal.text to
            dev.interviewagent.llm, dev.interviewagent.telegram, dev.interviewagent.websocket;

    // Jackson binds the state documents, reports, guides and language packs by reflection.
    opens dev.interviewagent.core to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.analysis to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.brain to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.channel to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.config to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.experiment to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.guide to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.knowledge to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.lang to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.report to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.spi to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.internal.brain to com.fasterxml.jackson.databind;
    opens dev.interviewagent.core.internal.engine to com.fasterxml.jackson.databind;
    // LanguagePack reads its files through the class loader, which sees a named module's resources only in open
    // packages (language packs of other jars ship the same folders; see docs/languages.md).
    opens dev.interviewagent.core.lang.en;
    opens dev.interviewagent.core.lang.ru;
}
