package org.policyclassifier.rules;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java types a rule file imports, found from its {@code import} lines, so that a message can
 * say which fact types exist and which fields a type has.
 */
final class FactTypes {

    /** An import line; matched only on the lines that hold the word (a search of every line costs a start-up). */
    private static final Pattern IMPORT = Pattern.compile("\\s*import\\s+([\\w.]+?)(\\.\\*)?\\s*;?\\s*");

    /** The packages whose records are the engine's facts: what rules match, build and insert. */
    static final List<String> FACT_PACKAGES = List.of("org.policyclassifier.classify", "org.policyclassifier.trends");

    private final List<String> wildcardPackages = new ArrayList<>();
    private final List<String> classes = new ArrayList<>();

    FactTypes(String drl) {
        for (int at = drl.indexOf("import"); at >= 0; at = drl.indexOf("import", at)) {
            int end = drl.indexOf('\n', at);
            end = end < 0 ? drl.length() : end;
            Matcher m = IMPORT.matcher(drl.substring(drl.lastIndexOf('\n', at) + 1, end));
            if (m.matches()) {
                (m.group(2) != null ? wildcardPackages : classes).add(m.group(1));
            }
            at = end;
        }
    }

    /** Whether the file imports {@code type}, by its name or with its package. */
    boolean imports(Class<?> type) {
        return classes.contains(type.getName()) || wildcardPackages.contains(type.getPackageName());
    }

    /** The imported type of that simple name. */
    Optional<Class<?>> find(String simpleName) {
        for (String c : classes) {
            if (c.endsWith("." + simpleName)) {
                return load(c);
            }
        }
        for (String p : wildcardPackages) {
            Optional<Class<?>> c = load(p + "." + simpleName);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The record types a rule can match, by simple name, sorted. */
    List<String> recordNames() {
        TreeSet<String> names = new TreeSet<>();
        for (String c : classes) {
            load(c).filter(Class::isRecord).ifPresent(t -> names.add(t.getSimpleName()));
        }
        for (String p : wildcardPackages) {
            for (String simple : classesIn(p)) {
                load(p + "." + simple).filter(Class::isRecord).ifPresent(t -> names.add(t.getSimpleName()));
            }
        }
        return List.copyOf(names);
    }

    /** The engine's fact types: the top-level records of {@link #FACT_PACKAGES}, by simple name. */
    static Map<String, Class<?>> factRecords() {
        return FactRecords.BY_NAME;
    }

    /**
     * What rules may read of a fact: the fields of the fact types and the reads they declare
     * beside them (public methods without arguments, such as {@code TrendClaim.expectedTrend()}).
     */
    static Set<String> factReads() {
        return FactRecords.READS;
    }

    /** Found once: the class path does not change while the program runs. */
    private static final class FactRecords {
        static final Map<String, Class<?>> BY_NAME = find();
        static final Set<String> READS = reads();

        private static Set<String> reads() {
            Set<String> reads = new TreeSet<>();
            for (Class<?> type : BY_NAME.values()) {
                Stream.of(type.getRecordComponents()).forEach(c -> reads.add(c.getName()));
                Stream.of(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && m.getReturnType() != void.class).forEach(m -> reads.add(m.getName()));
            }
            reads.removeAll(Set.of("hashCode", "getClass"));
            return Set.copyOf(reads);
        }

        private static Map<String, Class<?>> find() {
            Map<String, Class<?>> records = new TreeMap<>();
            for (String pkg : FACT_PACKAGES) {
                for (String simple : classesIn(pkg)) {
                    load(pkg + "." + simple).filter(Class::isRecord).ifPresent(t -> records.put(simple, t));
                }
            }
            return Map.copyOf(records);
        }
    }

    /** The fields of a record type, in order, as {@code String caseId}. */
    static List<String> fields(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        return Stream.of(type.getRecordComponents()).map(c -> c.getType().getSimpleName() + " " + c.getName())
                .toList();
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, FactTypes.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Top-level class names of a package, from the class path (folders in tests, the jar when installed). */
    private static List<String> classesIn(String pkg) {
        List<String> names = new ArrayList<>();
        String path = pkg.replace('.', '/');
        try {
            Enumeration<URL> urls = FactTypes.class.getClassLoader().getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(n -> addClass(n, names));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0)
                            .forEach(n -> addClass(n.substring(path.length() + 1), names));
                }
            }
        } catch (IOException | URISyntaxException e) {
            return names; // only used to suggest names; an unreadable class path suggests none
        }
        return names;
    }

    private static void addClass(String fileName, List<String> names) {
        if (fileName.endsWith(".class") && !fileName.contains("$")) {
            names.add(fileName.substring(0, fileName.length() - ".class".length()));
        }
    }
}
