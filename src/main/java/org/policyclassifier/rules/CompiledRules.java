package org.policyclassifier.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * The compiled packages of one rule folder, kept on disk under a name made of the SHA-256 of
 * every rule file's name and text (and the Drools version): an edited rule file gets another
 * name, so it is compiled afresh on the next run, while an unchanged folder skips the compiler
 * (the larger part of start-up). A cache only: anything unreadable is ignored and rebuilt.
 */
final class CompiledRules {

    private final Path file;

    CompiledRules(Path dir, Map<String, String> texts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha.update(String.valueOf(KieBase.class.getPackage().getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
        texts.forEach((name, text) -> sha.update((name + '\0' + text + '\0').getBytes(StandardCharsets.UTF_8)));
        this.file = dir.resolve(HexFormat.of().formatHex(sha.digest()) + ".rules");
    }

    /** The knowledge base of these rule files as compiled before, or null. */
    KieBase load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(
                Files.readAllBytes(file)), CompiledRules.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) in.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(packages);
            return kieBase;
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

    /** Keeps the compiled packages for the next run; a failure only costs that run its speed-up. */
    void store(KieBase kieBase) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
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
