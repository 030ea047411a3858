package dev.interviewagent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins sdk-core's public API: every public type of the packages not named {@code internal}, with its public and
 * protected members, is listed in {@code src/test/resources/api/sdk-core.txt}. A change to the API shows as a diff of
 * that file in review; after a deliberate change run the test with {@code -Dapi.update=true} to rewrite it. Two rules
 * go with it: the API's signatures name only {@code java.*} and sdk-core's own API types (Micrometer only in the
 * binder package made for it), and sdk-core's main code imports nothing from the other SDK modules.
 */
class ApiSurfaceTest {

    private static final Path GOLDEN = Path.of("src/test/resources/api/sdk-core.txt");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final String ROOT = "dev.interviewagent.core";
    /** The one package whose purpose is a third-party binding. */
    private static final String MICROMETER_BINDER = ROOT + ".metrics.micrometer";
    @Test
    void should_list_the_same_public_types_and_members_as_the_checked_in_api_file() throws Exception {
        String actual = String.join("\n", surface()) + "\n";
        if (Boolean.getBoolean("api.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("sdk-core's public API (run with -Dapi.update=true after a deliberate change, and "
                + "review the diff of %s)", GOLDEN).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void should_name_only_java_and_sdk_core_api_types_when_reading_the_public_signatures() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            Set<Class<?>> used = new HashSet<>();
            collect(type.getGenericSuperclass(), used, new HashSet<>());
            for (Type t : type.getGenericInterfaces()) {
                collect(t, used, new HashSet<>());
            }
            for (Member member : members(type)) {
                for (Type t : signatureTypes(member)) {
                    collect(t, used, new HashSet<>());
                }
            }
            for (Class<?> u : used) {
                String violation = type.getName() + " names " + u.getName();
                if (!allowed(type, u)) {
                    violations.add(violation);
                }
            }
        }
        assertThat(violations).as("third-party or internal types in public signatures").isEmpty();
    }

    @Test
    void should_import_nothing_from_other_sdk_modules_when_reading_the_main_sources() throws IOException {
        Pattern sdkImport = Pattern.compile("^import (?:static )?(dev\\.interviewagent\\.[\\w.]+);", Pattern.MULTILINE);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = sdkImport.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).startsWith(ROOT + ".")) {
                        violations.add(MAIN_SOURCES.relativize(file) + " imports " + m.group(1));
                    }
                }
            }
        }
        assertThat(violations).as("sdk-core depends on no other SDK module").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ listing

    /**
     * One line per API type and per public or protected member, sorted; names under {@value #ROOT} are written
     * without it, and members without their type's name, so the file reads like the API.
     */
    private static List<String> surface() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            lines.add(shorten(header(type)));
            TreeSet<String> members = new TreeSet<>();
            for (Member member : members(type)) {
                members.add("  " + shorten(describe(member).replace(" " + type.getTypeName() + ".", " ")));
            }
            lines.addAll(members);
        }
        return lines;
    }

    private static String shorten(String line) {
        return line.replace(ROOT + ".", "");
    }

    private static String header(Class<?> type) {
        StringBuilder header = new StringBuilder(kind(type)).append(' ').append(type.getTypeName());
        TypeVariable<?>[] parameters = type.getTypeParameters();
        if (parameters.length > 0) {
            header.append(Arrays.stream(parameters).map(ApiSurfaceTest::variable)
                    .reduce((a, b) -> a + ", " + b).map(s -> "<" + s + ">").orElse(""));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            header.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            header.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).sorted().reduce((a, b) -> a + ", " + b).orElse(""));
        }
        if (type.isSealed()) {
            header.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getTypeName)
                    .sorted().reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return header.toString();
    }

    private static String variable(TypeVariable<?> variable) {
        Type[] bounds = variable.getBounds();
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return variable.getName();
        }
        return variable.getName() + " extends " + Arrays.stream(bounds).map(Type::getTypeName)
                .reduce((a, b) -> a + " & " + b).orElse("");
    }

    private static String kind(Class<?> type) {
        String modifiers = Modifier.toString(type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED
                | Modifier.STATIC | (type.isInterface() || type.isEnum() || type.isRecord() ? 0
                : Modifier.ABSTRACT | Modifier.FINAL)));
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        return modifiers + " " + kind;
    }

    private static String describe(Member member) {
        if (member instanceof Method method) {
            return method.toGenericString();
        }
        if (member instanceof Constructor<?> constructor) {
            return constructor.toGenericString();
        }
        return ((Field) member).toGenericString();
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The public types, top-level and nested, of every package under {@value #ROOT} not named internal. */
    private static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(InterviewEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> n.startsWith(ROOT + ".") && !n.contains(".internal.") && !n.endsWith("package-info")
                            && !n.equals("module-info"))
                    .sorted().toList();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
                if (visible(type)) {
                    types.add(type);
                }
            }
        }
        types.sort((a, b) -> a.getTypeName().compareTo(b.getTypeName()));
        return types;
    }

    /** Public or protected itself and in every type around it; not anonymous, local or synthetic. */
    private static boolean visible(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!exposed(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        boolean extensible = !Modifier.isFinal(type.getModifiers());
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (!c.isSynthetic() && (Modifier.isPublic(c.getModifiers())
                    || extensible && Modifier.isProtected(c.getModifiers()))) {
                members.add(c);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge() && (Modifier.isPublic(m.getModifiers())
                    || extensible && Modifier.isProtected(m.getModifiers()))) {
                members.add(m);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (!f.isSynthetic() && (Modifier.isPublic(f.getModifiers())
                    || extensible && Modifier.isProtected(f.getModifiers()))) {
                members.add(f);
            }
        }
        return members;
    }

    private static List<Type> signatureTypes(Member member) {
        List<Type> types = new ArrayList<>();
        if (member instanceof Method m) {
            types.add(m.getGenericReturnType());
            types.addAll(List.of(m.getGenericParameterTypes()));
            types.addAll(List.of(m.getGenericExceptionTypes()));
        } else if (member instanceof Constructor<?> c) {
            types.addAll(List.of(c.getGenericParameterTypes()));
            types.addAll(List.of(c.getGenericExceptionTypes()));
        } else {
            types.add(((Field) member).getGenericType());
        }
        return types;
    }

    private static void collect(Type type, Set<Class<?>> into, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive()) {
                into.add(c);
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), into, seen);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, into, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collect(bound, into, seen);
            }
            for (Type bound : w.getLowerBounds()) {
                collect(bound, into, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), into, seen);
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                collect(bound, into, seen);
            }
        }
    }

    private static boolean allowed(Class<?> owner, Class<?> used) {
        String name = used.getName();
        if (name.startsWith("java.")) {
            return true;
        }
        if (name.startsWith(ROOT + ".")) {
            return !name.contains(".internal.");
        }
        return owner.getPackageName().equals(MICROMETER_BINDER) && name.startsWith("io.micrometer.");
    }
}
