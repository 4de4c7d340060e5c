package org.policyclassifier.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.policyclassifier.io.AtomicFiles;

/**
 * The rules of one rule folder compiled to Drools' executable model (Java classes that build the
 * rules: no DRL parsing, no Java deserialisation, no MVEL and no field readers generated at load,
 * the larger part of a start-up before), kept on disk with the exact text of every rule file they
 * come from and the version of the engine and of this program: a file whose texts differ from the
 * folder's, because a rule was edited, is never used, so an edited rule is compiled afresh on the
 * next run, while an unchanged folder skips the compilers. The file is named by a hash of those
 * texts, so that folders of different texts keep files of their own; the texts inside decide, so
 * the hash need not be a cryptographic one. The DRL that Drools made of each decision table is
 * kept too: compiling a table is not needed to use it. A cache only: anything unreadable is
 * ignored and rebuilt.
 */
final class CompiledRules {

    private static final String FORMAT = "policy-compiled-rules 2 (executable model)";
    /**
     * Drools' version and when this program was built: the kept classes call the fact types'
     * accessors and constructors, so a rebuilt program compiles its rules afresh.
     */
    private static final String ENGINE = KieBase.class.getPackage().getImplementationVersion() + " " + buildStamp();
    /** Where the executable model lists its model classes, one per rule package. */
    private static final String MODEL_LIST = "drools-model";

    private final Path file;
    /** Each rule file's name and text, as read from the folder. */
    private final Map<String, String> texts;

    /** What a cache file holds: the DRL of each decision table by file name, and the rules' classes. */
    static final class Loaded {
        private final Map<String, String> tableDrl;
        private final List<String> models;
        private final Map<String, byte[]> classes;

        private Loaded(Map<String, String> tableDrl, List<String> models, Map<String, byte[]> classes) {
            this.tableDrl = tableDrl;
            this.models = models;
            this.classes = classes;
        }

        Map<String, String> tableDrl() {
            return tableDrl;
        }

        /** The knowledge base of the rule packages named, or null when the classes cannot be used. */
        KieBase kieBase(Set<String> packages) {
            try {
                ClassLoader loader = new GeneratedClasses(classes, CompiledRules.class.getClassLoader());
                List<Model> used = new ArrayList<>();
                for (String model : models) {
                    if (packages.contains(model.substring(0, Math.max(0, model.lastIndexOf('.'))))) {
                        used.add(loader.loadClass(model).asSubclass(Model.class).getConstructor().newInstance());
                    }
                }
                return KieBaseBuilder.createKieBaseFromModel(used);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null; // stale or damaged: compile again
            }
        }
    }

    CompiledRules(Path dir, Map<String, String> texts) {
        this.texts = new LinkedHashMap<>(texts);
        long hash = ENGINE.hashCode();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            hash = hash * 1_000_003L + e.getKey().hashCode();
            hash = hash * 1_000_003L + e.getValue().hashCode();
            hash = hash * 31 + e.getValue().length();
        }
        this.file = dir.resolve(String.format("%016x", hash) + ".rules");
    }

    private static String buildStamp() {
        try {
            CodeSource code = CompiledRules.class.getProtectionDomain().getCodeSource();
            return code == null ? "" : Files.getLastModifiedTime(Path.of(code.getLocation().toURI())).toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "";
        }
    }

    /** These rule files as compiled before, or null. */
    Loaded load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!FORMAT.equals(readText(in)) || !ENGINE.equals(readText(in)) || !texts.equals(readTexts(in))) {
                return null; // another folder's, whose texts happen to have the same hash, or another build's
            }
            Map<String, String> tableDrl = readTexts(in);
            List<String> models = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                models.add(readText(in));
            }
            Map<String, byte[]> classes = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                classes.put(readText(in), readBytes(in));
            }
            return new Loaded(tableDrl, models, classes);
        } catch (IOException | RuntimeException e) {
            return null; // stale or damaged: compile again
        }
    }

    /**
     * Compiles the rule files to the executable model and keeps its classes and the DRL of each
     * decision table (by file name) for the next run. False when the rules do not compile (the
     * caller compiles them to DRL, whose messages it reports) or the file cannot be written.
     */
    boolean store(List<RuleSource> sources, Map<String, String> tableDrl) {
        try {
            KieBuilder builder = RuleSet.kieBuilder(sources).buildAll(ExecutableModelProject.class);
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                return false;
            }
            InternalKieModule module = (InternalKieModule) builder.getKieModule();
            KieServices.Factory.get().getRepository().removeKieModule(module.getReleaseId());
            List<String> models = new ArrayList<>();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (String name : module.getFileNames()) {
                if (name.endsWith("/" + MODEL_LIST)) {
                    new String(module.getBytes(name), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add);
                } else if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                            module.getBytes(name));
                }
            }
            if (models.isEmpty()) {
                return false;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                writeText(out, FORMAT);
                writeText(out, ENGINE);
                writeTexts(out, texts);
                writeTexts(out, tableDrl);
                out.writeInt(models.size());
                for (String model : models) {
                    writeText(out, model);
                }
                out.writeInt(classes.size());
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    writeText(out, c.getKey());
                    out.writeInt(c.getValue().length);
                    out.write(c.getValue());
                }
            }
            Files.createDirectories(file.getParent());
            AtomicFiles.writeReadableByAll(file, bytes.toByteArray());
            removeOtherBuilds(file.getParent());
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // this run and the next compile to DRL
        }
    }

    /**
     * Every build of the program compiles its rules afresh: the files of other builds (and of an
     * older format) would only pile up, a megabyte each.
     */
    private static void removeOtherBuilds(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path other : files.filter(f -> f.getFileName().toString().endsWith(".rules")).toList()) {
                try (DataInputStream in = new DataInputStream(Files.newInputStream(other))) {
                    if (FORMAT.equals(readText(in)) && ENGINE.equals(readText(in))) {
                        continue;
                    }
                } catch (IOException e) {
                    // Not a file of this format.
                }
                Files.deleteIfExists(other);
            }
        }
    }

    // Texts as UTF-8 bytes with their length: no 64 KB limit, and decoded in one call.
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeTexts(DataOutputStream out, Map<String, String> texts) throws IOException {
        out.writeInt(texts.size());
        for (Map.Entry<String, String> e : texts.entrySet()) {
            writeText(out, e.getKey());
            writeText(out, e.getValue());
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] bytes = length < 0 ? null : in.readNBytes(length);
        if (bytes == null || bytes.length < length) {
            throw new IOException("damaged: a length beyond the end of the file");
        }
        return bytes;
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static Map<String, String> readTexts(DataInputStream in) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            texts.put(readText(in), readText(in));
        }
        return texts;
    }

    /** The classes of the executable model, defined from the cache file's bytes when first needed. */
    private static final class GeneratedClasses extends ClassLoader {
        private final Map<String, byte[]> classes;

        GeneratedClasses(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.remove(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
