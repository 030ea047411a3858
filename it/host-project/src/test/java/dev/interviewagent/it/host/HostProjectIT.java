package dev.interviewagent.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.docs.QuickstartDocs;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.llm.LlmBrains;
import dev.interviewagent.llm.internal.LlmTestServers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SDK as a new user meets it: installed into a temporary local repository (invoker:install, before this test),
 * then the quickstart of docs/quickstart.md built and run as a host project that imports only the BOM — its
 * {@code pom.xml}, class and run command taken from the docs at test time — first on the offline brain, then with
 * the dependencies of docs/llm.md on the LLM brain against a local server that follows OpenAI's published
 * chat-completions contract. Also checks what a host gets from the BOM and what each library jar carries.
 */
class HostProjectIT {

    private static final Path ROOT = QuickstartDocs.repositoryRoot();
    private static final Path QUICKSTART = ROOT.resolve("docs/quickstart.md");
    private static final Path LLM_GUIDE = ROOT.resolve("docs/llm.md");
    private static final Path HOSTS = Path.of("target", "host-projects").toAbsolutePath();
    private static final String GROUP = "dev.interviewagent";
    private static final String LIBRARY_PREFIX = "sdk-";
    /**
     * Groups a host takes from its own framework, not from our BOM: Spring Boot's modules and Micrometer come with
     * the host's Spring Boot (or its own metrics setup) at the versions it is built on; pinning them here would
     * override the framework's choice in every Spring Boot host that imports this BOM.
     */
    private static final Set<String> HOST_FRAMEWORK_GROUPS = Set.of("org.springframework.boot", "io.micrometer");
    /** Libraries a host must never get from the BOM: the build's own test and benchmark tools. */
    private static final List<String> BUILD_ONLY_GROUPS = List.of("org.junit", "org.mockito", "org.assertj",
            "org.seleniumhq.selenium", "org.openjdk.jmh", "com.networknt", "org.slf4j");

    // ------------------------------------------------------------------------------------------------ the BOM

    @Test
    void should_install_a_bom_with_no_parent_build_or_build_libraries_and_the_projects_metadata() {
        Pom bom = installedBom();
        Pom parent = Pom.read(ROOT.resolve("pom.xml"));

        assertThat(bom.child("parent")).as("the installed BOM has no parent").isEmpty();
        assertThat(bom.child("build")).as("no build section").isEmpty();
        assertThat(bom.child("dependencies")).as("no dependencies of its own").isEmpty();
        assertThat(bom.child("repositories")).as("no repositories").isEmpty();
        assertThat(bom.managedDependencies()).as("no test scope").noneMatch(d -> d.scope().equals("test"));
        Map<String, String> parentImports = imports(parent);
        assertThat(bom.managedDependencies()).filteredOn(d -> d.scope().equals("import"))
                .as("a BOM imported into a host's management is one the parent imports, at the parent's version")
                .allSatisfy(d -> assertThat(d.version()).as(d.key()).isEqualTo(parentImports.get(d.key())));
        assertThat(bom.managedDependencies()).extracting(Pom.Dependency::groupId)
                .as("no build-only libraries (JUnit, Mockito, Selenium, JMH, a logging binding ...)")
                .noneMatch(group -> BUILD_ONLY_GROUPS.stream().anyMatch(group::startsWith));
        for (String element : List.of("url", "inceptionYear", "organization", "licenses", "developers", "scm",
                "issueManagement")) {
            assertThat(bom.text(element)).as("<%s> of the BOM, as in the parent POM", element)
                    .isNotEmpty().isEqualTo(parent.text(element));
        }
        assertThat(bom.text("licenses")).contains("Apache-2.0");
    }

    @Test
    void should_manage_every_library_module_and_every_dependency_a_host_adds_itself_at_the_builds_version() {
        Map<String, Pom.Dependency> managed = new LinkedHashMap<>();
        installedBom().managedDependencies().forEach(d -> managed.putIfAbsent(d.key(), d));
        Map<String, Pom.Dependency> leftToHost = dependenciesLeftToHosts();

        List<String> problems = new ArrayList<>();
        for (String module : libraryModules()) {
            Pom.Dependency entry = managed.get(GROUP + ":" + module);
            if (entry == null || !entry.version().equals(HostSettings.VERSION)) {
                problems.add("the BOM must manage " + GROUP + ":" + module + " at " + HostSettings.VERSION + ", has "
                        + (entry == null ? "nothing" : entry.version()));
            }
        }
        leftToHost.forEach((key, declared) -> {
            Pom.Dependency entry = managed.get(key);
            if (entry == null) {
                problems.add("the BOM must manage " + key + " (" + describe(declared) + " in an sdk-* module)");
            } else if (!entry.exclusions().containsAll(declared.exclusions())) {
                problems.add("the BOM's " + key + " must exclude " + declared.exclusions() + " as the module does");
            }
        });
        Map<String, String> build = buildVersions();
        managed.values().stream().filter(d -> !d.groupId().equals(GROUP) && !d.scope().equals("import")).forEach(d -> {
            String used = build.get(d.key());
            if (used == null) {
                problems.add(d.key() + " is managed by the BOM but not on it/host-project's test classpath: add it"
                        + " there (test scope) so that its version is checked against the build's");
            } else if (!used.equals(d.version())) {
                problems.add("the BOM gives " + d.key() + " " + d.version() + " but the build uses " + used
                        + " (parent pom.xml): update bom/pom.xml");
            } else if (!leftToHost.containsKey(d.key())) {
                problems.add("the BOM manages " + d.key() + ", which no sdk-* module leaves to the host");
            }
        });
        assertThat(problems).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ the jars

    @Test
    void should_build_each_library_jar_with_its_automatic_module_name_and_a_sources_and_a_javadoc_jar()
            throws IOException {
        for (String module : libraryModules()) {
            Path target = ROOT.resolve(module).resolve("target");
            String base = module + "-" + HostSettings.VERSION;
            assertThat(target.resolve(base + ".jar"))
                    .as("%s is built before this test: it/host-project/pom.xml lists it as a test dependency", module)
                    .isRegularFile();
            try (JarFile jar = new JarFile(target.resolve(base + ".jar").toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as("Automatic-Module-Name of %s (<automatic-module-name> in its pom.xml)", module)
                        .isEqualTo(moduleName(module));
            }
            try (JarFile sources = new JarFile(target.resolve(base + "-sources.jar").toFile())) {
                assertThat(sources.stream().map(e -> e.getName()))
                        .as("%s-sources.jar", module).anyMatch(name -> name.endsWith(".java"));
            }
            try (JarFile javadoc = new JarFile(target.resolve(base + "-javadoc.jar").toFile())) {
                assertThat(javadoc.getEntry("index.html")).as("%s-javadoc.jar", module).isNotNull();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the host

    @Test
    void should_build_and_run_the_quickstart_on_the_offline_brain_when_the_host_imports_only_the_bom()
            throws Exception {
        String pom = QuickstartDocs.block(QUICKSTART, QuickstartDocs.POM);
        assertThat(Pom.read(writeTemp("quickstart-pom.xml", pom)).dependencies())
                .as("the quickstart's dependencies take their versions from the BOM")
                .allMatch(d -> d.version().isEmpty());
        HostBuild host = host("offline", pom);
        Map<String, String> env = withoutProviderKeys();

        HostBuild.Result run = host.mvn(runCommand(), env, QuickstartDocs.stdin());

        QuickstartDocs.Transcript transcript = assertInterviewed(host, run);
        assertThat(transcript.brain()).isEqualTo(LlmBrains.describe(Map.of()));
    }

    @Test
    void should_run_the_quickstart_on_the_llm_brain_when_the_host_adds_the_llm_dependencies_and_sets_the_key()
            throws Exception {
        String pom = withDependencies(QuickstartDocs.block(QUICKSTART, QuickstartDocs.POM),
                QuickstartDocs.block(LLM_GUIDE, QuickstartDocs.LLM_DEPENDENCIES));
        HostBuild host = host("llm", pom);
        try (AutoCloseable model = LlmTestServers.openAi()) {
            Map<String, String> env = withoutProviderKeys();
            env.put(LlmBrains.OPENAI_API_KEY, LlmTestServers.KEY);
            env.put(LlmBrains.OPENAI_BASE_URL, LlmTestServers.baseUrl(model));

            HostBuild.Result run = host.mvn(runCommand(), env, QuickstartDocs.stdin());

            QuickstartDocs.Transcript transcript = assertInterviewed(host, run);
            assertThat(transcript.brain()).as(run.describe()).startsWith("LLM brain: openai ")
                    .isEqualTo(LlmBrains.describe(env));
            assertThat(LlmTestServers.violations(model)).as("requests against OpenAI's published contract")
                    .isEmpty();
            assertThat(LlmTestServers.requestCount(model))
                    .as("the model phrased every message: the opening, one per answer and the close")
                    .isEqualTo(transcript.messages().size());
        }
        assertThat(resolvedVersions(host)).as("what the host resolves differs from what the SDK is built and tested"
                + " with (group:artifact=host version, build version)").isEmpty();
    }

    /**
     * The host's runtime dependencies whose resolved version is not the one this build resolves (with the parent's
     * management), as {@code group:artifact=host, build}.
     */
    private static Map<String, String> resolvedVersions(HostBuild host) throws Exception {
        Path list = host.dir().resolve("dependencies.txt");
        HostBuild.Result run = host.mvn(List.of("-q", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list",
                "-DincludeScope=runtime", "-DoutputFile=" + list), Map.of(), "");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, String> build = buildVersions();
        Map<String, String> differences = new LinkedHashMap<>();
        int listed = 0;
        for (String line : Files.readAllLines(list)) {
            String[] parts = line.strip().split("\\s+")[0].split(":");
            if (parts.length < 5) {
                continue;
            }
            listed++;
            String key = parts[0] + ":" + parts[1];
            String version = parts[parts.length - 2];
            if (!key.startsWith(GROUP + ":") && !version.equals(build.get(key))) {
                differences.put(key, version + ", " + build.getOrDefault(key, "not in the build"));
            }
        }
        assertThat(listed).as("dependencies listed in %s", list).isGreaterThan(5);
        return differences;
    }

    /** The quickstart's outcome, the same on either brain: one question per message, then a report. */
    private static QuickstartDocs.Transcript assertInterviewed(HostBuild host, HostBuild.Result run)
            throws IOException {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        QuickstartDocs.Transcript transcript = QuickstartDocs.Transcript.parse(run.stdout());
        assertThat(transcript.questions()).as(run.describe()).hasSize(QuickstartDocs.ANSWERS.size());
        OneQuestionGuard guard = OneQuestionGuard.create();
        assertThat(transcript.questions()).as("one question per message")
                .allSatisfy(q -> assertThat(guard.countQuestions(q, Language.ENGLISH)).as(q).isEqualTo(1));
        assertThat(guard.countQuestions(transcript.closing(), Language.ENGLISH)).as(transcript.closing()).isZero();
        Path report = host.dir().resolve("interview-report.md");
        assertThat(transcript.report()).as(run.describe()).contains(report);
        String markdown = Files.readString(report);
        assertThat(markdown).startsWith("# Expertise interview report");
        assertThat(QuickstartDocs.findings(markdown)).as("the report's findings, in the expert's words")
                .contains("I check the exhaust colour and the oil pressure");
        return transcript;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static HostBuild host(String name, String pom) throws IOException {
        String source = QuickstartDocs.block(QUICKSTART, QuickstartDocs.JAVA);
        return HostBuild.create(HOSTS.resolve(name), pom, QuickstartDocs.className(source), source);
    }

    /** The command docs/quickstart.md gives to run the quickstart, without the leading {@code mvn}. */
    private static List<String> runCommand() {
        String command = QuickstartDocs.block(QUICKSTART, QuickstartDocs.RUN).strip();
        List<String> words = Arrays.asList(command.split("\\s+"));
        assertThat(words.get(0)).as("docs/quickstart.md runs the quickstart with mvn").isEqualTo("mvn");
        return words.subList(1, words.size());
    }

    /** {@code pom} with {@code dependencies} (a run of {@code <dependency>} elements) added to its own. */
    private static String withDependencies(String pom, String dependencies) {
        int management = pom.indexOf("</dependencyManagement>");
        int end = pom.indexOf("  </dependencies>", Math.max(management, 0));
        assertThat(end).as("the quickstart's pom.xml has a <dependencies> list after its management").isPositive();
        String indented = dependencies.lines().map(line -> "    " + line).collect(Collectors.joining("\n", "", "\n"));
        return pom.substring(0, end) + indented + pom.substring(end);
    }

    private static Map<String, String> withoutProviderKeys() {
        Map<String, String> env = new HashMap<>();
        System.getenv().keySet().stream().filter(n -> n.startsWith("OPENAI_") || n.startsWith("ANTHROPIC_"))
                .forEach(n -> env.put(n, null));
        return env;
    }

    private static Pom installedBom() {
        Path file = HostSettings.REPOSITORY.resolve("dev/interviewagent/interview-agent-bom")
                .resolve(HostSettings.VERSION).resolve("interview-agent-bom-" + HostSettings.VERSION + ".pom");
        assertThat(file).as("the BOM, installed by invoker:install").isRegularFile();
        return Pom.read(file);
    }

    /**
     * The module name a library's jar must carry: its root package, {@code dev.interviewagent.} and the artifact id
     * after {@code sdk-} (dashes as dots, a trailing {@code -starter} dropped: sdk-spring-boot-starter is
     * {@code dev.interviewagent.spring.boot}).
     */
    private static String moduleName(String module) {
        String name = module.substring(LIBRARY_PREFIX.length()).replaceFirst("-starter$", "").replace('-', '.');
        return GROUP + "." + name;
    }

    /** The sdk-* modules of the root pom.xml: the libraries. */
    private static List<String> libraryModules() {
        List<String> modules = Pom.read(ROOT.resolve("pom.xml")).modules().stream()
                .filter(m -> m.startsWith(LIBRARY_PREFIX)).toList();
        assertThat(modules).as("library modules in the root pom.xml").isNotEmpty();
        return modules;
    }

    /** Dependencies of the library modules that a host does not simply inherit: optional, provided or runtime. */
    private static Map<String, Pom.Dependency> dependenciesLeftToHosts() {
        Map<String, Pom.Dependency> out = new LinkedHashMap<>();
        for (String module : libraryModules()) {
            for (Pom.Dependency d : Pom.read(ROOT.resolve(module).resolve("pom.xml")).dependencies()) {
                boolean leftToHost = d.optional() || d.scope().equals("provided") || d.scope().equals("runtime");
                if (leftToHost && !d.groupId().equals(GROUP) && !HOST_FRAMEWORK_GROUPS.contains(d.groupId())) {
                    out.putIfAbsent(d.key(), d);
                }
            }
        }
        return out;
    }

    /** group:artifact → version of the BOMs a POM imports into its dependency management. */
    private static Map<String, String> imports(Pom pom) {
        Map<String, String> out = new HashMap<>();
        pom.managedDependencies().stream().filter(d -> d.scope().equals("import"))
                .forEach(d -> out.put(d.key(), pom.interpolate(d.version())));
        return out;
    }

    private static String describe(Pom.Dependency d) {
        return d.optional() ? "optional" : d.scope();
    }

    /** group:artifact → version of every jar on this test's classpath: the versions the build resolves. */
    private static Map<String, String> buildVersions() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Map<String, String> versions = new HashMap<>();
        Path repository = HostSettings.OUTER_REPOSITORY.toAbsolutePath().normalize();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!jar.startsWith(repository) || jar.getNameCount() - repository.getNameCount() < 4) {
                continue;
            }
            Path relative = repository.relativize(jar);
            int n = relative.getNameCount();
            String version = relative.getName(n - 2).toString();
            String artifact = relative.getName(n - 3).toString();
            String group = relative.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
            versions.put(group + ":" + artifact, version);
        }
        return versions;
    }

    private static Path writeTemp(String name, String content) throws IOException {
        Files.createDirectories(HOSTS);
        return Files.writeString(HOSTS.resolve(name), content);
    }
}
