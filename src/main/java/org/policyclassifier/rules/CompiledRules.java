package org.policyclassifier.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * The compiled packages of one rule folder, kept on disk with the exact text of every rule file
 * they come from (and the Drools version): a file whose texts differ from the folder's, because a
 * rule was edited, is never used, so an edited rule is compiled afresh on the next run, while an
 * unchanged folder skips the compiler (the larger part of start-up). The file is named by a hash
 * of those texts, so that folders of different texts keep files of their own; the texts inside
 * decide, so the hash need not be a cryptographic one (a SHA-256 of the folder took 20 ms of a
 * start-up). The DRL that Drools made of each decision table is kept too: compiling a table is
 * not needed to use it. A cache only: anything unreadable is ignored and rebuilt.
 */
final class CompiledRules {

    private static final String VERSION = String.valueOf(KieBase.class.getPackage().getImplementationVersion());

    private final Path file;
    /** Each rule file's name and text, as read from the folder. */
    private final Map<String, String> texts;

    /** What a cache file holds beside the packages: the texts, and the DRL of each decision table by file name. */
    record Loaded(KieBase kieBase, Map<String, String> tableDrl) {
    }

    CompiledRules(Path dir, Map<String, String> texts) {
        this.texts = new LinkedHashMap<>(texts);
        long hash = VERSION.hashCode();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            hash = hash * 1_000_003L + e.getKey().hashCode();
            hash = hash * 1_000_003L + e.getValue().hashCode();
            hash = hash * 31 + e.getValue().length();
        }
        this.file = dir.resolve(String.format("%016x", hash) + ".rules");
    }

    /** The knowledge base of these rule files as compiled before, or null. */
    Loaded load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(
                Files.readAllBytes(file)), CompiledRules.class.getClassLoader())) {
            if (!VERSION.equals(in.readObject()) || !texts.equals(in.readObject())) {
                return null; // another folder's, whose texts happen to have the same hash
            }
            @SuppressWarnings("unchecked")
            Map<String, String> tableDrl = (Map<String, String>) in.readObject();
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) in.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(packages);
            return new Loaded(kieBase, tableDrl);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null; // stale or damaged: compile again
        }
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own defaults apply.
        }
    }

    /**
     * Keeps the compiled packages and the DRL of each decision table (by file name) for the next
     * run; a failure only costs that run its speed-up.
     */
    void store(KieBase kieBase, Map<String, String> tableDrl) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(VERSION);
                out.writeObject(new LinkedHashMap<>(texts));
                out.writeObject(new LinkedHashMap<>(tableDrl));
                out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".rules-", ".partial");
            try {
                Files.write(temp, bytes.toByteArray());
                // createTempFile makes it owner-only: other users of the same installation would
                // compile every time. The compiled rules are no secret (the rule files are readable).
                readableByAll(temp);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // The next run compiles again.
        }
    }
}
